/**
 * Every non-empty match of a global pattern in a text, by an exec loop on the pattern itself: `matchAll` clones the
 * pattern on each call, which showed in QA's profile where patterns run per turn, check and kind. The pattern's
 * lastIndex is reset first, so a shared pattern gives the same matches on every call; `visit` must not run the same
 * pattern again.
 */
export function forEachMatch(re: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  if (!re.global) throw new TypeError(`forEachMatch needs a global regex: ${re}`)
  re.lastIndex = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // An empty match moves on by one character (a code point with the u flag), as matchAll does.
    if (m[0] === '') re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1
    else visit(m)
  }
}
