/**
 * Shift rosters and adherence: what `buildRoster` (roster/) gives back, which is also the planner API's JSON
 * (POST/GET/PUT /api/planner/roster, GET /api/planner/roster/adherence, served by forecast/roster-api.ts), and the
 * one pure function both sides use to recount coverage after a shift is moved or removed. Times of day are minutes
 * from local midnight; days are 0-based from the roster's first day.
 */
import { splitAmongSkills } from './skill-split.js';
/**
 * Coverage recounted from the agents' shifts: the agents on duty (in a shift, not on a break) in each interval, per
 * skill. With skill `*` (requirements that name no skills) every agent counts; per skill, each agent counts toward
 * one of the roster's skills it has, split to cover as much of the requirement as possible (`splitAmongSkills`).
 * Totals of under- and overstaffing follow, priced at `costs`. Pure; the page runs it after an edit and the server
 * when it stores one.
 */
export function recountCoverage(roster, agents, costs) {
    const I = roster.intervalMinutes;
    const perDay = 1440 / I;
    const T = roster.days * perDay;
    const anySkill = roster.skills.length === 1 && roster.skills[0] === '*';
    const skillIndex = new Map(roster.skills.map((k, i) => [k, i]));
    // Agents on duty per interval, grouped by the roster skills they have.
    const onDuty = Array.from({ length: T }, () => new Map());
    for (const a of agents) {
        const skills = anySkill ? [0] : [...new Set(a.skills.flatMap((k) => skillIndex.get(k) ?? []))].sort((x, y) => x - y);
        const key = skills.join(',');
        for (const s of a.shifts)
            for (let m = s.start; m < s.end; m += I) {
                if (s.breaks.some((b) => m >= b.start && m < b.end))
                    continue;
                const t = s.day * perDay + Math.floor(m / I);
                if (t < 0 || t >= T)
                    continue;
                const group = onDuty[t].get(key) ?? { skills, agents: 0 };
                group.agents++;
                onDuty[t].set(key, group);
            }
    }
    const required = Array.from({ length: T }, () => new Float64Array(roster.skills.length));
    for (const c of roster.coverage)
        required[c.day * perDay + c.minute / I][skillIndex.get(c.skill) ?? 0] = c.required;
    const scheduledAt = onDuty.map((groups, t) => splitAmongSkills([...groups.values()], [...required[t]]));
    const h = I / 60;
    let under = 0;
    let over = 0;
    const coverage = roster.coverage.map((c) => {
        const scheduled = Math.round((scheduledAt[c.day * perDay + c.minute / I]?.[skillIndex.get(c.skill) ?? 0] ?? 0) * 1000) / 1000;
        const row = {
            ...c,
            scheduled,
            under: Math.max(0, c.required - scheduled),
            over: Math.max(0, scheduled - c.required),
        };
        under += row.under * h;
        over += row.over * h;
        return row;
    });
    const shifts = agents.reduce((n, a) => n + a.shifts.length, 0);
    const paidHours = agents.reduce((n, a) => n + a.shifts.reduce((m, s) => m + s.paidHours, 0), 0);
    const r2 = (v) => Math.round(v * 100) / 100;
    const totals = {
        ...roster.totals,
        shifts,
        paidHours: r2(paidHours),
        understaffedHours: r2(under),
        overstaffedHours: r2(over),
        understaffedCost: r2(under * costs.understaffed),
        overstaffedCost: r2(over * costs.overstaffed),
    };
    totals.total = r2(totals.understaffedCost + totals.overstaffedCost + totals.shiftCost);
    const withHours = agents.map((a) => ({ ...a, paidHours: r2(a.shifts.reduce((m, s) => m + s.paidHours, 0)) }));
    return { ...roster, agents: withHours, coverage, totals };
}
//# sourceMappingURL=roster.js.map