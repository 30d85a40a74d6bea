import { BadRequest } from '../kits/http/index.js';
import { loadQuery } from '../warehouse/index.js';
import { periodRange } from './period.js';
import { FACT_PARAMS } from './rollups.js';
/** Metrics that are no count of interactions (agents' time, forecasts): nothing to list. */
export const NOT_PER_INTERACTION = [
    'occupancy',
    'not_ready_share',
    'logged_in_hours',
    'required_hours',
    'staffing_coverage',
];
export async function drillDown(wh, o, req) {
    if (NOT_PER_INTERACTION.includes(req.metric))
        throw new BadRequest('metric', `${req.metric} is measured on agents' time, not on interactions: nothing to list`);
    const range = req.day === undefined ? req.span.current : { first: req.day, last: req.day };
    const period = periodRange(range, o.timeZone);
    const rows = await wh.query(loadQuery('report_drill'), {
        tenant: req.tenant,
        from_ms: period.from_ms,
        to_ms: period.to_ms,
        metric: req.metric,
        channel: req.filters.channel ?? '',
        queue: req.filters.queue ?? '',
        team: req.filters.team ?? '',
        site: req.filters.site ?? '',
        agent: req.agent ?? '',
        repeat_days: o.repeatDays,
        sla_urgent_h: FACT_PARAMS.sla_urgent_h,
        sla_high_h: FACT_PARAMS.sla_high_h,
        sla_normal_h: FACT_PARAMS.sla_normal_h,
        sla_low_h: FACT_PARAMS.sla_low_h,
        sentiment_delta: FACT_PARAMS.sentiment_delta,
        limit: req.limit,
        offset: req.offset,
    });
    return {
        metric: req.metric,
        period: req.span.granularity,
        range: period,
        filters: req.filters,
        ...(req.agent !== undefined && { agent: req.agent }),
        total: rows.length ? Number(rows[0].total) : 0,
        limit: req.limit,
        offset: req.offset,
        rows: rows.map(({ total: _total, ...r }) => ({
            ...r,
            started: Number(r.started),
            handled_s: r.handled_s === null ? null : Math.round(Number(r.handled_s) * 10) / 10,
            qa_score: r.qa_score === null ? null : Math.round(Number(r.qa_score) * 10) / 10,
        })),
    };
}
//# sourceMappingURL=drill.js.map