import { countCues, CUE_INDEX, HAN, wordTokensOf } from './cues.js';
/** The features in the order the weights list them. */
export const FEATURE_NAMES = [
    'sent_mean',
    'sent_min',
    'sent_first',
    'sent_last',
    'sent_slope',
    'sent_negative_share',
    'agent_sent_mean',
    'thanks_rate',
    'praise_rate',
    'closing_rate',
    'complaint_rate',
    'unresolved_rate',
    'rejection_rate',
    'affirm_rate',
    'negate_rate',
    'escalate_rate',
    'why_rate',
    'polite_rate',
    'shouting_rate',
    'customer_question_rate',
    'agent_apology_rate',
    'agent_failure_rate',
    'agent_success_rate',
    'agent_question_rate',
    'late_failure',
    'last_outcome',
    'log_failures',
    'late_complaint',
    'late_positive',
    'customer_repeat_share',
    'agent_repeat_share',
    'log_customer_turns',
    'log_customer_length',
    'log_agent_length',
];
const QUESTION = /[?？]|吗[。！!]?$|请问/;
const NO = new Set(['no', 'nah', 'negative']);
const NO_CONTENT = new Set();
const EXCLAIMED = /[!！]{2,}/g;
const CAPITALS = /\b[A-Z]{3,}\b/g;
const NEGATIVE_TURN = -0.2;
/** Agent turns counted as "late", and customer turns. */
const LATE_AGENT_TURNS = 3;
const LATE_CUSTOMER_TURNS = 2;
/** Jaccard overlap of content tokens at which a turn repeats an earlier one. */
const REPEAT_JACCARD = 0.6;
/** Turns shorter than this (content tokens) are never repeats: "yes", "ok", 好的. */
const REPEAT_MIN_TOKENS = 3;
/** A turn is compared with this many earlier turns of the same speaker. */
const REPEAT_WINDOW = 6;
const STOP = new Set('a an the i me my you your we it is are was be to of and or in on at for with that this do does can could would please yes no ok okay'.split(' '));
/** NFKC (full-width → half-width; skipped for plain ASCII), lower case, curly apostrophes straightened. */
export function normalizeText(text) {
    return NON_ASCII.test(text) ? text.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'") : text.toLowerCase();
}
const NON_ASCII = /[^ -~\t\n\r]/;
const isHan = (code) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
/** Words (en) and Han characters / 1.5 (zh, about a word each): a length comparable across the two. */
function lengthUnits(tokens, text, hasHan) {
    let han = 0;
    if (hasHan)
        for (let i = 0; i < text.length; i++)
            if (isHan(text.charCodeAt(i)))
                han++;
    return tokens.length + han / 1.5;
}
/**
 * Content tokens for repetition: English words minus stop words, and pairs of adjacent Han characters (as one
 * number each, so no strings are made for them).
 */
function contentTokens(tokens, text, hasHan) {
    const out = new Set();
    for (const w of tokens)
        if (!STOP.has(w))
            out.add(w);
    if (hasHan)
        for (let i = 0, prev = -1; i < text.length; i++) {
            const code = text.charCodeAt(i);
            if (!isHan(code))
                prev = -1;
            else {
                if (prev >= 0)
                    out.add(prev * 0x10000 + code);
                else if (i + 1 >= text.length || !isHan(text.charCodeAt(i + 1)))
                    out.add(code);
                prev = code;
            }
        }
    return out;
}
function jaccard(a, b) {
    let shared = 0;
    for (const x of a)
        if (b.has(x))
            shared++;
    return shared / (a.size + b.size - shared);
}
/** Sets whose Jaccard overlap can reach REPEAT_JACCARD: |A∩B|/|A∪B| ≤ min/max of the sizes. */
function similarSize(a, b) {
    return b.size >= REPEAT_MIN_TOKENS && Math.min(a.size, b.size) >= REPEAT_JACCARD * Math.max(a.size, b.size);
}
/**
 * Share of turns (after the first) that repeat one of the REPEAT_WINDOW turns before them (content tokens of one
 * speaker's turns).
 */
function repeatShare(turns) {
    if (turns.length < 2)
        return 0;
    let repeats = 0;
    for (let i = 1; i < turns.length; i++) {
        const tokens = turns[i];
        if (tokens.size < REPEAT_MIN_TOKENS)
            continue;
        for (let k = Math.max(0, i - REPEAT_WINDOW); k < i; k++)
            if (similarSize(tokens, turns[k]) && jaccard(tokens, turns[k]) >= REPEAT_JACCARD) {
                repeats++;
                break;
            }
    }
    return repeats / (turns.length - 1);
}
/** Least-squares slope of the values over their position scaled to [0,1]; 0 with fewer than two. */
function slope(ys) {
    const n = ys.length;
    if (n < 2)
        return 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
        const x = i / (n - 1);
        sx += x;
        sy += ys[i];
        sxx += x * x;
        sxy += x * ys[i];
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}
/** Per turn, a cue counts at most twice. */
const capped = (x) => Math.min(x, 2);
function rate(turns, cue, n) {
    let total = 0;
    for (const t of turns)
        total += capped(t.cues[CUE_INDEX[cue]]);
    return total / n;
}
const has = (t, cue) => t.cues[CUE_INDEX[cue]] > 0;
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const mean = (xs) => (xs.length ? sum(xs) / xs.length : 0);
/**
 * The feature vector (FEATURE_NAMES order) of one dialogue: its turns (redacted text is fine: masking keeps words
 * apart) and the per-turn sentiment the pipeline computed (null for bot turns; missing values count as neutral).
 */
export function dialogueFeatures(turns, sentiment) {
    const customer = [];
    const customerSentiment = [];
    const agent = [];
    const agentSentiment = [];
    for (let i = 0; i < turns.length; i++) {
        const raw = turns[i].text.trim();
        if (!raw)
            continue;
        const text = normalizeText(raw);
        const hasHan = HAN.test(text);
        const tokens = wordTokensOf(text);
        const cues = countCues(tokens, text, hasHan);
        // Too short to count as a repeat ("yes", 好的): no content tokens needed.
        const content = tokens.length >= REPEAT_MIN_TOKENS || hasHan ? contentTokens(tokens, text, hasHan) : NO_CONTENT;
        const length = lengthUnits(tokens, text, hasHan);
        const question = QUESTION.test(text) ? 1 : 0;
        if (turns[i].role === 'customer') {
            // A bare "no" that is not "no, that's all" rejects what was offered.
            const startsNo = NO.has(tokens[0] ?? '') && cues[CUE_INDEX.closing] === 0 ? 1 : 0;
            const shouting = (raw.match(EXCLAIMED)?.length ?? 0) + (hasHan ? 0 : (raw.match(CAPITALS)?.length ?? 0));
            customer.push({ cues, content, length, question, startsNo, shouting });
            // The Chinese sentiment model learnt from reviews, where 没有 is bad news: it reads the closing formula
            // 没有了，再见 ("nothing else, bye") as negative. A Chinese closing or thanking turn without a complaint counts
            // as at least neutral. (English closings keep their score: "no, thanks anyway" does say something.)
            const closingZh = hasHan &&
                cues[CUE_INDEX.closing] + cues[CUE_INDEX.thanks] > 0 &&
                cues[CUE_INDEX.complaint] + cues[CUE_INDEX.unresolved] + cues[CUE_INDEX.escalate] === 0;
            customerSentiment.push(closingZh ? Math.max(0, sentiment[i] ?? 0) : (sentiment[i] ?? 0));
        }
        else {
            agent.push({ cues, content, length, question });
            const s = sentiment[i];
            if (s !== null && s !== undefined)
                agentSentiment.push(s);
        }
    }
    const nc = Math.max(1, customer.length);
    const na = Math.max(1, agent.length);
    // Per agent turn: 1 failure, 2 success (a success wins over a failure in the same turn), 0 neither.
    let lastOutcome = 0;
    const lastAgentOutcomes = [];
    for (const [k, t] of agent.entries()) {
        const o = has(t, 'success') ? 2 : has(t, 'failure') ? 1 : 0;
        if (o)
            lastOutcome = o;
        if (k >= agent.length - LATE_AGENT_TURNS)
            lastAgentOutcomes.push(o);
    }
    // A failure among the last agent turns, with no success after it: the request ended unmet.
    const lateFailure = lastAgentOutcomes.includes(1) && lastOutcome === 1 ? 1 : 0;
    const lateCustomer = customer.slice(-LATE_CUSTOMER_TURNS);
    const values = {
        sent_mean: mean(customerSentiment),
        sent_min: customerSentiment.length ? Math.min(...customerSentiment) : 0,
        sent_first: customerSentiment[0] ?? 0,
        sent_last: customerSentiment.at(-1) ?? 0,
        sent_slope: Math.max(-2, Math.min(2, slope(customerSentiment))),
        sent_negative_share: customerSentiment.filter((s) => s < NEGATIVE_TURN).length / nc,
        agent_sent_mean: mean(agentSentiment),
        thanks_rate: rate(customer, 'thanks', nc),
        praise_rate: rate(customer, 'praise', nc),
        closing_rate: rate(customer, 'closing', nc),
        complaint_rate: rate(customer, 'complaint', nc),
        unresolved_rate: rate(customer, 'unresolved', nc),
        rejection_rate: sum(customer.map((t) => capped(t.cues[CUE_INDEX.rejection] + t.startsNo))) / nc,
        affirm_rate: rate(customer, 'affirm', nc),
        negate_rate: rate(customer, 'negate', nc),
        escalate_rate: rate(customer, 'escalate', nc),
        why_rate: rate(customer, 'why', nc),
        polite_rate: rate(customer, 'polite', nc),
        shouting_rate: sum(customer.map((t) => capped(t.shouting))) / nc,
        customer_question_rate: sum(customer.map((t) => t.question)) / nc,
        agent_apology_rate: rate(agent, 'apology', na),
        agent_failure_rate: rate(agent, 'failure', na),
        agent_success_rate: rate(agent, 'success', na),
        agent_question_rate: sum(agent.map((t) => t.question)) / na,
        late_failure: lateFailure,
        last_outcome: lastOutcome === 2 ? 1 : lastOutcome === 1 ? -1 : 0,
        log_failures: Math.log1p(sum(agent.map((t) => t.cues[CUE_INDEX.failure]))),
        late_complaint: lateCustomer.some((t) => has(t, 'complaint') || has(t, 'unresolved') || has(t, 'escalate')) ? 1 : 0,
        late_positive: lateCustomer.some((t) => has(t, 'thanks') || has(t, 'praise')) ? 1 : 0,
        customer_repeat_share: repeatShare(customer.map((t) => t.content)),
        agent_repeat_share: repeatShare(agent.map((t) => t.content)),
        log_customer_turns: Math.log1p(customer.length),
        log_customer_length: Math.log1p(mean(customer.map((t) => t.length))),
        log_agent_length: Math.log1p(mean(agent.map((t) => t.length))),
    };
    const x = new Float64Array(FEATURE_NAMES.length);
    for (let j = 0; j < FEATURE_NAMES.length; j++)
        x[j] = values[FEATURE_NAMES[j]];
    return x;
}
//# sourceMappingURL=features.js.map