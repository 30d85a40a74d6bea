/**
 * Weeks of plain voice history as warehouse rows, for the service tests: every
 * open interval (08:00-20:00 local) gets a known number of answered calls, so
 * the forecast has an exact pattern to find; plus agents logged in today, and
 * tickets created round the clock.
 */
import { fromLocalMinutes } from '../../kits/time/index.js';
export function historyEvents(o) {
    const rows = [];
    const talkS = o.talkS ?? 180;
    for (let d = 0; d < o.days; d++) {
        for (let m = 8 * 60; m < 20 * 60; m += 15) {
            const start = fromLocalMinutes(o.firstDay + d * 1440 + m, o.timeZone);
            const n = o.calls(m);
            const talk = (typeof talkS === 'number' ? talkS : talkS(m)) * 1000;
            for (let k = 0; k < n; k++) {
                const id = `h-${o.queue}-${d}-${m}-${k}`;
                const t0 = start + Math.floor(((k + 0.5) * 900_000) / n);
                const ev = (type, ts, extra = {}) => rows.push({
                    event_id: `${id}-${type}`,
                    tenant: o.tenant,
                    ts,
                    received_at: ts,
                    v: 1,
                    channel: 'voice',
                    type,
                    interaction_id: id,
                    queue: o.queue,
                    payload: '{}',
                    ...extra,
                });
                ev('voice.offered', t0);
                ev('voice.queued', t0 + 1000);
                ev('voice.answered', t0 + 6000, { agent_id: 'A1' });
                ev('voice.ended', t0 + 6000 + talk, { payload: '{"ended_by":"customer"}' });
            }
        }
    }
    return rows;
}
/** `agents` agents logged in from `fromMin` to `toMin` (local minutes) today. */
export function loginEvents(tenant, timeZone, agents, fromMin, toMin) {
    return Array.from({ length: agents }, (_, i) => [
        {
            event_id: `login-${i}`,
            tenant,
            ts: fromLocalMinutes(fromMin, timeZone),
            received_at: fromLocalMinutes(fromMin, timeZone),
            v: 1,
            channel: 'voice',
            type: 'agent.login',
            agent_id: `P${i}`,
            payload: '{}',
        },
        {
            event_id: `logout-${i}`,
            tenant,
            ts: fromLocalMinutes(toMin, timeZone),
            received_at: fromLocalMinutes(toMin, timeZone),
            v: 1,
            channel: 'voice',
            type: 'agent.logout',
            agent_id: `P${i}`,
            payload: '{}',
        },
    ]).flat();
}
/** `ticket.created` events round the clock, a known number each hour. */
export function ticketEvents(o) {
    const rows = [];
    for (let d = 0; d < o.days; d++)
        for (let h = 0; h < 24; h++) {
            const start = fromLocalMinutes(o.firstDay + d * 1440 + h * 60, o.timeZone);
            const n = o.perHour(h);
            for (let k = 0; k < n; k++) {
                const ts = start + Math.floor(((k + 0.5) * 3_600_000) / n);
                rows.push({
                    event_id: `tkt-${o.queue}-${o.channel}-${d}-${h}-${k}`,
                    tenant: o.tenant,
                    ts,
                    received_at: ts,
                    v: 1,
                    channel: o.channel,
                    type: 'ticket.created',
                    interaction_id: `tkt-${o.queue}-${o.channel}-${d}-${h}-${k}`,
                    queue: o.queue,
                    payload: '{"subject":"order","priority":"normal"}',
                });
            }
        }
    return rows;
}
//# sourceMappingURL=history-events.js.map