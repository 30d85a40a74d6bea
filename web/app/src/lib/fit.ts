/**
 * `use:fit`: text that would not fit its box gets a smaller font instead of being cut ("Answered 721 · Abandoned …").
 * The element's CSS font size is the largest; whenever its box or its text changes, the font shrinks until the text
 * fits its width (down to `min` px), before the browser paints. A wall seen from 5 m must never hide a number.
 */
export function fit(node: HTMLElement, min = 8): { destroy(): void } {
  let busy = false
  const refit = () => {
    if (busy) return
    busy = true
    node.style.fontSize = ''
    let size = parseFloat(getComputedStyle(node).fontSize)
    // Text width is about proportional to the font size: a few steps get there, each a little under the ratio.
    for (let i = 0; i < 6 && node.scrollWidth > node.clientWidth && size > min; i++) {
      size = Math.max(min, Math.floor(size * (node.clientWidth / node.scrollWidth) * 0.97 * 10) / 10)
      node.style.fontSize = `${size}px`
    }
    busy = false
  }
  const resized = new ResizeObserver(refit)
  resized.observe(node)
  const changed = new MutationObserver(refit)
  changed.observe(node, { characterData: true, childList: true, subtree: true })
  refit()
  return {
    destroy() {
      resized.disconnect()
      changed.disconnect()
    },
  }
}
