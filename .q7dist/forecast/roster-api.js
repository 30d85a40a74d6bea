import { loadQuery } from '../warehouse/index.js';
import { byRole } from '../kits/auth/index.js';
import { PLAN_READERS } from './planner-api.js';
import { BadRequest, HttpError, readJsonObject, routes } from '../kits/http/index.js';
import { adherenceOf, buildRosterInWorker, plannerRules, RosterInfeasibleError, RosterInputError, rosterToCsv, rosterToXlsx, shiftsOnDay, } from '../roster/index.js';
import { recountCoverage } from '../core/contracts/index.js';
import { fromLocalMinutes, toLocalMinutes } from '../kits/time/index.js';
import { agentsWithSkills, queueRequirements } from './roster-input.js';
import { dayOf, formatDay, parseLocalTimestamp } from './series.js';
/** Days in a planner roster. */
export const ROSTER_DAYS = 7;
const DAYS = ROSTER_DAYS;
function localDate(text, field, timeZone) {
    if (text === null || text === undefined)
        return dayOf(toLocalMinutes(Date.now(), timeZone));
    const t = typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseLocalTimestamp(text) : 'bad';
    if (typeof t === 'string')
        throw new BadRequest(field, 'expected a date YYYY-MM-DD');
    return dayOf(t);
}
function cost(v, field, fallback) {
    if (v === undefined)
        return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1e6)
        throw new BadRequest(field, 'expected a number from 0 to 1000000');
    return v;
}
/** Checks the shape of edited agents against the stored roster: same agents, shifts inside the horizon. */
function editedAgents(body, stored) {
    const list = body.agents;
    if (!Array.isArray(list))
        throw new BadRequest('agents', 'expected the list of agents with their shifts');
    const known = new Map(stored.roster.agents.map((a) => [a.id, a]));
    const num = (v, lo, hi) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
    return list.map((raw, i) => {
        const a = raw;
        const base = typeof a?.id === 'string' ? known.get(a.id) : undefined;
        if (!base)
            throw new BadRequest(`agents[${i}].id`, 'expected an agent of the stored roster');
        if (!Array.isArray(a.shifts))
            throw new BadRequest(`agents[${i}].shifts`, 'expected a list');
        const shifts = a.shifts.map((s, j) => {
            const f = `agents[${i}].shifts[${j}]`;
            const ok = num(s?.day, 0, stored.roster.days - 1) &&
                Number.isInteger(s.day) &&
                num(s.start, 0, 1439) &&
                num(s.end, s.start + 1, s.start + 1440) &&
                num(s.paidHours, 0, 24) &&
                typeof s.template === 'string' &&
                Array.isArray(s.breaks) &&
                s.breaks.every((b) => num(b?.start, s.start, s.end) && num(b.end, b.start, s.end) && typeof b.name === 'string');
            if (!ok)
                throw new BadRequest(f, 'expected {day, start, end, template, paidHours, breaks} inside the week');
            return {
                day: s.day,
                start: s.start,
                end: s.end,
                template: s.template,
                paidHours: s.paidHours,
                breaks: s.breaks.map((b) => ({ name: b.name, start: b.start, end: b.end, paid: b.paid !== false })),
            };
        });
        return { ...base, shifts };
    });
}
export function rosterHandler(opts) {
    const tz = opts.timeZone;
    const sql = {
        forecast: loadQuery('planner_forecast'),
        agents: loadQuery('planner_agents_seen'),
        queues: loadQuery('planner_agent_queues'),
        states: loadQuery('planner_agent_states'),
    };
    const building = new Set();
    async function build(tenant, body) {
        const day0 = localDate(body.week, 'week', tz);
        const c = (body.costs ?? {});
        if (typeof c !== 'object')
            throw new BadRequest('costs', 'expected {understaffed?, overstaffed?}');
        const costs = {
            understaffed: cost(c.understaffed, 'costs.understaffed', 10),
            overstaffed: cost(c.overstaffed, 'costs.overstaffed', 1),
        };
        const start = day0 * 1440;
        const params = { tenant, from_ms: fromLocalMinutes(start, tz), to_ms: fromLocalMinutes(start + DAYS * 1440, tz) };
        const requirements = queueRequirements(await opts.warehouse.query(sql.forecast, params), start, DAYS, tz);
        const open = requirements.filter((r) => r.required > 0);
        if (!open.length)
            throw new HttpError(409, 'no_forecast', `no stored forecast needs agents in the week from ${formatDay(day0)}`, 'week');
        const queues = [...new Set(requirements.map((r) => r.skill))].sort();
        const first = Math.min(...open.map((r) => r.minute));
        const close = Math.max(...open.map((r) => r.minute)) + 15;
        const requiredHours = open.reduce((s, r) => s + r.required / 4, 0);
        const team = Math.ceil(requiredHours / 32) + 2;
        const since = { tenant, from_ms: Date.now() - 28 * 86_400_000 };
        const seen = (await opts.warehouse.query(sql.agents, { ...since, limit: 2000 })).map((r) => r.agent_id);
        const ids = [...seen];
        for (let i = 1; ids.length < team; i++) {
            const id = `G${String(i).padStart(2, '0')}`;
            if (!seen.includes(id))
                ids.push(id);
        }
        const handled = await opts.warehouse.query(sql.queues, { ...since, limit: 100_000 });
        // In a worker thread: the solve takes seconds and must not hold up ingest and other requests.
        const roster = await buildRosterInWorker({
            requirements,
            agents: agentsWithSkills(ids, handled, queues),
            rules: plannerRules(first, close, costs),
            days: DAYS,
            firstWeekday: (((day0 + 3) % 7) + 7) % 7, // day 0 = 1970-01-01, a Thursday; 0 = Monday
            startDate: formatDay(day0),
        }, { timeLimitSeconds: opts.rosterSeconds ?? 20 });
        return saved(await opts.store.save({
            tenant,
            time_zone: tz,
            week: formatDay(day0),
            built_at: Date.now(),
            edited_at: null,
            agents_source: !seen.length ? 'generated' : ids.length > seen.length ? 'warehouse+generated' : 'warehouse',
            costs,
            roster,
        }));
    }
    function saved(answer) {
        opts.onSaved?.(answer);
        return answer;
    }
    /** The roster of `week` (a date text), or the one saved last; 404 when there is none. */
    async function stored(tenant, week) {
        const r = week === null || week === undefined
            ? await opts.store.latest(tenant)
            : await opts.store.ofWeek(tenant, formatDay(localDate(week, 'week', tz)));
        if (!r)
            throw new HttpError(404, 'not_found', 'no roster yet: build one (POST /api/planner/roster)');
        return r;
    }
    async function adherence(tenant, url) {
        const date = localDate(url.searchParams.get('date'), 'date', tz);
        const r = await opts.store.covering(tenant, formatDay(date), DAYS);
        if (!r)
            throw new HttpError(404, 'not_found', `no roster covers ${formatDay(date)}: build one for its week`);
        const day = date - localDate(r.week, 'week', tz);
        const start = date * 1440;
        const now = toLocalMinutes(Date.now(), tz);
        const until = Math.max(0, Math.min(1440, now - start));
        const rows = await opts.warehouse.query(sql.states, {
            tenant,
            from_ms: fromLocalMinutes(start - 1440, tz),
            to_ms: fromLocalMinutes(start + 1440, tz),
        });
        const byAgent = new Map();
        for (const e of rows) {
            const list = byAgent.get(e.agent_id) ?? [];
            list.push({ minute: toLocalMinutes(Number(e.t), tz) - start, type: e.type });
            byAgent.set(e.agent_id, list);
        }
        const agents = r.roster.agents.map((a) => adherenceOf(a.id, shiftsOnDay(a, day), byAgent.get(a.id) ?? [], {
            intervalMinutes: r.roster.intervalMinutes,
            untilMinute: until,
        }));
        const sum = (k) => agents.reduce((s, a) => s + a[k], 0);
        const ratio = (a, b) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);
        return {
            tenant,
            date: formatDay(date),
            day,
            until_minute: until,
            agents,
            adherence: ratio(sum('adherent_min'), sum('scheduled_min')),
            conformance: ratio(sum('worked_min'), sum('scheduled_work_min')),
        };
    }
    return routes({
        'POST /api/planner/roster': {
            needs: ['planner'],
            handle: async ({ req, who }) => {
                const body = await readJsonObject(req, 64 * 1024, '{"week":"2025-03-03","costs":{"understaffed":10}}');
                if (building.has(who.tenant))
                    throw new HttpError(409, 'busy', 'a roster is being built; try again shortly');
                building.add(who.tenant);
                try {
                    return await build(who.tenant, body);
                }
                catch (err) {
                    if (err instanceof RosterInfeasibleError || err instanceof RosterInputError)
                        throw new HttpError(422, 'infeasible', err.message);
                    throw err;
                }
                finally {
                    building.delete(who.tenant);
                }
            },
        },
        'GET /api/planner/roster': {
            needs: PLAN_READERS,
            handle: ({ url, who }) => stored(who.tenant, url.searchParams.get('week')),
        },
        'PUT /api/planner/roster': {
            needs: ['planner'],
            handle: async ({ req, who }) => {
                const body = await readJsonObject(req, 8 * 1024 * 1024);
                const r = await stored(who.tenant, body.week);
                const agents = editedAgents(body, r);
                const roster = recountCoverage(r.roster, agents, r.costs);
                return saved(await opts.store.save({ ...r, edited_at: Date.now(), roster }));
            },
        },
        'GET /api/planner/roster/export': {
            needs: PLAN_READERS,
            handle: async ({ url, res, who }) => {
                const r = await stored(who.tenant, url.searchParams.get('week'));
                const format = url.searchParams.get('format') ?? 'xlsx';
                if (format !== 'csv' && format !== 'xlsx')
                    throw new BadRequest('format', 'expected csv or xlsx');
                const body = format === 'csv' ? Buffer.from(rosterToCsv(r.roster)) : await rosterToXlsx(r.roster);
                res.writeHead(200, {
                    'content-type': format === 'csv'
                        ? 'text/csv; charset=utf-8'
                        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                    'content-disposition': `attachment; filename="mofang-roster-${who.tenant}-${r.week}.${format}"`,
                    'cache-control': 'no-store',
                });
                res.end(body);
            },
        },
        'GET /api/planner/roster/adherence': {
            needs: PLAN_READERS,
            handle: ({ url, who }) => adherence(who.tenant, url),
        },
    }, {
        prefix: '/api/planner/roster',
        headers: { 'cache-control': 'no-store' },
        ...byRole(opts.access),
        unexpected(err) {
            opts.onError(err);
            return new HttpError(500, 'internal', 'the roster request failed; see the server log');
        },
    });
}
//# sourceMappingURL=roster-api.js.map