/**
 * Weeks of SIMULATED contact-centre history for the AHT and ticket evaluations: the simulator's deterministic
 * generator (simulator/) run day by day, its events folded into per-interval series the way the warehouse counts
 * them. The bank file has arrivals only, so handle times and tickets can only be evaluated on simulated data.
 *
 * The folding mirrors the SQL, so the evaluation sees what the service would read:
 *   - interaction facts as sql/migrations/0002_interactions.sql defines them (offered, queued, answered, ended,
 *     hold, wrap), per interaction;
 *   - offered contacts per queue, channel and local 15-minute interval as forecast_history.sql counts them;
 *   - answered contacts and their handle time (talk + hold + wrap, capped at MAX_HANDLE_S) per offered interval, as
 *     forecast_history.sql sums them;
 *   - tickets created per queue, channel and interval as forecast_tickets.sql.
 * Chat messages are read only for the first agent message (the chat's answer time), then dropped.
 */
import type { IncomingEvent } from '../../core/index.js'
import { Simulation } from '../../simulator/index.js'
import { MAX_HANDLE_S, type HandledPoint } from '../aht.js'
import { toLocalMinutes } from '../../kits/time/index.js'
import { dayOf, type Point } from '../series.js'
import { TICKET_CHANNELS } from '../tickets.js'

const DAY_MS = 86_400_000
const STEP_MIN = 15

export interface SimulatedCentreOptions {
  /** Whole weeks of history, Monday to Sunday. Default 16. */
  weeks?: number
  /** Contacts per hour at the weekly peak (simulator option). Default 300. */
  ratePerHour?: number
  /** Agents on the roster (simulator option). Default 30. */
  agents?: number
  seed?: number
  /** The first Monday, as a UTC date `YYYY-MM-DD` of the local calendar. Default 2024-01-01. */
  firstMonday?: string
}

export interface SeriesName {
  queue: string
  channel: string
}

/** A live channel's series: offered per interval (the arrivals forecast's input) and handled per interval (AHT's). */
export interface LiveSeries extends SeriesName {
  offered: Point[]
  handled: HandledPoint[]
}

export interface TicketSeries extends SeriesName {
  created: Point[]
}

export interface SimulatedCentre {
  timeZone: string
  /** The first day (day number, series.ts) and the day after the last. */
  days: { first: number; end: number }
  live: LiveSeries[]
  tickets: TicketSeries[]
  /** Events read, for the log line. */
  events: number
}

interface Facts {
  channel: string
  queue?: string
  queueTs: number
  offered?: number
  queued?: number
  answered?: number
  ended?: number
  wrapStart?: number
  wrapEnd?: number
  holdMs: number
}

/** The simulator's default centre sits at UTC+8 without daylight saving. */
const TIME_ZONE = 'Asia/Shanghai'

const minOf = (a: number | undefined, b: number) => (a === undefined || b < a ? b : a)
const maxOf = (a: number | undefined, b: number) => (a === undefined || b > a ? b : a)

function fold(f: Facts, e: IncomingEvent): void {
  const ts = e.ts
  if (e.queue && ts < f.queueTs) [f.queue, f.queueTs] = [e.queue, ts]
  switch (e.type) {
    case 'voice.offered':
    case 'chat.started':
    case 'ticket.created':
      f.offered = minOf(f.offered, ts)
      break
    case 'voice.queued':
    case 'chat.transferred_to_agent':
      f.queued = minOf(f.queued, ts)
      break
    case 'voice.answered':
      f.answered = minOf(f.answered, ts)
      break
    case 'chat.message':
      if ((e.payload as { role?: string } | undefined)?.role === 'agent') f.answered = minOf(f.answered, ts)
      break
    case 'voice.ended':
    case 'chat.ended':
    case 'ticket.resolved':
      f.ended = maxOf(f.ended, ts)
      break
    case 'voice.hold':
      f.holdMs -= ts
      break
    case 'voice.unhold':
      f.holdMs += ts
      break
    case 'agent.wrap_up':
      f.wrapStart = minOf(f.wrapStart, ts)
      break
    case 'agent.ready':
    case 'agent.not_ready':
    case 'agent.logout':
      f.wrapEnd = maxOf(f.wrapEnd, ts)
  }
}

/** Handle time in seconds as forecast_history.sql computes it; undefined when the contact was not answered. */
function handleSeconds(f: Facts): number | undefined {
  if (f.answered === undefined || f.ended === undefined) return undefined
  const hold = Math.max(0, f.holdMs)
  const talk = f.ended - f.answered - hold
  const wrap = f.wrapStart !== undefined && f.wrapEnd !== undefined ? f.wrapEnd - f.wrapStart : 0
  return Math.min(MAX_HANDLE_S, (Math.max(talk, 0) + hold + Math.max(wrap, 0)) / 1000)
}

/** Generates the history and folds it into series (16 weeks at the defaults: about 40 s on one core). */
export function simulatedCentre(opts: SimulatedCentreOptions = {}): SimulatedCentre {
  const weeks = opts.weeks ?? 16
  const firstLocalMidnight = Date.parse(`${opts.firstMonday ?? '2024-01-01'}T00:00:00+08:00`)
  const sim = new Simulation({
    seed: opts.seed ?? 11,
    start: firstLocalMidnight,
    ratePerHour: opts.ratePerHour ?? 300,
    agents: opts.agents ?? 30,
  })
  const facts = new Map<string, Facts>()
  let events = 0
  const read = (batch: IncomingEvent[]) => {
    for (const e of batch) {
      events++
      if (!e.interaction_id) continue
      let f = facts.get(e.interaction_id)
      if (!f) facts.set(e.interaction_id, (f = { channel: e.channel, queueTs: Infinity, holdMs: 0 }))
      fold(f, e)
    }
  }
  const end = firstLocalMidnight + weeks * 7 * DAY_MS
  for (let t = firstLocalMidnight + DAY_MS; t <= end; t += DAY_MS) read(sim.advanceTo(t))
  read(sim.drain())

  const slotOf = (ms: number) => {
    const local = toLocalMinutes(ms, TIME_ZONE)
    return local - (local % STEP_MIN)
  }
  const live = new Map<string, { name: SeriesName; offered: Map<number, number>; handled: Map<number, HandledPoint> }>()
  const tickets = new Map<string, { name: SeriesName; created: Map<number, number> }>()
  for (const f of facts.values()) {
    if (!f.queue) continue
    const name = { queue: f.queue, channel: f.channel }
    const key = `${f.queue}/${f.channel}`
    if (TICKET_CHANNELS.has(f.channel)) {
      if (f.offered === undefined || f.offered >= end) continue
      const s = tickets.get(key) ?? { name, created: new Map() }
      tickets.set(key, s)
      const t = slotOf(f.offered)
      s.created.set(t, (s.created.get(t) ?? 0) + 1)
      continue
    }
    const offeredAt = f.channel === 'voice' ? (f.offered ?? f.queued) : (f.queued ?? f.offered)
    if (offeredAt === undefined || offeredAt >= end) continue
    const s = live.get(key) ?? { name, offered: new Map(), handled: new Map() }
    live.set(key, s)
    const t = slotOf(offeredAt)
    s.offered.set(t, (s.offered.get(t) ?? 0) + 1)
    const seconds = handleSeconds(f)
    if (seconds === undefined) continue
    const h = s.handled.get(t) ?? { t, contacts: 0, seconds: 0 }
    h.contacts++
    h.seconds += seconds
    s.handled.set(t, h)
  }
  const points = (m: Map<number, number>): Point[] =>
    [...m].map(([t, count]) => ({ t, count })).sort((a, b) => a.t - b.t)
  const byName = (a: SeriesName, b: SeriesName) => a.queue.localeCompare(b.queue) || a.channel.localeCompare(b.channel)
  const firstDay = dayOf(toLocalMinutes(firstLocalMidnight, TIME_ZONE))
  return {
    timeZone: TIME_ZONE,
    days: { first: firstDay, end: firstDay + weeks * 7 },
    live: [...live.values()]
      .map((s) => ({
        ...s.name,
        offered: points(s.offered),
        handled: [...s.handled.values()].sort((a, b) => a.t - b.t),
      }))
      .sort(byName),
    tickets: [...tickets.values()].map((s) => ({ ...s.name, created: points(s.created) })).sort(byName),
    events,
  }
}
