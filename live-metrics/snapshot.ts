/**
 * Turns a tenant's state into a Snapshot at `now`: today from the interval
 * counters, rolling windows from the recent minutes' sums, live figures (waiting, agent
 * states) from the current state.
 */
import { occupancyIn, spanAt, type Occupancy, type StateSpan } from './agent.js'
import { dayStartOf, localDate } from './clock.js'
import { addInto, emptyCounters, slPct, toWindowMetrics, type Counters } from './counters.js'
import type { AgentState, TenantState } from './state.js'
import { rowKeys } from './interaction.js'
import { snapshotPlan } from './plan.js'
import { slTargetFor, type ResolvedOptions } from './options.js'
import type {
  Alert,
  AgentStateCounts,
  AgentView,
  DimensionMetrics,
  IntervalSeries,
  QaSection,
  Snapshot,
} from '../core/contracts/index.js'

const MINUTE = 60_000

interface Row {
  windows: Counters[]
  today: Counters
  /** One per rolling window, then today. */
  occupancy: Occupancy[]
  waiting: number
  longestWaitMs: number
  ticketsOpen: number
  ticketsOverdue: number
  oldestTicketMs: number
  agents?: AgentStateCounts
  activeChats: number
  agentsWithChats: number
}

const emptyAgentCounts = (): AgentStateCounts => ({
  ready: 0,
  on_contact: 0,
  wrap_up: 0,
  not_ready: 0,
  offline: 0,
  not_ready_by_reason: {},
})

export function buildSnapshot(
  t: TenantState,
  now: number,
  opts: ResolvedOptions,
  timelineOf: (a: AgentState) => StateSpan[],
): Snapshot {
  const dayStart = dayStartOf(now, opts.timeZone)
  const stepMs = opts.intervalMinutes * MINUTE
  const windowMs = opts.windowsMinutes.map((m) => m * MINUTE)
  const rows = new Map<string, Row>()
  const row = (key: string): Row => {
    let r = rows.get(key)
    if (!r) {
      r = {
        windows: windowMs.map(emptyCounters),
        today: emptyCounters(),
        occupancy: [...windowMs, 0].map(() => ({ busyMs: 0, readyMs: 0 })),
        waiting: 0,
        longestWaitMs: 0,
        ticketsOpen: 0,
        ticketsOverdue: 0,
        oldestTicketMs: 0,
        activeChats: 0,
        agentsWithChats: 0,
      }
      rows.set(key, r)
    }
    return r
  }
  row('all')

  const intervalCount = Math.floor((now - dayStart) / stepMs) + 1
  const series = new Map<string, IntervalSeries>()
  const seriesOf = (key: string): IntervalSeries => {
    let s = series.get(key)
    if (!s) {
      const zeros = () => new Array<number>(intervalCount).fill(0)
      s = {
        start: dayStart,
        step_ms: stepMs,
        offered: zeros(),
        answered: zeros(),
        abandoned: zeros(),
        sl_pct: new Array<number | null>(intervalCount).fill(null),
      }
      series.set(key, s)
    }
    return s
  }
  seriesOf('all')
  for (const [start, counters] of t.intervals) {
    const i = (start - dayStart) / stepMs
    if (i < 0 || i >= intervalCount) continue
    for (const [key, c] of counters) {
      addInto(row(key).today, c)
      if (key.startsWith('team:') || key.startsWith('site:') || key.startsWith('chq:')) continue
      const s = seriesOf(key)
      s.offered[i] = c.offered
      s.answered[i] = c.answered
      s.abandoned[i] = c.abandoned
      s.sl_pct[i] = slPct(c)
    }
  }

  // A window is (now − w, now]: whole minutes inside it by their sums, the minute its edge cuts fact by fact.
  for (const [minute, bucket] of t.recent) {
    windowMs.forEach((w, i) => {
      const edge = now - w
      if (minute > edge) {
        for (const [key, sum] of bucket.sums) if (sum.facts > 0) addInto(row(key).windows[i], sum.counters)
      } else if (minute + MINUTE > edge) {
        for (const f of bucket.facts)
          if (f.ts > edge) for (const key of rowKeys(f)) addInto(row(key).windows[i], f.delta)
      }
    })
  }

  for (const w of t.waiting.values()) {
    const waitedMs = Math.max(0, now - w.since)
    if (waitedMs > opts.maxWaitMs) continue
    for (const key of rowKeys(w, true)) {
      const r = row(key)
      r.waiting++
      r.longestWaitMs = Math.max(r.longestWaitMs, waitedMs)
    }
  }
  for (const ticket of t.openTickets.values()) {
    for (const key of rowKeys(ticket, true)) {
      const r = row(key)
      r.ticketsOpen++
      if (ticket.deadline !== null && now > ticket.deadline) r.ticketsOverdue++
      r.oldestTicketMs = Math.max(r.oldestTicketMs, now - ticket.since)
    }
  }

  const agents = agentViews(t, now, dayStart, windowMs, row, timelineOf)

  const dims = (prefix: string) => {
    const out: Record<string, DimensionMetrics> = {}
    for (const [key, r] of rows) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = dimension(key, r, opts, t)
    return out
  }
  const plan = t.plan?.date === localDate(now, opts.timeZone) ? t.plan : undefined
  return {
    tenant: t.tenant,
    as_of: now,
    last_event_ts: t.lastEventTs,
    day_start: dayStart,
    time_zone: opts.timeZone,
    windows: [...opts.windowsMinutes.map((m) => `${m}m`), 'today'],
    short_abandon_s: opts.shortAbandonMs / 1000,
    totals: dimension('all', row('all'), opts, t),
    queues: dims('queue:'),
    channels: dims('channel:'),
    teams: dims('team:'),
    sites: dims('site:'),
    channel_queues: channelQueues(dims('chq:')),
    agents,
    series: Object.fromEntries(series),
    qa: qaSection(t, now, dayStart, opts),
    alerts: alerts(t, now),
    ...(plan && {
      plan: snapshotPlan(
        t,
        plan,
        now,
        dayStart,
        agents.map((a) => a.agent_id),
        timelineOf,
      ),
    }),
  }
}

function agentViews(
  t: TenantState,
  now: number,
  dayStart: number,
  windowMs: number[],
  row: (key: string) => Row,
  timelineOf: (a: AgentState) => StateSpan[],
): AgentView[] {
  const views: AgentView[] = []
  for (const a of t.agents.values()) {
    const spans = timelineOf(a)
    const span = spanAt(spans, now)
    // Agents logged out before today are not part of today's board.
    if (!span || (span.state === 'offline' && span.start < dayStart)) continue
    let chats = 0
    let calls = 0
    for (const segs of a.contacts.values()) {
      for (const s of segs) {
        if (s.start > now || (s.end !== null && s.end <= now)) continue
        if (s.channel === 'voice') calls++
        else chats++
      }
    }
    const view: AgentView = {
      agent_id: a.id,
      ...(a.name !== undefined && { name: a.name }),
      ...(a.channel !== undefined && { channel: a.channel }),
      state: span.state,
      since: span.start,
      active_chats: chats,
      active_calls: calls,
    }
    if (span.reason !== undefined) view.reason = span.reason
    if (a.team !== undefined) view.team = a.team
    if (a.site !== undefined) view.site = a.site
    if (a.skills !== undefined) view.skills = a.skills
    views.push(view)
    const keys = ['all']
    if (a.team !== undefined) keys.push(`team:${a.team}`)
    if (a.site !== undefined) keys.push(`site:${a.site}`)
    for (const key of keys) {
      const r = row(key)
      const counts = (r.agents ??= emptyAgentCounts())
      counts[span.state]++
      if (span.state === 'not_ready') {
        const reason = span.reason ?? 'unknown'
        counts.not_ready_by_reason[reason] = (counts.not_ready_by_reason[reason] ?? 0) + 1
      }
      if (chats > 0) {
        r.activeChats += chats
        r.agentsWithChats++
      }
      windowMs.forEach((w, i) => occupancyIn(spans, now - w, now, r.occupancy[i]))
      occupancyIn(spans, dayStart, now, r.occupancy[windowMs.length])
    }
  }
  return views.sort((x, y) => (x.team ?? '').localeCompare(y.team ?? '') || x.agent_id.localeCompare(y.agent_id))
}

const occupancyPct = (o: Occupancy): number | null => {
  const den = o.busyMs + o.readyMs
  return den > 0 ? Math.round((1000 * o.busyMs) / den) / 10 : null
}

/** `<channel>/<queue>` rows as channel → queue → row (a channel name has no `/`). */
function channelQueues(rows: Record<string, DimensionMetrics>): Record<string, Record<string, DimensionMetrics>> {
  const out: Record<string, Record<string, DimensionMetrics>> = {}
  for (const [key, d] of Object.entries(rows)) {
    const slash = key.indexOf('/')
    ;(out[key.slice(0, slash)] ??= {})[key.slice(slash + 1)] = d
  }
  return out
}

function dimension(key: string, r: Row, opts: ResolvedOptions, t: TenantState): DimensionMetrics {
  const [kind, name] = key === 'all' ? ['all', ''] : [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
  const target =
    kind === 'queue'
      ? slTargetFor(opts, t.queueChannel.get(name) ?? 'voice', name)
      : kind === 'chq'
        ? slTargetFor(opts, name.slice(0, name.indexOf('/')), name.slice(name.indexOf('/') + 1))
        : kind === 'channel'
          ? slTargetFor(opts, name, undefined)
          : opts.serviceLevel.voice
  const withAgents = kind === 'all' || kind === 'team' || kind === 'site'
  const windows: DimensionMetrics['windows'] = {}
  const names = [...opts.windowsMinutes.map((m) => `${m}m`), 'today']
  names.forEach((n, i) => {
    const m = toWindowMetrics(i < r.windows.length ? r.windows[i] : r.today)
    if (withAgents) m.occupancy_pct = occupancyPct(r.occupancy[i])
    windows[n] = m
  })
  const d: DimensionMetrics = {
    waiting: r.waiting,
    longest_wait_s: Math.round(r.longestWaitMs / 1000),
    target,
    windows,
    ...(kind === 'chq' && { channel: name.slice(0, name.indexOf('/')) }),
  }
  if (withAgents) {
    d.agents = r.agents ?? emptyAgentCounts()
    d.chat_concurrency = r.agentsWithChats > 0 ? Math.round((10 * r.activeChats) / r.agentsWithChats) / 10 : null
  }
  if (r.ticketsOpen > 0)
    d.tickets = {
      open: r.ticketsOpen,
      overdue: r.ticketsOverdue,
      oldest_open_s: Math.round(r.oldestTicketMs / 1000),
    }
  return d
}

function qaSection(t: TenantState, now: number, dayStart: number, opts: ResolvedOptions): QaSection {
  let count = 0
  let scoreSum = 0
  let flagged = 0
  const sentiment = new Map<string, { sum: number; n: number }>()
  const since = now - opts.sentimentWindowMinutes * MINUTE
  for (const r of t.qa.values()) {
    if (r.ts >= dayStart) {
      count++
      scoreSum += r.score
      if (r.flagged) flagged++
    }
    if (r.ts > since && r.sentiment !== undefined) {
      const q = r.queue ?? '(none)'
      const s = sentiment.get(q) ?? { sum: 0, n: 0 }
      s.sum += r.sentiment
      s.n++
      sentiment.set(q, s)
    }
  }
  return {
    today_count: count,
    today_avg_score: count ? Math.round((10 * scoreSum) / count) / 10 : null,
    today_flagged_pct: count ? Math.round((1000 * flagged) / count) / 10 : null,
    sentiment_by_queue: Object.fromEntries(
      [...sentiment].map(([q, s]) => [q, { avg: Math.round((100 * s.sum) / s.n) / 100, n: s.n }]),
    ),
    sentiment_window_min: opts.sentimentWindowMinutes,
  }
}

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 }

function alerts(t: TenantState, now: number): Alert[] {
  return [...t.alerts.values()]
    .filter((a) => a.expiresAt > now)
    .map(({ alert: { id, severity, text, ts, source } }) => ({ id, severity, text, ts, source }))
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.ts - a.ts)
}
