import { toLocalMinutes } from '../kits/time/index.js';
/**
 * A queue counts as an agent's skill when at least this share of the contacts it handled were in that queue: one
 * transferred or overflowed contact does not make a skill.
 */
export const MIN_QUEUE_SHARE = 0.05;
/**
 * Agents needed per queue and 15-minute interval of the `days` local days from `firstDay` (local minutes of day 0's
 * midnight), rounded to hundredths; intervals outside them are left out.
 */
export function queueRequirements(rows, firstDay, days, timeZone) {
    const need = new Map();
    for (const r of rows) {
        const m = Math.floor((toLocalMinutes(Number(r.t), timeZone) - firstDay) / 15) * 15;
        if (m < 0 || m >= days * 1440)
            continue;
        const key = `${r.queue}\u0000${m}`;
        need.set(key, (need.get(key) ?? 0) + Number(r.required_agents));
    }
    return [...need]
        .map(([key, required]) => {
        const [skill, m] = key.split('\u0000');
        const minute = Number(m);
        return {
            day: Math.floor(minute / 1440),
            minute: minute % 1440,
            skill,
            required: Math.round(required * 100) / 100,
        };
    })
        .sort((a, b) => a.day - b.day || a.minute - b.minute || a.skill.localeCompare(b.skill));
}
/**
 * The agents to roster with their skills: each agent's queues among `queues` that hold at least MIN_QUEUE_SHARE of
 * its contacts there. An agent with none (seen only logging in, or generated) gets every queue: nothing says what it
 * cannot take.
 */
export function agentsWithSkills(ids, handled, queues) {
    const byAgent = new Map();
    for (const h of handled)
        byAgent.set(h.agent_id, [...(byAgent.get(h.agent_id) ?? []), h]);
    return ids.map((id) => {
        const own = (byAgent.get(id) ?? []).filter((h) => queues.includes(h.queue));
        const total = own.reduce((s, h) => s + Number(h.contacts), 0);
        const skills = own.filter((h) => Number(h.contacts) >= MIN_QUEUE_SHARE * total).map((h) => h.queue);
        return { id, skills: skills.length ? skills.sort() : [...queues] };
    });
}
//# sourceMappingURL=roster-input.js.map