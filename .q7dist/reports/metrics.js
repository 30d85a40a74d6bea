/**
 * The report metrics from the rollup's sums (README "Reports" defines each; sql/queries/report_facts.sql counts the
 * sums). Pure: the same sums give the same values whether they came from rollups or from raw events.
 */
import { REPORT_METRICS } from '../core/contracts/index.js';
const HOUR_MS = 3_600_000;
/** num / den, or null when there is nothing to divide by. */
const ratio = (num, den, scale = 1) => (den > 0 ? (scale * num) / den : null);
/**
 * Every metric of one group of sums. `legs`: count every queue leg of a transferred call (a report narrowed to a
 * queue, team or site, or broken down by one), else each contact once by its first leg (the wall's rule).
 */
export function metricValues(s, legs) {
    const v = (name) => s[name] ?? 0;
    const pick = (name) => v(legs ? `${name}_legs` : name);
    const answered = pick('answered');
    const closed = answered + pick('abandoned');
    const handled = v('handled');
    const handleMs = v('talk_ms') + v('hold_ms') + v('wrap_ms');
    const available = v('ready_ms') + v('wrap_state_ms');
    const values = {
        offered: pick('offered'),
        handled,
        service_level: ratio(pick('answered_in_sl'), closed, 100),
        asa: ratio(pick('wait_ms'), answered, 1 / 1000),
        abandon_rate: ratio(pick('abandoned'), closed, 100),
        aht: ratio(handleMs, handled, 1 / 1000),
        talk_time: ratio(v('talk_ms'), handled, 1 / 1000),
        hold_time: ratio(v('hold_ms'), handled, 1 / 1000),
        wrap_time: ratio(v('wrap_ms'), handled, 1 / 1000),
        transfers_per_contact: ratio(v('transfers'), answered),
        fcr: ratio(v('fcr_resolved'), v('fcr_eligible'), 100),
        repeat_contact_rate: ratio(v('repeat_contacts'), v('contacts'), 100),
        channel_switch_rate: ratio(v('switched'), v('fcr_eligible'), 100),
        service_time_per_customer: ratio(v('served_ms'), s.customers, 1 / 1000),
        tickets_created: v('tickets_created'),
        ticket_backlog: v('backlog'),
        ticket_first_response: ratio(v('first_response_ms'), v('first_responses'), 1 / HOUR_MS),
        ticket_resolution_time: ratio(v('resolution_ms'), v('resolutions'), 1 / HOUR_MS),
        ticket_reopen_rate: ratio(v('reopens'), v('resolutions'), 100),
        sla_breaches: SLA_PRIORITIES.reduce((sum, p) => sum + v(`sla_breaches_${p}`), 0),
        nps: ratio(v('nps_promoters') - v('nps_detractors'), v('nps_responses'), 100),
        csat: ratio(v('csat_satisfied'), v('csat_responses'), 100),
        five_star_rate: ratio(v('csat_five'), v('csat_responses'), 100),
        csat_predicted: ratio(v('csat_predicted_satisfied'), v('csat_predicted_n'), 100),
        qa_score: ratio(v('qa_score_sum'), v('qa_scored')),
        qa_flagged_rate: ratio(v('qa_flagged'), v('qa_scored'), 100),
        sentiment_improved: ratio(v('sentiment_improved'), v('sentiment_n'), 100),
        sentiment_worsened: ratio(v('sentiment_worsened'), v('sentiment_n'), 100),
        bot_containment: ratio(v('bot_contained'), v('bot_sessions'), 100),
        // Busy time is contacts merged where they overlap; it can spill past a ready state into a break (a call that
        // outlasts the agent's switch to not-ready), hence the cap.
        occupancy: available > 0 ? Math.min(100, (100 * (v('busy_ms') + v('wrap_state_ms'))) / available) : null,
        not_ready_share: ratio(v('not_ready_ms'), v('logged_in_ms'), 100),
        logged_in_hours: v('logged_in_ms') / HOUR_MS,
        required_hours: v('required_ms') / HOUR_MS,
        staffing_coverage: ratio(v('logged_in_ms'), v('required_ms'), 100),
        contacts_per_agent_day: ratio(handled, v('agent_days')),
    };
    for (const id of Object.keys(values))
        values[id] = rounded(id, values[id]);
    return values;
}
/** Ticket priorities, most urgent first (ticket.created's payload.priority). */
export const SLA_PRIORITIES = ['urgent', 'high', 'normal', 'low'];
/** Counts stay whole; hours and ratios keep 2 decimals, the rest 1 (as the wall shows them). */
export function rounded(id, value) {
    if (value === null)
        return null;
    const unit = REPORT_METRICS[id].unit;
    const places = unit === 'count' ? 0 : unit === 'hours' || unit === 'ratio' ? 2 : 1;
    const f = 10 ** places;
    return Math.round(value * f) / f;
}
//# sourceMappingURL=metrics.js.map