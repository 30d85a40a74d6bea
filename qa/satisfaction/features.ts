/**
 * Dialogue features for predicted satisfaction, shared by training and scoring so the two cannot drift apart.
 * Everything is a rate, a share or a bounded summary, so a 6-turn chat and a 60-turn one land on the same scale,
 * and every cue list has a Chinese and an English half (matched on the NFKC-folded, lower-cased text):
 * - the customer's sentiment trajectory (per-turn sentiment from qa/sentiment, computed once by the pipeline):
 *   mean, min, first, last, slope over the conversation, share of clearly negative turns; a Chinese closing or
 *   thanking turn without a complaint counts as at least neutral (the Chinese model reads 没有了，再见 as negative);
 * - customer cues: thanks, praise/resolution ("that fixed it", 解决了), closing ("that's all", 没有了), complaint
 *   and anger, an unresolved problem ("still not working", 还是不行), rejection or correction ("no, that's wrong",
 *   换一个), cancel/escalate (refund, manager, 人工, 投诉), why-questions, politeness (please, 请, 麻烦), shouting;
 * - agent (and bot) cues: apology, failure ("unable", "not available", 无法, 查不到), success ("confirmed", 已为您);
 * - where cues fall: failure among the last agent turns and not followed by a success, complaint/unresolved or
 *   thanks/praise among the last customer turns;
 * - repetition: customer turns that repeat an earlier customer turn (re-asking), agent turns that repeat an
 *   earlier agent turn (loops);
 * - turn features: number of turns, customer and agent turn length, questions per turn.
 */
import type { Turn } from '../types.js'
import { countCues, CUE_INDEX, HAN, wordTokensOf, type CueName } from './cues.js'

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
] as const

export type FeatureName = (typeof FEATURE_NAMES)[number]

const QUESTION = /[?？]|吗[。！!]?$|请问/
const NO = new Set(['no', 'nah', 'negative'])
const NO_CONTENT = new Set<string | number>()
const EXCLAIMED = /[!！]{2,}/g
const CAPITALS = /\b[A-Z]{3,}\b/g
const NEGATIVE_TURN = -0.2
/** Agent turns counted as "late", and customer turns. */
const LATE_AGENT_TURNS = 3
const LATE_CUSTOMER_TURNS = 2
/** Jaccard overlap of content tokens at which a turn repeats an earlier one. */
const REPEAT_JACCARD = 0.6
/** Turns shorter than this (content tokens) are never repeats: "yes", "ok", 好的. */
const REPEAT_MIN_TOKENS = 3
/** A turn is compared with this many earlier turns of the same speaker. */
const REPEAT_WINDOW = 6

const STOP = new Set(
  'a an the i me my you your we it is are was be to of and or in on at for with that this do does can could would please yes no ok okay'.split(
    ' ',
  ),
)

/** NFKC (full-width → half-width; skipped for plain ASCII), lower case, curly apostrophes straightened. */
export function normalizeText(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'") : text.toLowerCase()
}

const NON_ASCII = /[^ -~\t\n\r]/

const isHan = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)

/** Words (en) and Han characters / 1.5 (zh, about a word each): a length comparable across the two. */
function lengthUnits(tokens: readonly string[], text: string, hasHan: boolean): number {
  let han = 0
  if (hasHan) for (let i = 0; i < text.length; i++) if (isHan(text.charCodeAt(i))) han++
  return tokens.length + han / 1.5
}

/** Han code units are 0x3400-0x9fff; a pair of them is one small integer above every single unit. */
const HAN_BASE = 0x3400
const HAN_SPAN = 0xa000 - HAN_BASE
const hanPair = (first: number, second: number) => 0x10000 + (first - HAN_BASE) * HAN_SPAN + (second - HAN_BASE)

/**
 * Content tokens for repetition: English words minus stop words, and pairs of adjacent Han characters (as one
 * number each, under 2^30 so V8 keeps it unboxed: no strings or heap numbers are made for them).
 */
function contentTokens(tokens: readonly string[], text: string, hasHan: boolean): Set<string | number> {
  const out = new Set<string | number>()
  for (const w of tokens) if (!STOP.has(w)) out.add(w)
  if (hasHan)
    for (let i = 0, prev = -1; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (!isHan(code)) prev = -1
      else {
        if (prev >= 0) out.add(hanPair(prev, code))
        else if (i + 1 >= text.length || !isHan(text.charCodeAt(i + 1))) out.add(code)
        prev = code
      }
    }
  return out
}

function jaccard(a: Set<string | number>, b: Set<string | number>): number {
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return shared / (a.size + b.size - shared)
}

/** Sets whose Jaccard overlap can reach REPEAT_JACCARD: |A∩B|/|A∪B| ≤ min/max of the sizes. */
function similarSize(a: Set<unknown>, b: Set<unknown>): boolean {
  return b.size >= REPEAT_MIN_TOKENS && Math.min(a.size, b.size) >= REPEAT_JACCARD * Math.max(a.size, b.size)
}

/**
 * Share of turns (after the first) that repeat one of the REPEAT_WINDOW turns before them (content tokens of one
 * speaker's turns).
 */
function repeatShare(turns: readonly Set<string | number>[]): number {
  if (turns.length < 2) return 0
  let repeats = 0
  for (let i = 1; i < turns.length; i++) {
    const tokens = turns[i]
    if (tokens.size < REPEAT_MIN_TOKENS) continue
    for (let k = Math.max(0, i - REPEAT_WINDOW); k < i; k++)
      if (similarSize(tokens, turns[k]) && jaccard(tokens, turns[k]) >= REPEAT_JACCARD) {
        repeats++
        break
      }
  }
  return repeats / (turns.length - 1)
}

/** Least-squares slope of the values over their position scaled to [0,1]; 0 with fewer than two. */
function slope(ys: readonly number[]): number {
  const n = ys.length
  if (n < 2) return 0
  let sx = 0
  let sy = 0
  let sxx = 0
  let sxy = 0
  for (let i = 0; i < n; i++) {
    const x = i / (n - 1)
    sx += x
    sy += ys[i]
    sxx += x * x
    sxy += x * ys[i]
  }
  return (n * sxy - sx * sy) / (n * sxx - sx * sx)
}

/** Per turn, a cue counts at most twice. */
const capped = (x: number) => Math.min(x, 2)

function rate(turns: readonly AgentTurn[], cue: CueName, n: number): number {
  let total = 0
  for (const t of turns) total += capped(t.cues[CUE_INDEX[cue]])
  return total / n
}

const has = (t: AgentTurn, cue: CueName) => t.cues[CUE_INDEX[cue]] > 0

interface AgentTurn {
  cues: number[]
  content: Set<string | number>
  length: number
  question: number
}

interface CustomerTurn extends AgentTurn {
  startsNo: number
  shouting: number
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)
const mean = (xs: readonly number[]) => (xs.length ? sum(xs) / xs.length : 0)

/** Whether the first dialogueFeatures() call found its feature record in FEATURE_NAMES order. */
let orderChecked = false

/**
 * The feature vector (FEATURE_NAMES order) of one dialogue: its turns (redacted text is fine: masking keeps words
 * apart) and the per-turn sentiment the pipeline computed (null for bot turns; missing values count as neutral).
 * `out`: where to write it (a scorer reuses one vector instead of allocating one per dialogue).
 */
export function dialogueFeatures(
  turns: readonly Turn[],
  sentiment: readonly (number | null)[],
  out = new Float64Array(FEATURE_NAMES.length),
): Float64Array {
  const customer: CustomerTurn[] = []
  const customerSentiment: number[] = []
  const agent: AgentTurn[] = []
  const agentSentiment: number[] = []
  for (let i = 0; i < turns.length; i++) {
    const raw = turns[i].text.trim()
    if (!raw) continue
    const text = normalizeText(raw)
    const hasHan = HAN.test(text)
    const tokens = wordTokensOf(text)
    const cues = countCues(tokens, text, hasHan)
    // Too short to count as a repeat ("yes", 好的): no content tokens needed.
    const content = tokens.length >= REPEAT_MIN_TOKENS || hasHan ? contentTokens(tokens, text, hasHan) : NO_CONTENT
    const length = lengthUnits(tokens, text, hasHan)
    const question = QUESTION.test(text) ? 1 : 0
    if (turns[i].role === 'customer') {
      // A bare "no" that is not "no, that's all" rejects what was offered.
      const startsNo = NO.has(tokens[0] ?? '') && cues[CUE_INDEX.closing] === 0 ? 1 : 0
      const shouting = (raw.match(EXCLAIMED)?.length ?? 0) + (hasHan ? 0 : (raw.match(CAPITALS)?.length ?? 0))
      customer.push({ cues, content, length, question, startsNo, shouting })
      // The Chinese sentiment model learnt from reviews, where 没有 is bad news: it reads the closing formula
      // 没有了，再见 ("nothing else, bye") as negative. A Chinese closing or thanking turn without a complaint counts
      // as at least neutral. (English closings keep their score: "no, thanks anyway" does say something.)
      const closingZh =
        hasHan &&
        cues[CUE_INDEX.closing] + cues[CUE_INDEX.thanks] > 0 &&
        cues[CUE_INDEX.complaint] + cues[CUE_INDEX.unresolved] + cues[CUE_INDEX.escalate] === 0
      customerSentiment.push(closingZh ? Math.max(0, sentiment[i] ?? 0) : (sentiment[i] ?? 0))
    } else {
      agent.push({ cues, content, length, question })
      const s = sentiment[i]
      if (s !== null && s !== undefined) agentSentiment.push(s)
    }
  }
  const nc = Math.max(1, customer.length)
  const na = Math.max(1, agent.length)
  // Per agent turn: 1 failure, 2 success (a success wins over a failure in the same turn), 0 neither.
  let lastOutcome = 0
  const lastAgentOutcomes: number[] = []
  for (const [k, t] of agent.entries()) {
    const o = has(t, 'success') ? 2 : has(t, 'failure') ? 1 : 0
    if (o) lastOutcome = o
    if (k >= agent.length - LATE_AGENT_TURNS) lastAgentOutcomes.push(o)
  }
  // A failure among the last agent turns, with no success after it: the request ended unmet.
  const lateFailure = lastAgentOutcomes.includes(1) && lastOutcome === 1 ? 1 : 0
  const lateCustomer = customer.slice(-LATE_CUSTOMER_TURNS)
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
  } satisfies Record<FeatureName, number>
  // Listed in FEATURE_NAMES order, so the record's values are the vector (read by name, 34 keyed loads cost more).
  if (!orderChecked) {
    if (Object.keys(values).join() !== FEATURE_NAMES.join())
      throw new Error('satisfaction features: the record must list the features in FEATURE_NAMES order')
    orderChecked = true
  }
  out.set(Object.values(values))
  return out
}
