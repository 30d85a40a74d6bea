/**
 * Additive counters: facts add into them and retracted facts subtract, so an
 * interaction re-derived after a late event simply swaps its old facts for new ones.
 */
import { ratio1 } from '../core/contracts/index.js';
/** The one rounding rule (core/contracts/rows.ts), here where the metrics are defined. */
export { ratio1 };
export const emptyCounters = () => ({
    offered: 0,
    answered: 0,
    answeredInSl: 0,
    abandoned: 0,
    abandonedShort: 0,
    transferred: 0,
    answerWaitMs: 0,
    handled: 0,
    talkMs: 0,
    holdMs: 0,
    wrapMs: 0,
    ticketsCreated: 0,
    ticketsResolved: 0,
    ticketsResolvedInSla: 0,
    ticketsResolvedLate: 0,
    npsPromoters: 0,
    npsDetractors: 0,
    npsResponses: 0,
    csatSatisfied: 0,
    csatResponses: 0,
});
/** target += sign × delta */
export function addInto(target, delta, sign = 1) {
    for (const k in delta) {
        const key = k;
        target[key] += sign * (delta[key] ?? 0);
    }
}
const pct = (num, den) => (den > 0 ? ratio1(100 * num, den) : null);
const avgSeconds = (ms, n) => (n > 0 ? ratio1(ms, n * 1000) : null);
/** The metric definitions, in one place (README: Live wallboard, Metric definitions). */
export function toWindowMetrics(c) {
    const closed = c.answered + c.abandoned;
    return {
        offered: c.offered,
        answered: c.answered,
        answered_in_sl: c.answeredInSl,
        abandoned: c.abandoned,
        abandoned_short: c.abandonedShort,
        transferred: c.transferred,
        handled: c.handled,
        sl_pct: pct(c.answeredInSl, closed),
        abandon_pct: pct(c.abandoned, closed),
        asa_s: avgSeconds(c.answerWaitMs, c.answered),
        aht_s: avgSeconds(c.talkMs + c.holdMs + c.wrapMs, c.handled),
        avg_talk_s: avgSeconds(c.talkMs, c.handled),
        avg_hold_s: avgSeconds(c.holdMs, c.handled),
        avg_wrap_s: avgSeconds(c.wrapMs, c.handled),
        tickets_created: c.ticketsCreated,
        tickets_resolved: c.ticketsResolved,
        tickets_resolved_in_sla: c.ticketsResolvedInSla,
        tickets_resolved_late: c.ticketsResolvedLate,
        ticket_sl_pct: pct(c.ticketsResolvedInSla, c.ticketsResolvedInSla + c.ticketsResolvedLate),
        nps: c.npsResponses > 0 ? ratio1(100 * (c.npsPromoters - c.npsDetractors), c.npsResponses) : null,
        nps_responses: c.npsResponses,
        csat_pct: pct(c.csatSatisfied, c.csatResponses),
        csat_responses: c.csatResponses,
    };
}
/** SL % of one interval, for the series. */
export const slPct = (c) => pct(c.answeredInSl, c.answered + c.abandoned);
//# sourceMappingURL=counters.js.map