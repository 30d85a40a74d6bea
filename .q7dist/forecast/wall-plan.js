import { loadQuery } from '../warehouse/index.js';
import { shiftsOnDay } from '../roster/index.js';
import { fromLocalMinutes, toLocalMinutes } from '../kits/time/index.js';
import { ROSTER_DAYS } from './roster-api.js';
import { dayOf, formatDay } from './series.js';
const STEP_MS = 15 * 60_000;
/** The series keys a contact of this queue and channel counts in, as the live snapshot keys its series. */
const seriesKeys = (queue, channel) => ['all', `queue:${queue}`, `channel:${channel}`];
/**
 * One tenant's plan for the local day starting at `dayStart` (ms; `dayEnd` the next midnight). Forecasts and
 * re-forecasts are summed per series; shifts are the roster's that touch the day (breaks included). Pure.
 */
export function wallPlanOf(p) {
    const n = Math.round((p.dayEnd - p.dayStart) / STEP_MS);
    const series = {};
    const seriesOf = (key) => (series[key] ??= { forecast: new Array(n).fill(0), reforecast: new Array(n).fill(null) });
    const slot = (t) => Math.floor((t - p.dayStart) / STEP_MS);
    for (const r of p.forecasts) {
        const i = slot(Number(r.t));
        if (i >= 0 && i < n)
            for (const key of seriesKeys(r.queue, r.channel))
                seriesOf(key).forecast[i] += Number(r.forecast);
    }
    for (const r of p.reforecasts) {
        const i = slot(r.interval_start);
        if (r.tenant !== p.tenant || i < 0 || i >= n)
            continue;
        for (const key of seriesKeys(r.queue, r.channel)) {
            const s = seriesOf(key);
            s.reforecast[i] = (s.reforecast[i] ?? 0) + r.reforecast;
        }
    }
    const round = (v) => Math.round(v * 100) / 100;
    for (const s of Object.values(series)) {
        s.forecast = s.forecast.map(round);
        s.reforecast = s.reforecast.map((v) => (v === null ? null : round(v)));
    }
    const shifts = [];
    if (p.roster) {
        const midnight = toLocalMinutes(p.dayStart, p.timeZone);
        // Day numbers: local dates counted as days since 1970-01-01, as the forecast's local minutes count them.
        const day = dayOf(midnight) - Date.parse(`${p.roster.week}T00:00:00Z`) / 86_400_000;
        const at = (m) => fromLocalMinutes(midnight + m, p.timeZone);
        for (const a of p.roster.roster.agents)
            for (const s of shiftsOnDay(a, day))
                shifts.push({
                    agent_id: a.id,
                    start: at(s.start),
                    end: at(s.end),
                    breaks: s.breaks.map((b) => ({ start: at(b.start), end: at(b.end) })),
                });
    }
    return {
        tenant: p.tenant,
        date: p.date,
        day_start: p.dayStart,
        step_ms: STEP_MS,
        generated_at: p.now,
        series,
        roster_week: p.roster?.week ?? null,
        roster_version: p.roster?.version ?? null,
        shifts,
    };
}
export function wallPlans(opts) {
    const sql = loadQuery('wall_plan_forecast');
    const tz = opts.timeZone;
    // One refresh at a time; a request meanwhile runs once after it, with what is newest then.
    let running = Promise.resolve();
    let queued = false;
    let failing = false;
    async function publishAll() {
        const now = Date.now();
        const today = dayOf(toLocalMinutes(now, tz));
        const dayStart = fromLocalMinutes(today * 1440, tz);
        const dayEnd = fromLocalMinutes((today + 1) * 1440, tz);
        const rows = await opts.warehouse.query(sql, { from_ms: dayStart, to_ms: dayEnd });
        const byTenant = new Map();
        for (const r of rows)
            byTenant.set(r.tenant, [...(byTenant.get(r.tenant) ?? []), r]);
        const date = formatDay(today);
        for (const [tenant, forecasts] of byTenant) {
            const roster = await opts.store.covering(tenant, date, ROSTER_DAYS);
            const plan = wallPlanOf({
                tenant,
                date,
                dayStart,
                dayEnd,
                forecasts,
                reforecasts: opts.reforecast(),
                roster,
                timeZone: tz,
                now,
            });
            opts.publish(plan);
        }
    }
    const refresh = () => {
        if (queued)
            return running;
        queued = true;
        running = running.then(async () => {
            queued = false;
            try {
                await publishAll();
                failing = false;
            }
            catch (err) {
                // Once per failing stretch: the timer retries every minute.
                if (!failing)
                    opts.log(`wall plan: ${err.message}`);
                failing = true;
            }
        });
        return running;
    };
    const timer = setInterval(() => void refresh(), opts.everyMs ?? 60_000);
    timer.unref();
    return {
        refresh,
        async stop() {
            clearInterval(timer);
            await running;
        },
    };
}
//# sourceMappingURL=wall-plan.js.map