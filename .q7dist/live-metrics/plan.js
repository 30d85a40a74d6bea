/**
 * The wall's plan in the snapshot: today's forecast and re-forecast as the forecast service published them, and
 * schedule adherence at `now`: each agent's shifts today against its live timeline. Adherence is counted as the
 * planner counts it (roster/adherence.ts): minutes in the scheduled state during the shift (breaks included) over the
 * shift's minutes so far, with working = ready, on a contact or in wrap-up, a break = not ready, off = logged out.
 * It needs the engine to keep the whole day's agent events (retentionMs of a day or more, as `mofang start` runs it);
 * with less, the day's first hours count from the state the agent had when its history was cut.
 */
import { adherenceOf } from '../roster/index.js';
import { groupAdherence, } from '../core/contracts/index.js';
import { spanAt } from './agent.js';
const WORK_STATE = {
    ready: 'work',
    on_contact: 'work',
    wrap_up: 'work',
    not_ready: 'break',
    offline: 'off',
};
/** The agent event that puts an agent in each state, as adherenceOf reads them. */
const EVENT_OF = { work: 'agent.ready', break: 'agent.not_ready', off: 'agent.logout' };
const MINUTE = 60_000;
/** One agent's adherence at `now`: its shifts touching today (`dayStart` its midnight) against its timeline. */
export function agentAdherenceNow(agentId, shifts, timeline, dayStart, now) {
    const minute = (ms) => (ms - dayStart) / MINUTE;
    const day = shifts.map((s) => ({
        start: minute(s.start),
        end: minute(s.end),
        breaks: s.breaks.map((b) => ({ start: minute(b.start), end: minute(b.end) })),
    }));
    const events = timeline.map((s) => ({ minute: minute(s.start), type: EVENT_OF[WORK_STATE[s.state]] }));
    // One interval for the whole day: only the totals are wanted.
    const so = adherenceOf(agentId, day, events, { intervalMinutes: 1440, untilMinute: minute(now) });
    const shift = shifts.find((s) => now >= s.start && now < s.end);
    const span = spanAt(timeline, now);
    return {
        agent_id: agentId,
        scheduled: !shift ? 'off' : shift.breaks.some((b) => now >= b.start && now < b.end) ? 'break' : 'work',
        actual: span ? WORK_STATE[span.state] : 'off',
        scheduled_min: so.scheduled_min,
        adherent_min: so.adherent_min,
        adherence: so.adherence,
    };
}
/**
 * The plan section of a snapshot: every agent with a shift today or on the board (`onBoard`), and the figures for
 * all of them, per team and per site.
 */
export function snapshotPlan(t, plan, now, dayStart, onBoard, timelineOf) {
    const shiftsOf = new Map();
    for (const s of plan.shifts)
        shiftsOf.set(s.agent_id, [...(shiftsOf.get(s.agent_id) ?? []), s]);
    const agents = {};
    const teams = new Map();
    const sites = new Map();
    const add = (groups, key, a) => {
        if (key !== undefined)
            groups.set(key, [...(groups.get(key) ?? []), a]);
    };
    for (const id of new Set([...shiftsOf.keys(), ...onBoard])) {
        const state = t.agents.get(id);
        const a = agentAdherenceNow(id, shiftsOf.get(id) ?? [], state ? timelineOf(state) : [], dayStart, now);
        agents[id] = a;
        add(teams, state?.team, a);
        add(sites, state?.site, a);
    }
    const figures = (groups) => Object.fromEntries([...groups].map(([k, list]) => [k, groupAdherence(list)]));
    return {
        generated_at: plan.generated_at,
        roster_week: plan.roster_week,
        series: plan.series,
        agents,
        total: groupAdherence(Object.values(agents)),
        teams: figures(teams),
        sites: figures(sites),
    };
}
//# sourceMappingURL=plan.js.map