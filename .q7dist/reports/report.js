/**
 * One report (ReportAnswer) from the daily rollup: the current builds of the span's days (built first where stale),
 * summed by report_summary.sql and report_top.sql, turned into metric values (metrics.ts).
 *
 * `source: 'raw'` computes the same rows from raw events in one pass over the whole span instead, stored under a
 * scratch build that no reader sees and dropped after: the rollup cross-check compares the two, and the benchmark
 * times both.
 */
import { REPORT_METRIC_IDS, REPORT_METRICS, SCORECARD_METRICS, TOP_ITEM_KINDS, } from '../core/contracts/index.js';
import { loadQuery } from '../warehouse/index.js';
import { metricValues, rounded, SLA_PRIORITIES } from './metrics.js';
import { isoDate, localDay, periodRange } from './period.js';
const EMPTY = { customers: 0 };
/** Top items shown per kind. */
const TOP_PER_KIND = 10;
export async function buildReport(wh, rollups, req) {
    const { span, tenant, filters } = req;
    const whole = { first: span.previous.first, last: span.current.last };
    const read = (builds) => readSums(wh, rollups.timeZone, req, builds);
    const generatedAt = Date.now();
    const { summary, top } = req.source === 'raw'
        ? await rollups.scratch(tenant, whole, (id) => read([id]))
        : await read([...(await rollups.refresh(tenant, whole, req.maxAgeMs)).values()]);
    return {
        tenant,
        time_zone: rollups.timeZone,
        period: span.granularity,
        range: periodRange(span.current, rollups.timeZone),
        previous_range: periodRange(span.previous, rollups.timeZone),
        points_are: span.pointsAre,
        filters,
        repeat_window_days: rollups.repeatDays,
        source: req.source ?? 'rollup',
        generated_at: generatedAt,
        ...assemble(span, filters, summary, top, rollups.repeatDays, localDay(generatedAt, rollups.timeZone)),
    };
}
async function readSums(wh, timeZone, req, builds) {
    const { span, filters } = req;
    const params = {
        tenant: req.tenant,
        tz: timeZone,
        from: isoDate(span.previous.first),
        to: isoDate(span.current.last),
        current_from: isoDate(span.current.first),
        granularity: span.pointsAre,
        builds,
        channel: filters.channel ?? '',
        queue: filters.queue ?? '',
        team: filters.team ?? '',
        site: filters.site ?? '',
    };
    const [summary, top] = await Promise.all([
        wh.query(loadQuery('report_summary'), params),
        wh.query(loadQuery('report_top'), params),
    ]);
    return { summary, top };
}
const sumsOf = (r) => {
    const out = { customers: Number(r.customers) };
    r.names.forEach((n, i) => (out[n] = Number(r.sums[i])));
    return out;
};
/** Everything of the answer that the sums decide. */
function assemble(span, filters, summary, top, repeatDays, today) {
    const groups = new Map();
    for (const r of summary)
        groups.set(`${r.grouping_set}|${r.period}|${r.key}`, sumsOf(r));
    const sums = (grouping, period, key = '') => groups.get(`${grouping}|${period}|${key}`) ?? EMPTY;
    const legs = Boolean(filters.queue || filters.team || filters.site);
    // The backlog is a count at a day's end: a range's is its last day's.
    const backlogAt = (period, day) => sums('day', period, isoDate(day)).backlog ?? 0;
    const valuesOf = (s, period, lastDay) => ({
        ...metricValues(s, legs),
        ticket_backlog: backlogAt(period, lastDay),
    });
    const current = valuesOf(sums('period', 'current'), 'current', span.current.last);
    const previous = valuesOf(sums('period', 'previous'), 'previous', span.previous.last);
    const seriesOf = (period, points) => points.map((b) => valuesOf(sums(span.pointsAre === 'daily' ? 'day' : 'bucket', period, isoDate(b.first)), period, b.last));
    const series = seriesOf('current', span.points);
    const previousSeries = seriesOf('previous', span.previousPoints);
    const points = (list, buckets, id) => list.map((v, i) => ({ date: isoDate(buckets[i].first), value: v[id] }));
    const provisional = span.current.last > today - repeatDays;
    const metrics = REPORT_METRIC_IDS.map((id) => {
        const metric = {
            id,
            value: current[id],
            previous: previous[id],
            ...changeOf(id, current[id], previous[id]),
            unit: unitOf(id),
            series: points(series, span.points, id),
            previous_series: points(previousSeries, span.previousPoints, id),
        };
        if (id === 'offered')
            metric.breakdowns = dimensionBreakdowns(summary, sums);
        if (id === 'sla_breaches')
            metric.breakdowns = [priorityBreakdown(sums('period', 'current'), sums('period', 'previous'))];
        if ((id === 'fcr' || id === 'channel_switch_rate') && provisional)
            metric.provisional = true;
        return metric;
    });
    return {
        metrics,
        agents: scorecards(summary, 'agent', sums, legs),
        teams: scorecards(summary, 'team', sums, legs),
        top: topItems(top, span, sums('period', 'current').qa_scored ?? 0),
    };
}
function changeOf(id, value, previous) {
    if (value === null || previous === null)
        return { change: null, change_pct: null };
    return {
        change: rounded(id, value - previous),
        change_pct: previous === 0 ? null : Math.round((1000 * (value - previous)) / Math.abs(previous)) / 10,
    };
}
const unitOf = (id) => REPORT_METRICS[id].unit;
/** Contacts offered by channel (each contact once), and by queue, team and site (every leg). */
function dimensionBreakdowns(summary, sums) {
    return ['channel', 'queue', 'team', 'site'].map((by) => {
        const keys = [...new Set(summary.filter((r) => r.grouping_set === by).map((r) => r.key))];
        const legs = by !== 'channel';
        const rows = keys.map((key) => ({
            key,
            value: metricValues(sums(by, 'current', key), legs).offered,
            previous: metricValues(sums(by, 'previous', key), legs).offered,
        }));
        return { by, rows: rows.sort((a, b) => (b.value ?? 0) - (a.value ?? 0)) };
    });
}
function priorityBreakdown(current, previous) {
    return {
        by: 'priority',
        rows: SLA_PRIORITIES.map((p) => ({
            key: p,
            value: current[`sla_breaches_${p}`] ?? 0,
            previous: previous[`sla_breaches_${p}`] ?? 0,
        })),
    };
}
function scorecards(summary, kind, sums, legs) {
    const pick = (v) => Object.fromEntries(SCORECARD_METRICS.map((m) => [m, v[m]]));
    const rows = summary.filter((r) => r.grouping_set === kind && r.period === 'current');
    return rows
        .map((r) => {
        const s = sums(kind, 'current', r.key);
        return {
            kind,
            key: r.key,
            ...(kind === 'agent' && { team: r.agent_team, site: r.agent_site }),
            values: pick(metricValues(s, legs)),
            previous: pick(metricValues(sums(kind, 'previous', r.key), legs)),
        };
    })
        .filter((r) => (r.values.handled ?? 0) > 0 || sums(kind, 'current', r.key).logged_in_ms > 0)
        .sort((a, b) => (b.values.handled ?? 0) - (a.values.handled ?? 0) || a.key.localeCompare(b.key));
}
function topItems(rows, span, qaScored) {
    const out = [];
    for (const kind of TOP_ITEM_KINDS) {
        const mine = rows.filter((r) => r.kind === kind);
        const total = mine.filter((r) => r.period === 'current').reduce((s, r) => s + Number(r.contacts), 0);
        const counts = new Map();
        for (const r of mine) {
            const c = counts.get(r.value) ?? { count: 0, previous: 0, byBucket: new Map() };
            const n = Number(r.contacts);
            if (r.period === 'previous')
                c.previous += n;
            else {
                c.count += n;
                const day = Date.parse(`${r.date}T00:00:00Z`) / 86_400_000;
                const b = span.points.findIndex((x) => day >= x.first && day <= x.last);
                c.byBucket.set(b, (c.byBucket.get(b) ?? 0) + n);
            }
            counts.set(r.value, c);
        }
        // Reasons: share of contacts with a reason; facts: share of QA-scored contacts.
        const base = kind === 'reason' ? total : qaScored;
        const items = [...counts]
            .filter(([, c]) => c.count > 0)
            .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
            .slice(0, TOP_PER_KIND);
        for (const [value, c] of items)
            out.push({
                kind,
                value,
                count: c.count,
                previous: c.previous,
                change: c.count - c.previous,
                share: base > 0 ? Math.round((1000 * c.count) / base) / 10 : null,
                series: span.points.map((b, i) => ({ date: isoDate(b.first), value: c.byBucket.get(i) ?? 0 })),
            });
    }
    return out;
}
//# sourceMappingURL=report.js.map