import { forecastSeries } from './forecast.js';
import { firstDayOfWeek, weekBlocks } from './weekly-eval.js';
const DEFAULT_SEGMENTS = {
    voice: (s) => s.channel === 'voice',
    chat: (s) => s.channel !== 'voice',
};
class AhtTally {
    contacts = 0;
    apeSum = 0;
    absSeconds = 0;
    seconds = 0;
    absWork = 0;
    work = 0;
    add(p, forecast, arrivals) {
        const actual = p.seconds / p.contacts;
        this.contacts += p.contacts;
        this.apeSum += (p.contacts * Math.abs(actual - forecast)) / actual;
        this.absSeconds += p.contacts * Math.abs(actual - forecast);
        this.seconds += p.seconds;
        if (!arrivals)
            return;
        this.absWork += Math.abs(arrivals.forecast * forecast - arrivals.actual * actual);
        this.work += arrivals.actual * actual;
    }
}
const isoDay = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);
export function ahtEvaluation(series, opts) {
    const historyDays = opts.historyDays ?? 56;
    const blocks = weekBlocks(series.flatMap((s) => s.offered), { holdoutWeeks: opts.holdoutWeeks ?? 4, minTrainWeeks: opts.minTrainWeeks ?? 6 });
    const segments = {
        all: () => true,
        ...(opts.segments ?? DEFAULT_SEGMENTS),
    };
    const channels = [...new Set(series.map((s) => s.channel))];
    function block(weeks) {
        const tallies = new Map(opts.methods.map((m) => [m.name, new Map(Object.keys(segments).map((g) => [g, new AhtTally()]))]));
        for (const week of weeks) {
            const origin = firstDayOfWeek(week) * 1440;
            const from = origin - historyDays * 1440;
            const end = origin + 7 * 1440;
            const inWeek = (p) => p.t >= origin && p.t < end;
            const window = (points) => points.filter((p) => p.t >= from && p.t < origin);
            const arrivals = new Map(series.map((s) => [
                s,
                arrivalsOf(window(s.offered), s.handled.filter(inWeek).map((p) => p.t), opts.arrivalsMethod),
            ]));
            for (const channel of channels) {
                const queues = series.filter((s) => s.channel === channel);
                const history = queues.map((s) => window(s.handled));
                for (const method of opts.methods) {
                    const forecasts = method.fit(history, origin);
                    queues.forEach((s, i) => {
                        const actualOffered = new Map(s.offered.filter(inWeek).map((p) => [p.t, p.count]));
                        const forecastArrivals = arrivals.get(s);
                        for (const p of s.handled) {
                            if (!inWeek(p) || p.contacts === 0)
                                continue;
                            const f = forecasts[i](p.t);
                            const a = forecastArrivals && {
                                actual: actualOffered.get(p.t) ?? p.contacts,
                                forecast: forecastArrivals(p.t),
                            };
                            for (const [name, inSegment] of Object.entries(segments))
                                if (inSegment(s))
                                    tallies.get(method.name).get(name).add(p, f, a);
                        }
                    });
                }
            }
        }
        return [...tallies].flatMap(([method, bySegment]) => [...bySegment].map(([segment, t]) => ({
            method,
            segment,
            weeks: weeks.length,
            contacts: t.contacts,
            mape: t.apeSum / t.contacts,
            wape: t.absSeconds / t.seconds,
            workloadWape: t.absWork / t.work,
        })));
    }
    const first = (weeks) => (weeks.length ? isoDay(firstDayOfWeek(weeks[0])) : '');
    return {
        first: { tuning: first(blocks.tuning), holdout: first(blocks.holdout) },
        tuning: opts.only === 'holdout' ? [] : block(blocks.tuning),
        holdout: opts.only === 'tuning' ? [] : block(blocks.holdout),
    };
}
/** The week's arrivals forecast per interval start, or undefined when the series cannot be forecast yet. */
function arrivalsOf(history, targets, method = 'day_level') {
    if (!history.length || !targets.length)
        return undefined;
    try {
        const rows = forecastSeries(history, targets, { method, interval: 15 }).rows;
        const byT = new Map(rows.map((r) => [r.t, r.forecast]));
        return (t) => byT.get(t) ?? 0;
    }
    catch {
        return undefined;
    }
}
/** A markdown table per block. */
export function formatAhtEval(e) {
    const pct = (v) => (100 * v).toFixed(2);
    const table = (title, rows) => [
        title,
        '',
        '| method | series | contacts | AHT MAPE % | AHT WAPE % | workload WAPE % |',
        '| --- | --- | ---: | ---: | ---: | ---: |',
        ...rows.map((r) => `| ${r.method} | ${r.segment} | ${r.contacts} | ${pct(r.mape)} | ${pct(r.wape)} | ${pct(r.workloadWape)} |`),
    ];
    return [
        ...table(`Tuning block: ${e.tuning[0]?.weeks ?? 0} weekly origins from ${e.first.tuning}`, e.tuning),
        '',
        ...table(`Holdout block: ${e.holdout[0]?.weeks ?? 0} weekly origins from ${e.first.holdout}`, e.holdout),
    ].join('\n');
}
//# sourceMappingURL=aht-eval.js.map