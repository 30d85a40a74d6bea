import { publishAlert } from '../bus/index.js';
import { roleGate } from '../kits/auth/index.js';
import { plannerHandler } from './planner-api.js';
import { rosterHandler } from './roster-api.js';
import { rosterStore } from './roster-store.js';
import { wallPlans } from './wall-plan.js';
import { recomputeForecasts } from './recompute.js';
import { chatConcurrencyOf, DEFAULT_CHAT } from './service-settings.js';
import { checkSurges, rainModel, readWeather, surgeAlertInput, surgeRow, weatherSourceFrom, } from './surge-watch.js';
import { wallPlanSubject } from '../core/contracts/index.js';
import { toLocalMinutes } from '../kits/time/index.js';
import { loadWeatherHistory, storeWeatherHours } from './weather/history.js';
import { learnUplift } from './weather/learn.js';
function countByTenant(rows) {
    const series = new Map();
    const out = {};
    for (const r of rows) {
        const seen = series.get(r.tenant) ?? series.set(r.tenant, new Set()).get(r.tenant);
        seen.add(`${r.queue}\u0000${r.channel}`);
        out[r.tenant] = { series: seen.size, rows: (out[r.tenant]?.rows ?? 0) + 1 };
    }
    return out;
}
/**
 * "learned +28.4% per 10 mm/h of rain (21 days, 84 rainy hours)" or "prior +30.0% … (3 days, 2 rainy hours of
 * history)".
 */
function describeEffect(e) {
    const size = `${e.rain_per_10mm >= 0 ? '+' : ''}${(100 * e.rain_per_10mm).toFixed(1)}% per 10 mm/h of rain`;
    return `${e.effect} ${size} (${e.days} days, ${e.rain_hours} rainy hours${e.effect === 'prior' ? ' of history: too few to learn from' : ''})`;
}
export function forecastService(opts) {
    return async (ctx) => {
        const { warehouse, js, topology, log } = ctx;
        const regions = opts.regions ?? [];
        const source = weatherSourceFrom(opts.weatherSource, { timeZone: opts.timeZone, historyDays: opts.historyDays });
        const prior = rainModel(regions, opts.rainUpliftPer10mm ?? 0.3);
        const horizonHours = opts.surgeHours ?? 6;
        const historyDays = opts.historyDays ?? 56;
        let lastRun;
        const store = rosterStore(warehouse);
        // Today's forecast, re-forecast and shifts for the walls (merged into the live snapshot by the live metrics).
        const encoder = new TextEncoder();
        const plans = wallPlans({
            warehouse,
            store,
            timeZone: opts.timeZone,
            reforecast: () => lastRun?.reforecast ?? [],
            publish: (plan) => ctx.nats.nc.publish(wallPlanSubject(topology, plan.tenant), encoder.encode(JSON.stringify(plan))),
            log,
        });
        void plans.refresh(); // from what is stored (after a restart), before the first run
        const effectInUse = new Map();
        // Runs in a chain, one after another.
        let queue = Promise.resolve();
        let stopped = false;
        async function run(now) {
            const result = await recomputeForecasts(warehouse, {
                timeZone: opts.timeZone,
                now,
                historyDays: opts.historyDays ?? 56,
                days: opts.days ?? 8,
                targets: opts.targets,
                chat: opts.chat,
                defaultAht: opts.defaultAht ?? 300,
            });
            for (const s of result.skipped)
                log(`forecast: ${s.key.tenant}/${s.key.queue}/${s.key.channel} skipped: ${s.reason}`);
            const { status, byRegion } = await readWeather(source, regions, now);
            const uplift = await learn(now, result, byRegion, status);
            // The planner's rain what-if uses the effect in use (the first tenant and region's: the demo has one).
            const effect = uplift.effects[0];
            status.rain_uplift_per_10mm = effect?.rain_per_10mm ?? opts.rainUpliftPer10mm ?? 0.3;
            status.rain_uplift_effect = effect?.effect ?? 'prior';
            for (const w of status.warnings)
                log(`forecast: weather warning: ${w}`);
            const surges = checkSurges(result.rows, byRegion, status.source, {
                regions,
                modelFor: (tenant) => uplift.models.get(tenant) ?? prior,
                timeZone: opts.timeZone,
                now,
                horizonHours,
                threshold: opts.surgeThreshold ?? 0.15,
                minExtraContacts: opts.surgeMinContacts ?? 20,
            });
            if (surges.length) {
                await warehouse.insert('surge_alerts', surges.map(surgeRow));
                // Through JetStream, so the wall still shows them after a restart (bus/qa-alerts.ts).
                await Promise.all(surges.map((s) => publishAlert(js, topology, surgeAlertInput(s, horizonHours * 3_600_000))));
            }
            lastRun = {
                at: now,
                series: result.series,
                rows: result.rows.length,
                ticketSeries: result.ticketSeries,
                skipped: result.skipped,
                weather: status,
                uplift: uplift.effects,
                surges,
                reforecast: result.reforecast,
                byTenant: countByTenant(result.rows),
            };
            void plans.refresh();
            return lastRun;
        }
        /**
         * Stores the hours the source reported as observations, then learns each region's uplift from the stored history.
         */
        async function learn(now, result, byRegion, status) {
            const learnOpts = {
                regions,
                prior,
                nowLocal: toLocalMinutes(now, opts.timeZone),
                minDays: opts.upliftMinDays,
                minRainHours: opts.upliftMinRainHours,
            };
            let history = new Map();
            if (regions.length) {
                try {
                    const tenants = new Set(result.histories.map((h) => h.key.tenant));
                    if (byRegion.size)
                        await storeWeatherHours(warehouse, byRegion, {
                            tenants,
                            timeZone: opts.timeZone,
                            now,
                            source: status.source,
                        });
                    history = await loadWeatherHistory(warehouse, historyDays, opts.timeZone);
                }
                catch (err) {
                    status.warnings.push(`weather history: ${err.message}; the prior rain effect is used`);
                }
            }
            const learned = learnUplift(result.histories, history, learnOpts);
            for (const e of learned.effects) {
                const key = `${e.tenant}/${e.region}`;
                if (effectInUse.get(key) === e.effect)
                    continue;
                effectInUse.set(key, e.effect);
                log(`forecast: weather uplift ${key}: ${describeEffect(e)}`);
            }
            return learned;
        }
        /** The run queued behind the current one, not started yet: later callers share it instead of queueing more. */
        let waiting;
        const recompute = (now) => {
            if (waiting && now === undefined)
                return waiting;
            const next = queue.then(() => {
                if (waiting === next)
                    waiting = undefined;
                return run(now ?? Date.now());
            });
            if (now === undefined)
                waiting = next;
            queue = next.then(() => undefined, () => undefined);
            return next;
        };
        const tick = () => {
            if (stopped)
                return;
            recompute().catch((err) => log(`forecast: run failed: ${err.message}`));
        };
        if (opts.runAtStart ?? true)
            tick();
        const every = opts.everyMinutes ?? 15;
        const timer = every > 0 ? setInterval(tick, every * 60_000) : undefined;
        timer?.unref();
        return {
            name: 'forecast',
            recompute,
            get lastRun() {
                return lastRun;
            },
            handlers: [
                // Before the planner's table: its prefix /api/planner/ answers 404 for paths it does not know.
                rosterHandler({
                    warehouse,
                    store,
                    onSaved: () => void plans.refresh(),
                    timeZone: opts.timeZone,
                    access: roleGate(ctx.config),
                    onError: (err) => log(`planner roster: ${err.message}`),
                }),
                plannerHandler({
                    warehouse,
                    timeZone: opts.timeZone,
                    access: roleGate(ctx.config),
                    weather: () => lastRun?.weather,
                    chatOf: (queue, channel) => chatConcurrencyOf(opts.chat ?? DEFAULT_CHAT, queue, channel),
                    reforecast: (tenant, from, to) => (lastRun?.reforecast ?? [])
                        .filter((r) => r.tenant === tenant && r.interval_start >= from && r.interval_start < to)
                        .map((r) => ({
                        queue: r.queue,
                        channel: r.channel,
                        t: r.interval_start,
                        reforecast: r.reforecast,
                        lo: r.lo,
                        hi: r.hi,
                        required_agents: r.required_agents,
                        ratio: r.ratio,
                        generated_at: r.generated_at,
                    })),
                    // The run is the shared one the schedule makes every few minutes (runs queued behind it are shared, so
                    // callers cannot pile them up); the answer counts the caller's tenant only.
                    recompute: async (tenant) => (await recompute()).byTenant[tenant] ?? { series: 0, rows: 0 },
                    onError: (err) => log(`planner: ${err.message}`),
                }),
            ],
            health: async () => ({
                ok: true,
                detail: lastRun
                    ? {
                        last_run: new Date(lastRun.at).toISOString(),
                        series: lastRun.series,
                        rows: lastRun.rows,
                        ticket_series: lastRun.ticketSeries,
                        weather: lastRun.weather.signal,
                        weather_warnings: lastRun.weather.warnings.length,
                        weather_uplift: lastRun.uplift.map((e) => ({
                            ...e,
                            rain_per_10mm: Math.round(e.rain_per_10mm * 1000) / 1000,
                            text: describeEffect(e),
                        })),
                    }
                    : { last_run: null },
            }),
            async stop() {
                stopped = true;
                clearInterval(timer);
                await queue;
                await plans.stop();
            },
        };
    };
}
//# sourceMappingURL=service.js.map