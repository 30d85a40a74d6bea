/**
 * The planner's roster and adherence API (planner role, wallboard sign-in; one stored roster per tenant, in memory):
 *   POST /api/planner/roster {week?, costs?}   builds the week's roster from the stored forecast's required agents
 *        (summed over queues: the demo's agents serve every queue) with the agents seen in the warehouse's agent
 *        events in the last 28 days, topped up with generated ones (G01…) to what the requirement needs, and the
 *        default rules below; answers the RosterAnswer once solved (within `rosterSeconds`, default 10)
 *   GET  /api/planner/roster                   the last roster (404 before one was built)
 *   PUT  /api/planner/roster {agents}          stores edited shifts; coverage and totals are recounted
 *   GET  /api/planner/roster/export?format=csv|xlsx   the stored roster as a file
 *   GET  /api/planner/roster/adherence?date=YYYY-MM-DD   adherence and conformance per agent and interval of one day
 * The solver blocks the event loop while it runs (HiGHS in WebAssembly), so the time limit stays short.
 */
import type { IncomingMessage } from 'node:http'
import type { Handler } from '../core/index.js'
import { loadQuery, type Warehouse } from '../warehouse/index.js'
import { admitted, type Admitted, type Gate } from '../kits/auth/index.js'
import { BadRequest, HttpError, readJsonObject, routes } from '../kits/http/index.js'
import {
  adherenceOf,
  buildRosterInWorker,
  RosterInfeasibleError,
  RosterInputError,
  rosterToCsv,
  rosterToXlsx,
  shiftsOnDay,
  type Requirement,
  type RosterRules,
  type StateEvent,
} from '../roster/index.js'
import {
  recountCoverage,
  type AdherenceAnswer,
  type AgentRoster,
  type ForecastInterval,
  type RosterAnswer,
} from '../core/contracts/index.js'
import { fromLocalMinutes, toLocalMinutes } from './local-time.js'
import { dayOf, formatDay, parseLocalTimestamp } from './series.js'

export interface RosterApiOptions {
  warehouse: Warehouse
  timeZone: string
  access(req: IncomingMessage, url: URL): Gate
  /** Solver time limit per build, seconds. Default 10. */
  rosterSeconds?: number
  onError(err: unknown): void
}

const DAYS = 7
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/**
 * The planner's default rules: 8-hour shifts (two 15-minute breaks and a 30-minute unpaid lunch) starting every
 * half hour across the opening hours, 4-hour part shifts (one break) every hour, two consecutive days off, at most
 * 40 paid hours, 11 hours' rest.
 */
export function defaultRules(open: number, close: number, costs: RosterAnswer['costs']): RosterRules {
  const allDay = open === 0 && close >= 1440
  const last = (len: number) => (allDay ? 1440 - 30 : Math.max(open, Math.min(1410, close - len)))
  return {
    intervalMinutes: 15,
    shifts: [
      { name: 'full', starts: { from: hhmm(open), to: hhmm(last(480)), every: 30 }, length: '8h' },
      { name: 'part', starts: { from: hhmm(open), to: hhmm(last(240)), every: 60 }, length: '4h' },
    ],
    breaks: [
      { name: 'break', length: '15m', earliest: '1h30m', latest: '2h30m' },
      { name: 'lunch', length: '30m', earliest: '3h30m', latest: '5h', minShiftHours: 6, paid: false },
      { name: 'break', length: '15m', earliest: '5h30m', latest: '7h', minShiftHours: 8 },
    ],
    daysOff: { count: 2, consecutive: true },
    hours: { max: 40 },
    minRestHours: 11,
    costs: { understaffed: costs.understaffed, overstaffed: costs.overstaffed },
  }
}

function localDate(text: string | null | undefined, field: string, timeZone: string): number {
  if (text === null || text === undefined) return dayOf(toLocalMinutes(Date.now(), timeZone))
  const t = typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseLocalTimestamp(text) : 'bad'
  if (typeof t === 'string') throw new BadRequest(field, 'expected a date YYYY-MM-DD')
  return dayOf(t)
}

function cost(v: unknown, field: string, fallback: number): number {
  if (v === undefined) return fallback
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1e6)
    throw new BadRequest(field, 'expected a number from 0 to 1000000')
  return v
}

/** Checks the shape of edited agents against the stored roster: same agents, shifts inside the horizon. */
function editedAgents(body: Record<string, unknown>, stored: RosterAnswer): AgentRoster[] {
  const list = body.agents
  if (!Array.isArray(list)) throw new BadRequest('agents', 'expected the list of agents with their shifts')
  const known = new Map(stored.roster.agents.map((a) => [a.id, a]))
  const num = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi
  return list.map((raw, i): AgentRoster => {
    const a = raw as Partial<AgentRoster>
    const base = typeof a?.id === 'string' ? known.get(a.id) : undefined
    if (!base) throw new BadRequest(`agents[${i}].id`, 'expected an agent of the stored roster')
    if (!Array.isArray(a.shifts)) throw new BadRequest(`agents[${i}].shifts`, 'expected a list')
    const shifts = a.shifts.map((s, j) => {
      const f = `agents[${i}].shifts[${j}]`
      const ok =
        num(s?.day, 0, stored.roster.days - 1) &&
        Number.isInteger(s.day) &&
        num(s.start, 0, 1439) &&
        num(s.end, s.start + 1, s.start + 1440) &&
        num(s.paidHours, 0, 24) &&
        typeof s.template === 'string' &&
        Array.isArray(s.breaks) &&
        s.breaks.every((b) => num(b?.start, s.start, s.end) && num(b.end, b.start, s.end) && typeof b.name === 'string')
      if (!ok) throw new BadRequest(f, 'expected {day, start, end, template, paidHours, breaks} inside the week')
      return {
        day: s.day,
        start: s.start,
        end: s.end,
        template: s.template,
        paidHours: s.paidHours,
        breaks: s.breaks.map((b) => ({ name: b.name, start: b.start, end: b.end, paid: b.paid !== false })),
      }
    })
    return { ...base, shifts }
  })
}

export function rosterHandler(opts: RosterApiOptions): Handler {
  const tz = opts.timeZone
  const sql = {
    forecast: loadQuery('planner_forecast'),
    agents: loadQuery('planner_agents_seen'),
    states: loadQuery('planner_agent_states'),
  }
  const stored = new Map<string, RosterAnswer>()
  const building = new Set<string>()

  async function build(tenant: string, body: Record<string, unknown>): Promise<RosterAnswer> {
    const day0 = localDate(body.week as string | undefined, 'week', tz)
    const c = (body.costs ?? {}) as Record<string, unknown>
    if (typeof c !== 'object') throw new BadRequest('costs', 'expected {understaffed?, overstaffed?}')
    const costs = {
      understaffed: cost(c.understaffed, 'costs.understaffed', 10),
      overstaffed: cost(c.overstaffed, 'costs.overstaffed', 1),
    }
    const start = day0 * 1440
    const params = { tenant, from_ms: fromLocalMinutes(start, tz), to_ms: fromLocalMinutes(start + DAYS * 1440, tz) }
    const rows = await opts.warehouse.query<ForecastInterval>(sql.forecast, params)
    const need = new Map<number, number>()
    for (const r of rows) {
      const m = Math.floor((toLocalMinutes(Number(r.t), tz) - start) / 15) * 15
      need.set(m, (need.get(m) ?? 0) + Number(r.required_agents))
    }
    const requirements: Requirement[] = [...need]
      .filter(([m]) => m >= 0 && m < DAYS * 1440)
      .sort((a, b) => a[0] - b[0])
      .map(([m, required]) => ({
        day: Math.floor(m / 1440),
        minute: m % 1440,
        required: Math.round(required * 100) / 100,
      }))
    const open = requirements.filter((r) => r.required > 0)
    if (!open.length)
      throw new HttpError(
        409,
        'no_forecast',
        `no stored forecast needs agents in the week from ${formatDay(day0)}`,
        'week',
      )
    const first = Math.min(...open.map((r) => r.minute))
    const close = Math.max(...open.map((r) => r.minute)) + 15
    const requiredHours = open.reduce((s, r) => s + r.required / 4, 0)
    const team = Math.ceil(requiredHours / 32) + 2
    const seen = (
      await opts.warehouse.query<{ agent_id: string }>(sql.agents, {
        tenant,
        from_ms: Date.now() - 28 * 86_400_000,
        limit: 2000,
      })
    ).map((r) => r.agent_id)
    const ids = [...seen]
    for (let i = 1; ids.length < team; i++) {
      const id = `G${String(i).padStart(2, '0')}`
      if (!seen.includes(id)) ids.push(id)
    }
    // In a worker thread: the solve takes seconds and must not hold up ingest and other requests.
    const roster = await buildRosterInWorker(
      {
        requirements,
        agents: ids.map((id) => ({ id })),
        rules: defaultRules(first, close, costs),
        days: DAYS,
        firstWeekday: (((day0 + 3) % 7) + 7) % 7, // day 0 = 1970-01-01, a Thursday; 0 = Monday
        startDate: formatDay(day0),
      },
      { timeLimitSeconds: opts.rosterSeconds ?? 10 },
    )
    const answer: RosterAnswer = {
      tenant,
      time_zone: tz,
      week: formatDay(day0),
      built_at: Date.now(),
      edited_at: null,
      agents_source: !seen.length ? 'generated' : ids.length > seen.length ? 'warehouse+generated' : 'warehouse',
      costs,
      roster,
    }
    stored.set(tenant, answer)
    return answer
  }

  function last(tenant: string): RosterAnswer {
    const r = stored.get(tenant)
    if (!r) throw new HttpError(404, 'not_found', 'no roster yet: build one (POST /api/planner/roster)')
    return r
  }

  async function adherence(tenant: string, url: URL): Promise<AdherenceAnswer> {
    const r = last(tenant)
    const date = localDate(url.searchParams.get('date'), 'date', tz)
    const day = date - localDate(r.week, 'week', tz)
    if (day < 0 || day >= r.roster.days)
      throw new BadRequest('date', `the roster covers ${r.week} and the ${r.roster.days - 1} days after it`)
    const start = date * 1440
    const now = toLocalMinutes(Date.now(), tz)
    const until = Math.max(0, Math.min(1440, now - start))
    const rows = await opts.warehouse.query<{ agent_id: string; t: number; type: string }>(sql.states, {
      tenant,
      from_ms: fromLocalMinutes(start - 1440, tz),
      to_ms: fromLocalMinutes(start + 1440, tz),
    })
    const byAgent = new Map<string, StateEvent[]>()
    for (const e of rows) {
      const list = byAgent.get(e.agent_id) ?? []
      list.push({ minute: toLocalMinutes(Number(e.t), tz) - start, type: e.type })
      byAgent.set(e.agent_id, list)
    }
    const agents = r.roster.agents.map((a) =>
      adherenceOf(a.id, shiftsOnDay(a, day), byAgent.get(a.id) ?? [], {
        intervalMinutes: r.roster.intervalMinutes,
        untilMinute: until,
      }),
    )
    const sum = (k: 'scheduled_min' | 'scheduled_work_min' | 'adherent_min' | 'worked_min') =>
      agents.reduce((s, a) => s + a[k], 0)
    const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null)
    return {
      tenant,
      date: formatDay(date),
      day,
      until_minute: until,
      agents,
      adherence: ratio(sum('adherent_min'), sum('scheduled_min')),
      conformance: ratio(sum('worked_min'), sum('scheduled_work_min')),
    }
  }

  return routes<Admitted>(
    {
      'POST /api/planner/roster': async ({ req, who }) => {
        const body = await readJsonObject(req, 64 * 1024, '{"week":"2025-03-03","costs":{"understaffed":10}}')
        if (building.has(who.tenant)) throw new HttpError(409, 'busy', 'a roster is being built; try again shortly')
        building.add(who.tenant)
        try {
          return await build(who.tenant, body)
        } catch (err) {
          if (err instanceof RosterInfeasibleError || err instanceof RosterInputError)
            throw new HttpError(422, 'infeasible', (err as Error).message)
          throw err
        } finally {
          building.delete(who.tenant)
        }
      },
      'GET /api/planner/roster': ({ who }) => last(who.tenant),
      'PUT /api/planner/roster': async ({ req, who }) => {
        const r = last(who.tenant)
        const agents = editedAgents(await readJsonObject(req, 8 * 1024 * 1024), r)
        const next: RosterAnswer = { ...r, edited_at: Date.now(), roster: recountCoverage(r.roster, agents, r.costs) }
        stored.set(who.tenant, next)
        return next
      },
      'GET /api/planner/roster/export': async ({ url, res, who }) => {
        const r = last(who.tenant)
        const format = url.searchParams.get('format') ?? 'xlsx'
        if (format !== 'csv' && format !== 'xlsx') throw new BadRequest('format', 'expected csv or xlsx')
        const body = format === 'csv' ? Buffer.from(rosterToCsv(r.roster)) : await rosterToXlsx(r.roster)
        res.writeHead(200, {
          'content-type':
            format === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename="mofang-roster-${who.tenant}-${r.week}.${format}"`,
          'cache-control': 'no-store',
        })
        res.end(body)
      },
      'GET /api/planner/roster/adherence': ({ url, who }) => adherence(who.tenant, url),
    },
    {
      prefix: '/api/planner/roster',
      headers: { 'cache-control': 'no-store' },
      guard: (req, url) => admitted(opts.access(req, url)),
      unexpected(err) {
        opts.onError(err)
        return new HttpError(500, 'internal', 'the roster request failed; see the server log')
      },
    },
  )
}
