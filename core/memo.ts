/**
 * `compute` with its results remembered by key, at most `max` of them: past that the memory starts again. Clearing
 * costs less than an LRU's bookkeeping on every hit, and what these caches hold (surnames, jieba words, code points)
 * either recurs soon or not at all. For pure functions whose work costs more than a Map lookup, on hot paths.
 */
export function boundedMemo<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>()
  return (key) => {
    const hit = known.get(key)
    if (hit !== undefined || known.has(key)) return hit as V
    const value = compute(key)
    if (known.size >= max) known.clear()
    known.set(key, value)
    return value
  }
}
