/**
 * Report speed: loads about --events simulated events (default 10 million) into an embedded chDB warehouse, two
 * tenants over the same days, "big" (600 contacts/h at the peak, 60 agents) and "small" (150/h, 20 agents: about a
 * quarter of the events), builds the daily rollups, then times reports from the rollups and from raw events:
 *   - a monthly report (a month against the month before): the target is ≤ 500 ms from rollups;
 *   - reports over 1, 7, 31 days and 13 months, for both tenants: a report's cost should follow the days it covers
 *     (rollup rows), not the events behind them (raw).
 * Run with `npm run bench:reports [-- --events N] [-- --dir D] [-- --runs R]`; --dir keeps the data for a rerun.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, Rollups, spanOf } from '../reports/index.js';
import { Simulation } from '../simulator/index.js';
import { eventRows, insertEventRows, migrate, openWarehouse } from '../warehouse/index.js';
import { helpOnRequest } from './bench-util.js';
helpOnRequest('Usage: npm run bench:reports [-- --events N] [-- --dir D] [-- --runs R]\n\n' +
    'Loads about N simulated events (default 10000000) into embedded chDB, builds the daily rollups, and times\n' +
    'reports from rollups and from raw events (ms). --dir keeps the warehouse for another run.');
const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
};
const target = Number(arg('events') ?? 10_000_000);
const runs = Number(arg('runs') ?? 5);
const keep = arg('dir');
const dir = keep ?? mkdtempSync(join(tmpdir(), 'mofang-bench-reports-'));
const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;
/** A Monday, local midnight: the data's first day. */
const START = Date.parse('2026-03-02T00:00:00+08:00');
const dayNumber = (ms) => Math.floor((ms + 8 * 3_600_000) / DAY);
const TENANTS = [
    { tenant: 'big', ratePerHour: 600, agents: 60 },
    { tenant: 'small', ratePerHour: 150, agents: 20 },
];
/** Simulates both tenants day by day, each event with its simulated customer's id, until `target` events. */
async function load(wh) {
    const sims = TENANTS.map((t) => ({
        ...t,
        sim: new Simulation({ seed: 16, start: START, ...t }),
        owner: new Map(),
        /** Customers already in `owner` (the simulator only appends, and a person's identities never change). */
        known: 0,
    }));
    const events = {};
    let total = 0;
    let days = 0;
    const started = performance.now();
    while (total < target) {
        days++;
        for (const s of sims) {
            const batch = s.sim.advanceTo(START + days * DAY);
            const customers = s.sim.truth().customers;
            for (const c of customers.slice(s.known))
                for (const [kind, value] of Object.entries(c.identities))
                    if (value)
                        s.owner.set(`${kind}:${value}`, c.key);
            s.known = customers.length;
            const stored = batch.map((e, i) => {
                const id = Object.entries(e.customer ?? {}).find(([k, v]) => s.owner.has(`${k}:${v}`));
                return {
                    ...e,
                    v: 1,
                    event_id: `${s.tenant}-${days}-${i}`,
                    received_at: e.ts,
                    customer_id: id ? s.owner.get(`${id[0]}:${id[1]}`) : '',
                    payload: e.payload ?? {},
                };
            });
            for (let i = 0; i < stored.length; i += 50_000)
                await insertEventRows(wh, [eventRows(stored.slice(i, i + 50_000))]);
            events[s.tenant] = (events[s.tenant] ?? 0) + stored.length;
            total += stored.length;
        }
        process.stdout.write(`\rloading: day ${days}, ${total.toLocaleString('en-US')} events`);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`\nloaded ${total.toLocaleString('en-US')} events over ${days} days in ${seconds.toFixed(0)} s`);
    return { days, events };
}
async function timeMs(fn, n) {
    const all = [];
    for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await fn();
        all.push(performance.now() - t0);
    }
    const sorted = [...all].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], all };
}
const wh = await openWarehouse({ chdbPath: join(dir, 'clickhouse') });
try {
    await migrate(wh);
    const [{ n }] = await wh.query('SELECT count() AS n FROM events');
    const loaded = Number(n) >= target ? undefined : await load(wh);
    const [{ first_ms, last_ms }] = await wh.query("SELECT toUnixTimestamp64Milli(min(ts)) AS first_ms, toUnixTimestamp64Milli(max(ts)) AS last_ms FROM events WHERE tenant = 'big'");
    const first = dayNumber(Number(first_ms));
    const last = dayNumber(Number(last_ms)) - 3; // drained contacts and tickets run a few days past the last day
    const today = dayNumber(Date.now());
    const counts = await wh.query('SELECT tenant, count() AS n FROM events GROUP BY tenant');
    console.log(`events: ${counts.map((c) => `${c.tenant} ${Number(c.n).toLocaleString('en-US')}`).join(', ')}`);
    if (loaded)
        console.log(`(${loaded.days} days simulated)`);
    const rollups = new Rollups(wh, { timeZone: TZ, repeatDays: 7 });
    for (const { tenant } of TENANTS) {
        const t0 = performance.now();
        await rollups.refresh(tenant, { first, last }, 0);
        const s = (performance.now() - t0) / 1000;
        const [r] = await wh.query('SELECT count() AS rows FROM report_daily WHERE tenant = {tenant:String}', { tenant });
        console.log(`rollups of ${tenant}: ${last - first + 1} days built in ${s.toFixed(1)} s ` +
            `(${((1000 * s) / (last - first + 1)).toFixed(0)} ms a day), ${Number(r.rows).toLocaleString('en-US')} rows`);
    }
    // The last whole month of the data, against the month before.
    const lastMonth = (() => {
        const d = new Date(last * DAY);
        const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY;
        return last === Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY - 1 ? monthStart : monthStart - 1;
    })();
    const spans = [
        ['daily (1 day vs 1)', spanOf('daily', today, { day: lastMonth })],
        ['weekly (7 days vs 7)', spanOf('weekly', today, { day: lastMonth })],
        ['monthly (a month vs the one before)', spanOf('monthly', today, { day: lastMonth })],
        ['13 months, monthly points (vs 13 before)', spanOf('monthly', today, { first: lastMonth - 380, last: lastMonth })],
    ];
    console.log(`\nreports (median of ${runs} runs, ms; raw: one run):`);
    for (const [label, span] of spans)
        for (const { tenant } of TENANTS) {
            const req = { tenant, span, filters: {} };
            await buildReport(wh, rollups, req); // builds what a first report would (nothing: all built above)
            const fromRollups = await timeMs(() => buildReport(wh, rollups, req), runs);
            const days = span.previous.first <= span.current.last ? span.current.last - span.previous.first + 1 : 0;
            let raw = 'skipped';
            if (days <= 62) {
                const r = await timeMs(() => buildReport(wh, rollups, { ...req, source: 'raw' }), 1);
                raw = `${r.median.toFixed(0)} ms`;
            }
            console.log(`  ${label.padEnd(42)} ${tenant.padEnd(6)} rollups ${fromRollups.median.toFixed(0).padStart(5)} ms ` +
                `(${fromRollups.all.map((x) => x.toFixed(0)).join(', ')}); raw ${raw}`);
        }
}
finally {
    await wh.close();
    if (!keep)
        rmSync(dir, { recursive: true, force: true });
}
//# sourceMappingURL=bench-reports.js.map