/**
 * A synthetic but realistic week to roster: a contact centre open 07:00–23:00 with morning and evening peaks
 * (weekends lighter), voice and chat queues, full-timers on 9-hour shifts with two breaks and an unpaid lunch,
 * part-timers on 4-hour shifts, some agents who cannot work weekends or evenings. Deterministic for a given size;
 * used by `npm run bench:schedule` and the tests.
 */
import { Random } from '../kits/sim/index.js';
import { plannerRules } from './planner-rules.js';
/** Agents needed at minute `m` of a day with weekday `w` (0 = Monday), per 100 agents on the payroll. */
function profile(m, w) {
    if (m < 7 * 60 || m >= 23 * 60)
        return 0;
    const h = m / 60;
    const peak = (c, width) => Math.exp(-(((h - c) / width) ** 2));
    const weekday = w < 5 ? 1 : 0.65;
    return weekday * (14 + 30 * peak(10.5, 2) + 26 * peak(15, 2.2) + 12 * peak(20, 1.6));
}
export function syntheticWeek(opts) {
    const n = opts.agents;
    const load = opts.load ?? 1;
    const skills = opts.skills ?? true;
    const requirements = [];
    for (let d = 0; d < 7; d++) {
        for (let m = 0; m < 1440; m += 15) {
            const total = (profile(m, d) * n * load) / 100;
            if (total <= 0)
                continue;
            if (!skills)
                requirements.push({ day: d, minute: m, required: Math.round(total) });
            else {
                requirements.push({ day: d, minute: m, skill: 'voice', required: Math.round(total * 0.7) });
                requirements.push({ day: d, minute: m, skill: 'chat', required: Math.round(total * 0.3) });
            }
        }
    }
    const agents = [];
    for (let i = 0; i < n; i++) {
        const id = `a${String(i + 1).padStart(3, '0')}`;
        const partTime = i % 5 === 4;
        const agent = { id };
        if (skills)
            agent.skills = i % 10 < 6 ? ['voice'] : i % 10 < 8 ? ['chat'] : ['voice', 'chat'];
        if (partTime)
            Object.assign(agent, { shifts: ['part'], minHours: 12, maxHours: 24 });
        else
            agent.shifts = ['full'];
        if (i % 13 === 3)
            agent.unavailable = ['sat-sun'];
        if (i % 17 === 5)
            agent.unavailable = ['18:00-24:00'];
        if (i % 23 === 7)
            agent.unavailable = ['wed', 'fri 12:00-24:00'];
        agents.push(agent);
    }
    return {
        requirements,
        agents,
        rules: {
            intervalMinutes: 15,
            shifts: [
                { name: 'full', starts: { from: '07:00', to: '14:00', every: 30 }, length: '9h' },
                { name: 'part', starts: { from: '07:00', to: '19:00', every: 60 }, length: '4h' },
            ],
            breaks: [
                { name: 'break', length: '15m', earliest: '1h30m', latest: '2h30m' },
                { name: 'lunch', length: '1h', earliest: '3h30m', latest: '5h', minShiftHours: 6, paid: false },
                { name: 'break', length: '15m', earliest: '6h', latest: '7h30m', minShiftHours: 8 },
            ],
            daysOff: { count: 2, consecutive: true },
            hours: { min: 32, max: 40 },
            minRestHours: 11,
            costs: { understaffed: 10, overstaffed: 1, perPaidHour: 0.1 },
        },
    };
}
/** Queues of the per-queue week and their shares of the requirement (VIP needs one agent all day). */
const QUEUES = [
    ['repair', 0.36],
    ['presales', 0.24],
    ['aftersales', 0.3],
    ['complaints', 0.1],
    ['vip', 0],
];
/**
 * The planner's kind of week: five queues open 08:00–22:00 (a morning and an afternoon peak, weekends at 60 %),
 * agents with the simulated centre's skill mix (a primary queue each, every other regular queue with probability 0.4
 * or 0.7 by turns, VIP for 15 %), and the planner's rules. About 18 skill sets for 60 agents: the case that made
 * the split formulation slow (model.ts, addHallCoverage). Deterministic for a given size and seed.
 */
export function syntheticQueueWeek(opts) {
    const n = opts.agents;
    const rng = new Random(opts.seed ?? 5);
    const regular = QUEUES.slice(0, 4).map(([q]) => q);
    const agents = Array.from({ length: n }, (_, i) => {
        const primary = regular[i % regular.length];
        const skills = [primary, ...regular.filter((q) => q !== primary && rng.chance(i % 2 ? 0.7 : 0.4))];
        if (rng.chance(0.15))
            skills.push('vip');
        return { id: `a${String(i + 1).padStart(3, '0')}`, skills };
    });
    const requirements = [];
    for (let day = 0; day < 7; day++)
        for (let minute = 8 * 60; minute < 22 * 60; minute += 15) {
            const h = minute / 60;
            const peak = (c, w) => Math.exp(-(((h - c) / w) ** 2));
            const total = (n / 120) * (20 + 18 * peak(11, 2) + 14 * peak(15, 2.2)) * (day < 5 ? 1 : 0.6);
            for (const [skill, share] of QUEUES)
                requirements.push({ day, minute, skill, required: share ? Math.round(total * share) : 1 });
        }
    return { requirements, agents, rules: plannerRules(8 * 60, 22 * 60, { understaffed: 10, overstaffed: 1 }) };
}
//# sourceMappingURL=synthetic.js.map