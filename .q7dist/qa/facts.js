/**
 * Key facts for the review desk and search: error codes, product models and order numbers, taken from the
 * redacted turns. Built-in patterns cover Windows stop codes and Lenovo's product lines; a scorecard's
 * `facts` section adds tenant-specific ones. A pattern's first capture group, when it has one, is the value.
 * A value that touches a masked span, or an order number that verifies as PII by the redaction's rules after an
 * order label (a card, ID or mobile number), is never a fact.
 */
import { normalise, numberKind } from '../kits/pii/index.js';
const BUILT_IN = {
    error_code: new RegExp([
        // Hex stop/status codes: 0x0000007B, 0xC000021A.
        '\\b0x[0-9A-Fa-f]{4,8}\\b',
        // Symbolic stop codes: INACCESSIBLE_BOOT_DEVICE, IRQL_NOT_LESS_OR_EQUAL, CRITICAL_PROCESS_DIED.
        '\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}\\b',
        // "error code 43", "错误代码：E-1001".
        '(?:错误代码|错误码|故障码|error code|code)\\s*[:：]?\\s*([A-Za-z]*-?\\d{2,8}[A-Za-z]?)\\b',
    ].join('|'), 'g'),
    product_model: new RegExp('(?:Lenovo\\s+|联想\\s*)?(?:ThinkPad|ThinkBook|ThinkCentre|ThinkStation|ThinkVision|IdeaPad|IdeaCentre|Legion|Yoga|拯救者|小新|天逸|扬天|昭阳)' +
        // Then model words: X1, Carbon, Y9000P, Pro, 14, Gen 11, 14s… each separated by an optional space.
        '(?:\\s?(?:Gen\\s?\\d+|Carbon|Yoga|Nano|Extreme|Slim|Pro|Air|Plus|Ultra|[A-Z]{0,2}\\d{1,5}[A-Za-z]{0,2}|[A-Z](?=\\s|$)))+', 'gu'),
    order_number: /(?:订单号?|单号|order\s*(?:number|no\.?|id|#))\s*(?:是|为|:|：|#)?\s*([A-Za-z0-9-]{6,32})/giu,
};
const KINDS = Object.keys(BUILT_IN);
/** An order number that is really a card, ID or mobile number (separators and full-width digits read through). */
const isPiiNumber = (value) => numberKind(normalise(value)
    .text.replace(/[ ._-]/g, '')
    .toUpperCase(), true) !== undefined;
/** Facts of the turns, deduplicated by kind and value (first mention kept), in order of appearance. */
export function extractFacts(turns, card) {
    const facts = [];
    const seen = new Set();
    turns.forEach((turn, i) => {
        for (const kind of KINDS) {
            for (const re of [BUILT_IN[kind], card.patterns.get(`facts.${kind}`)]) {
                if (!re)
                    continue;
                for (const m of turn.text.matchAll(re)) {
                    const value = (m.slice(1).find((g) => g !== undefined) ?? m[0]).trim();
                    const key = `${kind}\u0000${value.toLowerCase()}`;
                    const end = m.index + m[0].length;
                    if (!value || value.includes('*') || turn.text[end] === '*' || seen.has(key))
                        continue;
                    if (kind === 'order_number' && isPiiNumber(value))
                        continue;
                    seen.add(key);
                    facts.push({ kind, value, turn: i, start: m.index, end });
                }
            }
        }
    });
    return facts;
}
//# sourceMappingURL=facts.js.map