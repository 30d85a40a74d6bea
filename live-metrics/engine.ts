/**
 * The live metrics engine: events in, per-tenant snapshots out. Pure (no I/O, no
 * clock: callers pass `now`), so the same code serves the live stream, a replay
 * after restart and the unit tests.
 *
 * Every interaction and agent keeps its (slimmed) events; a new event marks its
 * interaction or agent, and the next snapshot (or every SETTLE_EVERY applied events)
 * re-derives what is marked, swapping its old facts for new ones in the counters. That
 * makes late, out-of-order and duplicate events harmless within the retention horizon.
 * Deriving in batches instead of on every event keeps an event's cost flat: re-deriving
 * a chat of n messages on each message cost O(n²) (16k messages: 2.7 s on the main thread).
 */
import { Counters as ReasonCounters, type StoredEvent } from '../core/index.js'
import { deriveTimeline, wrapLinks, type StateSpan } from './agent.js'
import { dayStartOf, intervalStartOf } from './clock.js'
import { addInto, emptyCounters } from './counters.js'
import { deriveInteraction, rowKeys, sameFact, type Fact } from './interaction.js'
import { resolveOptions, type LiveMetricsOptions, type ResolvedOptions } from './options.js'
import { insertSorted, slim, unpackEvents, type SlimEvent } from './slim.js'
import { buildSnapshot } from './snapshot.js'
import type { AgentState, InteractionState, TenantState } from './state.js'
import type { AlertInput, QaResultInput, Snapshot, WallPlan } from '../core/contracts/index.js'

/** `dropped`: over `maxEventsPerInteraction`, counted in `drops`. */
export type ApplyResult = 'applied' | 'duplicate' | 'late' | 'ignored' | 'dropped'
export type ApplyStats = Record<ApplyResult, number>

/** Why the engine left out an event it would otherwise have used. */
export const LIVE_DROPS = ['interaction_event_cap'] as const
export type LiveDrop = (typeof LIVE_DROPS)[number]

export interface LiveMetrics {
  /**
   * Feeds one event; duplicates (same event_id) and events older than the retention horizon are ignored, events past an
   * interaction's maxEventsPerInteraction dropped. Cheap: the derivation it calls for runs later, in batches.
   */
  apply(event: StoredEvent): ApplyResult
  /**
   * Resets and feeds `events` (any order: they are sorted by received_at first) in one synchronous go; for tests and
   * demos.
   */
  rebuild(events: Iterable<StoredEvent>): ApplyStats
  /** The tenant's metrics at `now` (ms). An unknown tenant gets an empty snapshot. */
  snapshot(tenant: string, now?: number): Snapshot
  /** Tenants that have sent anything. */
  tenants(): string[]
  /** Drops everything kept about the tenant (another live metrics instance took it over); listeners stay. */
  forget(tenant: string): void
  /** Where a replay must start to rebuild today's and the rolling windows' metrics at `now`, ms since the epoch. */
  replayFrom(now: number): number
  /** Records a QA evaluation; a later result for the same interaction replaces the earlier one. */
  applyQa(result: QaResultInput): void
  /** Shows an alert (same id = update); it expires after its ttl_ms or the engine's alertTtlMs. */
  raiseAlert(alert: AlertInput): void
  clearAlert(tenant: string, id: string): void
  /** Keeps the tenant's plan (the newest replaces the last); the snapshot shows it on its day, with adherence. */
  setPlan(plan: WallPlan): void
  /**
   * Calls `onChange` (synchronously, keep it cheap) after anything changes the tenant's metrics; returns the
   * unsubscribe function.
   */
  subscribe(tenant: string, onChange: () => void): () => void
  /** Prunes state older than the retention horizon; snapshot() calls it too, at most every 5 s. */
  prune(now: number): void
  /**
   * What the engine keeps, all tenants: interactions, and how many of them are packed (InteractionState.packed). Walks
   * them all (a few ms per million): for health checks, not for every event.
   */
  held(): { interactions: number; packed: number }
  /** Events left out, by reason (all tenants). */
  readonly drops: ReasonCounters<LiveDrop>
  readonly options: ResolvedOptions
}

const MINUTE = 60_000
const PRUNE_EVERY_MS = 5_000
/**
 * Derivation also runs every this many applied events, not only at snapshots: it then comes in steps of a few ms
 * between events, where a replay yields to the event loop, instead of piling up into one long first snapshot.
 */
const SETTLE_EVERY = 1_000
/**
 * An interaction with no event for this long, in ingest time, is packed at the next prune (InteractionState.packed);
 * ms. What the snapshot reads of it (facts, waiting, segments, ticket) stays as it is; an event for it unpacks it
 * (a JSON.parse of its events, a few µs).
 */
const PACK_QUIET_MS = 10_000
/** A packed interaction's ids: never added to, as unpack() replaces it first (saves a Set per packed interaction). */
const PACKED_IDS: Set<string> = new Set()
/** The wrap links of an agent with no agent.wrap_up event: none, and no day to walk for them. */
const NO_WRAP_LINKS: ReadonlyMap<string, number> = new Map()

function emptyTenant(tenant: string): TenantState {
  return {
    tenant,
    interactions: new Map(),
    agents: new Map(),
    intervals: new Map(),
    recent: new Map(),
    surveys: new Map(),
    waiting: new Map(),
    openTickets: new Map(),
    queueChannel: new Map(),
    qa: new Map(),
    alerts: new Map(),
    lastEventTs: null,
    dirtyInteractions: new Set(),
    dirtyAgents: new Set(),
  }
}

export function createLiveMetrics(options: LiveMetricsOptions = {}): LiveMetrics {
  const opts = resolveOptions(options)
  const stepMs = opts.intervalMinutes * MINUTE
  const longestWindowMs = Math.max(...opts.windowsMinutes) * MINUTE
  let tenants = new Map<string, TenantState>()
  let lastPruneAt = -Infinity
  /** Newest ingest time seen: the engine's notion of "now" while applying events. */
  let watermark = 0
  let appliedSinceSettle = 0
  const drops = new ReasonCounters<LiveDrop>('live_metrics_drops', LIVE_DROPS)
  const listeners = new Map<string, Set<() => void>>()
  const notify = (tenant: string) => {
    for (const fn of listeners.get(tenant) ?? []) fn()
  }

  function tenantState(tenant: string): TenantState {
    let t = tenants.get(tenant)
    if (!t) tenants.set(tenant, (t = emptyTenant(tenant)))
    return t
  }

  function count(t: TenantState, f: Fact, sign: 1 | -1): void {
    const start = intervalStartOf(f.ts, dayStartOf(f.ts, opts.timeZone), stepMs)
    let rows = t.intervals.get(start)
    if (!rows) t.intervals.set(start, (rows = new Map()))
    const keys = rowKeys(f)
    for (const key of keys) {
      let c = rows.get(key)
      if (!c) rows.set(key, (c = emptyCounters()))
      addInto(c, f.delta, sign)
    }
    if (sign === 1 && f.queue !== undefined) t.queueChannel.set(f.queue, f.channel)
    countRecent(t, f, keys, sign)
  }

  function countRecent(t: TenantState, f: Fact, keys: string[], sign: 1 | -1): void {
    const minute = f.ts - (f.ts % MINUTE)
    let bucket = t.recent.get(minute)
    if (sign === 1) {
      if (!bucket) t.recent.set(minute, (bucket = { facts: new Set(), sums: new Map() }))
      bucket.facts.add(f)
    } else if (!bucket?.facts.delete(f)) return // pruned already
    for (const key of keys) {
      let sum = bucket.sums.get(key)
      if (!sum) bucket.sums.set(key, (sum = { facts: 0, counters: emptyCounters() }))
      sum.facts += sign
      addInto(sum.counters, f.delta, sign)
    }
  }

  function agentState(t: TenantState, id: string): AgentState {
    let a = t.agents.get(id)
    if (!a)
      t.agents.set(
        id,
        (a = {
          id,
          events: [],
          ids: new Set(),
          contacts: new Map(),
          wrap: new Map(),
          wrapUps: 0,
          timeline: null,
          lastTs: 0,
        }),
      )
    return a
  }

  /** The newest event's name/team/site/skills win; an older event only fills what is unknown. */
  function noteAgentInfo(a: AgentState, e: SlimEvent): void {
    const newer = e.ts >= a.lastTs
    a.lastTs = Math.max(a.lastTs, e.ts)
    if (e.agent_name && (newer || !a.name)) a.name = e.agent_name
    if (e.type.startsWith('agent.') && (newer || !a.channel)) a.channel = e.channel
    if (e.team && (newer || !a.team)) a.team = e.team
    if (e.site && (newer || !a.site)) a.site = e.site
    if (e.skills && (newer || !a.skills)) a.skills = e.skills
  }

  /**
   * Re-derives the interactions and relinks the agents that events marked, until nothing changes (a new segment
   * may claim a wrap and vice versa). Each is derived once however many of its events came in since the last time.
   */
  function settle(t: TenantState): void {
    const { dirtyInteractions, dirtyAgents } = t
    for (let round = 0; round < 20 && (dirtyInteractions.size || dirtyAgents.size); round++) {
      for (const iid of dirtyInteractions) {
        const touched = rederive(t, iid)
        for (const agent of touched) dirtyAgents.add(agent)
      }
      dirtyInteractions.clear()
      for (const id of dirtyAgents) {
        const a = t.agents.get(id)
        if (!a) continue
        a.timeline = null
        const links = a.wrapUps > 0 ? wrapLinks(a.events, a.contacts, opts.wrapLinkMs) : NO_WRAP_LINKS
        for (const iid of new Set([...links.keys(), ...a.wrap.keys()])) {
          if (links.get(iid) !== a.wrap.get(iid) && t.interactions.has(iid)) dirtyInteractions.add(iid)
        }
        a.wrap = links
      }
      dirtyAgents.clear()
    }
  }

  /**
   * Uncounts `before` and counts `after`, but a fact of `after` equal to the one at its place in `before` stays as it
   * is: a busy interaction is derived again with every few events and most of its facts come out the same. Returns
   * `after`, holding the objects of `before` where they were kept (the recent-minute buckets know facts by identity).
   */
  function recount(t: TenantState, before: Fact[], after: Fact[]): Fact[] {
    let same = 0
    while (same < before.length && same < after.length && sameFact(before[same], after[same])) same++
    for (let i = same; i < before.length; i++) count(t, before[i], -1)
    for (let i = same; i < after.length; i++) count(t, after[i], 1)
    for (let i = 0; i < same; i++) after[i] = before[i]
    return after
  }

  /** Swaps the interaction's facts and segments for freshly derived ones; returns the agents whose segments changed. */
  function rederive(t: TenantState, iid: string): string[] {
    const it = t.interactions.get(iid)
    if (!it) return []
    unpack(it)
    const d = deriveInteraction(it.events, opts, (agent) => t.agents.get(agent)?.wrap.get(iid) ?? 0)
    it.facts = recount(t, it.facts, d.facts)
    it.waiting = d.waiting
    if (d.waiting) t.waiting.set(iid, d.waiting)
    else t.waiting.delete(iid)
    if (d.ticket) t.openTickets.set(iid, d.ticket)
    else t.openTickets.delete(iid)
    const before = JSON.stringify(it.segments)
    if (JSON.stringify(d.segments) === before) return []
    const agents = new Set([...it.segments, ...d.segments].map((s) => s.agent))
    it.segments = d.segments
    for (const id of agents) {
      const a = agentState(t, id)
      const mine = d.segments.filter((s) => s.agent === id)
      if (mine.length) a.contacts.set(iid, mine)
      else a.contacts.delete(iid)
    }
    return [...agents]
  }

  function apply(event: StoredEvent): ApplyResult {
    watermark = Math.max(watermark, event.received_at ?? event.ts)
    if (event.ts < watermark - opts.retentionMs) return 'late'
    const t = tenantState(event.tenant)
    const family = event.type.slice(0, event.type.indexOf('.'))
    let result: ApplyResult = 'ignored'
    if (family === 'agent') result = applyAgentEvent(t, slim(event))
    else if (family === 'survey') result = applySurvey(t, slim(event))
    else if (family === 'voice' || family === 'chat' || family === 'ticket') result = applyContactEvent(t, event)
    // Seen, even when no metric uses it (a customer's chat message, a survey comment): the snapshot's last_event_ts.
    if (result === 'applied' || result === 'ignored') t.lastEventTs = Math.max(t.lastEventTs ?? 0, event.ts)
    if (result === 'applied') {
      if (++appliedSinceSettle >= SETTLE_EVERY) settleAll()
      notify(t.tenant)
    }
    return result
  }

  function applyAgentEvent(t: TenantState, e: SlimEvent): ApplyResult {
    if (!e.agent_id) return 'ignored'
    const a = agentState(t, e.agent_id)
    if (a.ids.has(e.event_id)) return 'duplicate'
    a.ids.add(e.event_id)
    insertSorted(a.events, e)
    if (e.type === 'agent.wrap_up') a.wrapUps++
    noteAgentInfo(a, e)
    t.dirtyAgents.add(a.id)
    return 'applied'
  }

  function applySurvey(t: TenantState, e: SlimEvent): ApplyResult {
    if (t.surveys.has(e.event_id)) return 'duplicate'
    if (e.score === undefined || (e.type !== 'survey.nps' && e.type !== 'survey.csat')) return 'ignored'
    const delta =
      e.type === 'survey.nps'
        ? { npsResponses: 1, npsPromoters: e.score >= 9 ? 1 : 0, npsDetractors: e.score <= 6 ? 1 : 0 }
        : { csatResponses: 1, csatSatisfied: e.score >= 4 ? 1 : 0 }
    const f: Fact = { ts: e.ts, contactLevel: true, channel: e.channel, queue: e.queue, team: e.team, delta }
    t.surveys.set(e.event_id, f)
    count(t, f, 1)
    return 'applied'
  }

  function applyContactEvent(t: TenantState, event: StoredEvent): ApplyResult {
    const iid = event.interaction_id
    if (!iid) return 'ignored'
    // Only agent messages matter in a chat; the others would only cost memory (they are not even slimmed).
    const role = event.payload?.role
    if (event.type === 'chat.message' && role !== 'agent' && role !== 'bot') return 'ignored'
    let it = t.interactions.get(iid)
    if (!it) {
      it = {
        id: iid,
        events: [],
        ids: new Set(),
        packed: null,
        touchedAt: watermark,
        hasBotMessage: false,
        facts: [],
        waiting: null,
        ticket: null,
        segments: [],
        lastTs: event.ts,
      }
      t.interactions.set(iid, it)
    }
    unpack(it)
    if (it.ids.has(event.event_id)) return 'duplicate'
    // A bot chat keeps one bot message: enough to know a bot took part.
    if (role === 'bot' && it.hasBotMessage) return 'applied'
    if (overCap(it, event.type)) {
      drops.add('interaction_event_cap')
      return 'dropped'
    }
    // Slimmed only once kept, with the interaction's own copy of its id rather than one per event.
    const e = slim(event, it.id)
    it.ids.add(e.event_id)
    if (e.role === 'bot') it.hasBotMessage = true
    insertSorted(it.events, e)
    it.lastTs = Math.max(it.lastTs, e.ts)
    it.touchedAt = watermark
    if (e.agent_id) noteAgentInfo(agentState(t, e.agent_id), e)
    t.dirtyInteractions.add(iid)
    return 'applied'
  }

  function unpack(it: InteractionState): void {
    if (it.packed === null) return
    it.events = unpackEvents(it.packed, it.id)
    it.ids = new Set(it.events.map((e) => e.event_id))
    it.packed = null
  }

  /** Packs the interaction's events if nothing came for it for PACK_QUIET_MS (it must have been derived since). */
  function packIfQuiet(it: InteractionState): void {
    if (it.packed !== null || watermark - it.touchedAt < PACK_QUIET_MS) return
    it.packed = JSON.stringify(it.events)
    it.events = []
    it.ids = PACKED_IDS
  }

  /** Past the cap an interaction takes only the first event of each type, so it can still be answered and end. */
  function overCap(it: InteractionState, type: string): boolean {
    if (it.events.length < opts.maxEventsPerInteraction) return false
    it.typesAtCap ??= new Set(it.events.map((x) => x.type))
    if (it.typesAtCap.has(type)) return true
    it.typesAtCap.add(type)
    return false
  }

  function settleAll(): void {
    for (const t of tenants.values()) settle(t)
    appliedSinceSettle = 0
  }

  function prune(now: number): void {
    settleAll() // what is dropped below must have been derived (and counted) first
    const horizon = Math.max(now, watermark) - opts.retentionMs
    for (const t of tenants.values()) {
      const dayStart = dayStartOf(now, opts.timeZone)
      for (const start of t.intervals.keys()) if (start < dayStart - stepMs) t.intervals.delete(start)
      for (const minute of t.recent.keys())
        if (minute + MINUTE <= now - longestWindowMs - MINUTE) t.recent.delete(minute)
      for (const [id, f] of t.surveys) if (f.ts < horizon) t.surveys.delete(id)
      for (const [iid, it] of t.interactions) {
        if (it.lastTs >= horizon) {
          packIfQuiet(it)
          continue
        }
        t.interactions.delete(iid)
        t.waiting.delete(iid)
        t.openTickets.delete(iid)
      }
      for (const [id, a] of t.agents) pruneAgent(t, id, a, horizon)
      for (const [iid, r] of t.qa) if (r.ts < dayStart) t.qa.delete(iid)
      for (const [id, { expiresAt }] of t.alerts) if (expiresAt <= now) t.alerts.delete(id)
    }
  }

  /** Drops an agent's old history, keeping the last event before the horizon as the state it starts from. */
  function pruneAgent(t: TenantState, id: string, a: AgentState, horizon: number): void {
    for (const [iid, segs] of a.contacts) {
      const kept = segs.filter((s) => (s.end ?? s.start) >= horizon || (s.end === null && t.interactions.has(iid)))
      if (kept.length === segs.length) continue
      a.timeline = null
      if (kept.length) a.contacts.set(iid, kept)
      else a.contacts.delete(iid)
    }
    const firstKept = a.events.findIndex((e) => e.ts >= horizon)
    const cut = (firstKept === -1 ? a.events.length : firstKept) - 1
    if (cut > 0) {
      for (const e of a.events.slice(0, cut)) {
        a.ids.delete(e.event_id)
        if (e.type === 'agent.wrap_up') a.wrapUps--
      }
      a.events = a.events.slice(cut)
      a.timeline = null
    }
    const lastSeen = Math.max(a.lastTs, a.events.at(-1)?.ts ?? 0)
    if (lastSeen < horizon && a.contacts.size === 0 && a.events.at(-1)?.type !== 'agent.login') {
      const last = a.events.at(-1)
      if (!last || last.type === 'agent.logout') t.agents.delete(id)
    }
  }

  function timelineOf(a: AgentState): StateSpan[] {
    a.timeline ??= deriveTimeline(a.events, [...a.contacts.values()].flat())
    return a.timeline
  }

  const engine: LiveMetrics = {
    options: opts,
    drops,
    apply,
    rebuild(events) {
      tenants = new Map()
      watermark = 0
      const stats: ApplyStats = { applied: 0, duplicate: 0, late: 0, ignored: 0, dropped: 0 }
      // In arrival order, as the stream delivered them: the retention horizon then drops exactly what live would have.
      const ordered = [...events].sort((a, b) => (a.received_at ?? a.ts) - (b.received_at ?? b.ts))
      for (const e of ordered) stats[apply(e)]++
      return stats
    },
    snapshot(tenant, now = Date.now()) {
      // Pruning walks every tenant's state and only saves memory: often enough is every few seconds.
      if (Math.abs(now - lastPruneAt) >= PRUNE_EVERY_MS) {
        prune(now)
        lastPruneAt = now
      }
      const t = tenants.get(tenant) ?? emptyTenant(tenant)
      settle(t)
      return buildSnapshot(t, now, opts, timelineOf)
    },
    tenants: () => [...tenants.keys()],
    held() {
      const held = { interactions: 0, packed: 0 }
      for (const t of tenants.values())
        for (const it of t.interactions.values()) {
          held.interactions++
          if (it.packed !== null) held.packed++
        }
      return held
    },
    forget(tenant) {
      tenants.delete(tenant)
    },
    replayFrom(now) {
      return Math.min(dayStartOf(now, opts.timeZone), now - longestWindowMs) - opts.retentionMs
    },
    applyQa(result) {
      const t = tenantState(result.tenant)
      const prev = t.qa.get(result.interaction_id)
      if (!prev || prev.ts <= result.ts) t.qa.set(result.interaction_id, result)
      notify(result.tenant)
    },
    raiseAlert(alert) {
      tenantState(alert.tenant).alerts.set(alert.id, { alert, expiresAt: alert.ts + (alert.ttl_ms ?? opts.alertTtlMs) })
      notify(alert.tenant)
    },
    clearAlert(tenant, id) {
      if (tenants.get(tenant)?.alerts.delete(id)) notify(tenant)
    },
    setPlan(plan) {
      tenantState(plan.tenant).plan = plan
      notify(plan.tenant)
    },
    subscribe(tenant, onChange) {
      let set = listeners.get(tenant)
      if (!set) listeners.set(tenant, (set = new Set()))
      set.add(onChange)
      return () => {
        set.delete(onChange)
        if (set.size === 0) listeners.delete(tenant)
      }
    },
    prune,
  }
  return engine
}
