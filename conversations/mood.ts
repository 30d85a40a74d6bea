/**
 * Live mood: pure functions from what a customer writes, and how long they wait, to a conversation's mood in [-1, 1].
 *
 * A customer message's own score is its sentiment (QA's model, scored by the caller) moved down by the signals that
 * sentiment misses in a live chat:
 * - waiting: the customer's previous message had waited for an agent reply longer than the grace before this one;
 * - burst: several customer messages in a row, close together, with no agent reply between them;
 * - escalation words (投诉, 差评, 要求退款, 找你们领导, manager, complaint, refund…; kits/words ESCALATION_WORDS);
 * - shouting: repeated punctuation (！！！, ???, !?!) or a Latin message in capitals.
 *
 * The conversation's mood is an exponential smoothing of the message scores: a message's weight halves every
 * `halfLifeMessages` customer messages, so one bad line moves the mood and three in a row pull it to their level
 * (the first message sets it). Between messages a timer lowers it while the customer waits unanswered
 * (waitingMood), and the mood it reaches stays once the agent answers: an answer does not undo the wait.
 */
import type { WordHit } from '../kits/words/index.js'

export interface MoodOptions {
  /** Customer messages after which a message's weight in the mood has halved. Default 1.5. */
  halfLifeMessages?: number
  /** Waiting for a reply this long costs nothing, ms. Default 30,000. */
  graceMs?: number
  /** What each further minute of waiting takes off, mood units. Default 0.15. */
  perMinuteWaited?: number
  /** The most waiting can take off, mood units. Default 0.6. */
  maxWaitPenalty?: number
  /** Customer messages in a row that make a burst. Default 3. */
  burstMessages?: number
  /** …when all of them fall within this span, ms. Default 30,000. */
  burstWithinMs?: number
  /** What a burst takes off. Default 0.2. */
  burstPenalty?: number
  /** What each escalation word takes off (two at most count). Default 0.35. */
  escalationPenalty?: number
  /** What shouting takes off. Default 0.2. */
  shoutingPenalty?: number
}

export const MOOD_DEFAULTS: Required<MoodOptions> = {
  halfLifeMessages: 1.5,
  graceMs: 30_000,
  perMinuteWaited: 0.15,
  maxWaitPenalty: 0.6,
  burstMessages: 3,
  burstWithinMs: 30_000,
  burstPenalty: 0.2,
  escalationPenalty: 0.35,
  shoutingPenalty: 0.2,
}

/** A signal that moved a message's score: its name as the mood line shows it and how much it took off. */
export interface MoodSignal {
  name: string
  delta: number
}

const clamp = (x: number) => Math.max(-1, Math.min(1, x))

/** Repeated ! or ? (half- or full-width), three or more, or !? mixed: 你们怎么回事！！！, why???, what?! */
const REPEATED_PUNCTUATION = /[!！?？]{3,}|[!！][?？]|[?？][!！]/u

/** Shouting: repeated punctuation, or a Latin message of at least two words written in capitals. */
export function shoutingSignal(text: string, opts: MoodOptions = {}): MoodSignal | null {
  const penalty = opts.shoutingPenalty ?? MOOD_DEFAULTS.shoutingPenalty
  if (REPEATED_PUNCTUATION.test(text)) return { name: 'punctuation', delta: -penalty }
  const letters = text.replace(/[^A-Za-z]/g, '')
  const words = text.match(/[A-Za-z]{2,}/g) ?? []
  if (words.length >= 2 && letters.length >= 6 && letters === letters.toUpperCase())
    return { name: 'capitals', delta: -penalty }
  return null
}

/** Escalation words found in the message (kits/words hits of kind `escalation`): one signal each, two at most. */
export function escalationSignals(hits: readonly WordHit[], opts: MoodOptions = {}): MoodSignal[] {
  const penalty = opts.escalationPenalty ?? MOOD_DEFAULTS.escalationPenalty
  const words = [...new Set(hits.filter((h) => h.kind === 'escalation').map((h) => h.word.toLowerCase()))]
  return words.slice(0, 2).map((w) => ({ name: `escalation:${w}`, delta: -penalty }))
}

/** How much waiting `waitedMs` for a reply takes off the mood (0 within the grace), as a positive number. */
export function waitPenalty(waitedMs: number, opts: MoodOptions = {}): number {
  const o = { ...MOOD_DEFAULTS, ...opts }
  const over = Math.max(0, waitedMs - o.graceMs)
  return Math.min(o.maxWaitPenalty, (over / 60_000) * o.perMinuteWaited)
}

/** The waiting signal (`waited_90s`), or null within the grace. */
export function waitingSignal(waitedMs: number, opts: MoodOptions = {}): MoodSignal | null {
  const penalty = waitPenalty(waitedMs, opts)
  return penalty > 0 ? { name: `waited_${Math.round(waitedMs / 1000)}s`, delta: -penalty } : null
}

/**
 * The burst signal when the customer's unanswered messages in a row (their times, this one last) are at least
 * `burstMessages` within `burstWithinMs`.
 */
export function burstSignal(unansweredAt: readonly number[], opts: MoodOptions = {}): MoodSignal | null {
  const o = { ...MOOD_DEFAULTS, ...opts }
  if (unansweredAt.length < o.burstMessages) return null
  const recent = unansweredAt.slice(-o.burstMessages)
  return recent[recent.length - 1] - recent[0] <= o.burstWithinMs ? { name: 'burst', delta: -o.burstPenalty } : null
}

/** A message's own score: its sentiment moved by the signals, in [-1, 1]. */
export const messageScore = (sentiment: number, signals: readonly MoodSignal[]): number =>
  clamp(signals.reduce((s, x) => s + x.delta, sentiment))

/** The weight a new message gets in the mood: 1 − 2^(−1/halfLife). */
export const smoothingWeight = (opts: MoodOptions = {}): number =>
  1 - 2 ** (-1 / (opts.halfLifeMessages ?? MOOD_DEFAULTS.halfLifeMessages))

/** The mood after a message scored `score`; the first message (no mood yet) sets it. */
export function smoothMood(previous: number | null, score: number, opts: MoodOptions = {}): number {
  if (previous === null) return clamp(score)
  return clamp(previous + smoothingWeight(opts) * (score - previous))
}

/**
 * The mood while the customer's last message has waited `waitedMs` unanswered: the mood it had when the wait began,
 * lowered by the wait (never raised).
 */
export const waitingMood = (moodAtWaitStart: number, waitedMs: number, opts: MoodOptions = {}): number =>
  clamp(moodAtWaitStart - waitPenalty(waitedMs, opts))
