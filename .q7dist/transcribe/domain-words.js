/**
 * Domain vocabulary (product models such as X200-Pro, error codes such as E104). Speech recognisers tend to
 * split them ("x 200 pro", "E 1 0 4"); QA's fact extraction needs them whole. Each word is matched ignoring
 * case, spaces and hyphens between its letters and digits, and replaced by its canonical spelling.
 */
const cache = new Map();
function patternOf(word) {
    let re = cache.get(word);
    if (!re) {
        const chars = [...word.replace(/[\s-]/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const ascii = /^[A-Za-z0-9]/.test(word);
        re = new RegExp(`${ascii ? '(?<![A-Za-z0-9])' : ''}${chars.join('[\\s-]*')}${ascii ? '(?![A-Za-z0-9])' : ''}`, 'giu');
        cache.set(word, re);
    }
    return re;
}
export function applyDomainWords(text, words) {
    let out = text;
    for (const w of words)
        if (w.trim())
            out = out.replace(patternOf(w), w);
    return out;
}
/** `MOFANG_TRANSCRIBE_WORDS`-style list: comma or newline separated. */
export function parseDomainWords(raw) {
    return (raw ?? '')
        .split(/[,\n]/)
        .map((w) => w.trim())
        .filter(Boolean);
}
//# sourceMappingURL=domain-words.js.map