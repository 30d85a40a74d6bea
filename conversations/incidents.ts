/**
 * Incident detection: at least `minConversations` conversations within `windowMs` sharing an error code, or matching
 * an incident rule (a named keyword list, MOFANG_INCIDENT_RULES), raise an incident; it clears once the rate has
 * stayed below the threshold for another `windowMs`.
 *
 * Pure and clocked by event time: a key's conversations are kept with the time each first showed the key. The rate
 * falls below the threshold when the N-th newest of them leaves the window (its time + window), so the incident ends
 * at that time + window, unless more came. Replaying the stream after a restart raises the same incidents with the
 * same ids (`<key>:<started_at>`) and ends them at the same times.
 */
import type { Incident } from '../core/contracts/index.js'
import { BadInputError } from '../core/index.js'
import { compileWords } from '../kits/words/index.js'

export interface IncidentOptions {
  /** Conversations within the window that make an incident (MOFANG_INCIDENT_MIN_CONVERSATIONS). */
  minConversations: number
  /** The window, ms (MOFANG_INCIDENT_WINDOW_MINUTES). */
  windowMs: number
  /** The interaction ids an incident lists, at most. Default 50. */
  maxListed?: number
}

/** A named keyword list: a customer message matching it counts its conversation towards the rule's incident. */
export interface IncidentRule {
  name: string
  words: string[]
  re: RegExp
}

/** An incident raised or cleared, for the service to store, publish and put on the wall. */
export interface IncidentChange {
  incident: Incident
  change: 'raised' | 'updated' | 'cleared'
}

interface KeyState {
  rule: string
  /** interaction id → when it first showed the key (event time, ms). */
  seen: Map<string, number>
  open: Incident | null
}

/**
 * MOFANG_INCIDENT_RULES: `name: word|word|/regex/; name: …`, e.g. `login: 登录不了|无法登录|can't log in; outage:
 * 断网|没网|no internet`. Throws a BadInputError naming the rule on a bad one.
 */
export function parseIncidentRules(raw: string | undefined): IncidentRule[] {
  const rules: IncidentRule[] = []
  for (const part of (raw ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const colon = part.indexOf(':')
    const name = part.slice(0, colon).trim()
    // `|` separates the words, except inside a /regex/.
    const words = (part.slice(colon + 1).match(/\s*\/(?:\\.|[^/])+\/\s*|[^|]+/g) ?? [])
      .map((w) => w.trim())
      .filter(Boolean)
    if (colon <= 0 || !/^[a-z0-9_-]+$/i.test(name) || words.length === 0)
      throw new BadInputError(`expected name: word|word|…, got "${part.slice(0, 60)}"`)
    try {
      rules.push({ name, words, re: compileWords(words)! })
    } catch (err) {
      throw new BadInputError(`rule ${name}: ${(err as Error).message}`)
    }
  }
  return rules
}

/** The rules a text matches. */
export const rulesMatching = (rules: readonly IncidentRule[], text: string): IncidentRule[] =>
  rules.filter((r) => {
    r.re.lastIndex = 0
    return r.re.test(text)
  })

export class IncidentDetector {
  private readonly keys = new Map<string, KeyState>()

  constructor(private readonly opts: IncidentOptions) {}

  /** The open incidents of a tenant, or of every tenant. */
  open(tenant?: string): Incident[] {
    return [...this.keys.entries()]
      .filter(([k, s]) => s.open && (tenant === undefined || k.startsWith(`${tenant}\u0000`)))
      .map(([, s]) => s.open!)
  }

  /**
   * A conversation showed `key` (an error code, or a rule's name with `rule` naming the rule) at `ts`. Returns the
   * incident raised or grown by it, if any.
   */
  observe(tenant: string, key: string, rule: string, interactionId: string, ts: number): IncidentChange | null {
    const id = `${tenant}\u0000${key}`
    let s = this.keys.get(id)
    if (!s) this.keys.set(id, (s = { rule, seen: new Map(), open: null }))
    if (s.seen.has(interactionId)) return null
    s.seen.set(interactionId, ts)
    const times = [...s.seen.values()].sort((a, b) => a - b)
    this.forget(s, times.at(-1)! - 2 * this.opts.windowMs)
    if (s.open) {
      s.open.conversations = s.seen.size
      s.open.interaction_ids = this.listed(s)
      return { incident: { ...s.open }, change: 'updated' }
    }
    const inWindow = [...s.seen.entries()].filter(([, t]) => t > ts - this.opts.windowMs && t <= ts)
    if (inWindow.length < this.opts.minConversations) return null
    s.open = {
      id: `${key}:${ts}`,
      tenant_id: tenant,
      key,
      rule,
      started_at: ts,
      ended_at: null,
      conversations: s.seen.size,
      interaction_ids: this.listed(s),
    }
    return { incident: { ...s.open }, change: 'raised' }
  }

  /** Ends the incidents whose rate has stayed below the threshold for a window by `now`; forgets old sightings. */
  tick(now: number): IncidentChange[] {
    const changes: IncidentChange[] = []
    for (const [id, s] of this.keys) {
      if (s.open) {
        const times = [...s.seen.values()].sort((a, b) => b - a)
        const nth = times[this.opts.minConversations - 1] ?? -Infinity
        const endsAt = Math.max(nth + 2 * this.opts.windowMs, s.open.started_at + this.opts.windowMs)
        if (now >= endsAt) {
          const ended = { ...s.open, ended_at: endsAt }
          s.open = null
          changes.push({ incident: ended, change: 'cleared' })
        }
      }
      if (!s.open) this.forget(s, now - this.opts.windowMs)
      if (!s.open && s.seen.size === 0) this.keys.delete(id)
    }
    return changes
  }

  private forget(s: KeyState, before: number) {
    if (s.open) return
    for (const [interaction, t] of s.seen) if (t <= before) s.seen.delete(interaction)
  }

  private listed(s: KeyState): string[] {
    return [...s.seen.keys()].slice(-(this.opts.maxListed ?? 50))
  }
}
