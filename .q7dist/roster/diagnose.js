/**
 * Why no roster exists. First simple necessary conditions (contradictory hours, more days off than days, fewer
 * hours possible than the minimum, more agents needed than can be on shift under hard coverage); then, exactly,
 * each agent's own rules: an agent with no feasible week is relaxed one constraint group
 * at a time, and the groups whose removal makes it feasible are the ones that bind. Each check is the exact
 * dynamic program of tours.ts, which takes milliseconds.
 */
import { allowedShifts } from './problem.js';
import { bestTours } from './tours.js';
import { dayLabel, formatClock } from './time.js';
const hoursText = (minutes) => `${+(minutes / 60).toFixed(2)} h`;
/** Most paid minutes an agent could work if only the days off, availability and templates limited it. */
function hoursUpperBound(p, a) {
    const best = a.allowed.map((list) => Math.max(0, ...list.map((s) => p.shifts[s].paidMinutes)));
    const off = Math.max(a.daysOff, a.consecutive ? 2 : 0);
    const maxDays = Math.max(0, p.D - off);
    const top = best
        .filter((m) => m > 0)
        .sort((x, y) => y - x)
        .slice(0, maxDays);
    return { minutes: top.reduce((s, m) => s + m, 0), workable: best.filter((m) => m > 0).length, maxDays };
}
/** Quick necessary conditions, no solver: an empty list when none fails. */
export function precheck(p) {
    const out = [];
    for (const a of p.agents) {
        const who = `agent ${a.id}`;
        if (a.minMinutes > a.maxMinutes) {
            out.push({
                constraint: 'hours.min',
                agent: a.id,
                message: `${who}: minimum weekly hours (${hoursText(a.minMinutes)}) above the maximum (${hoursText(a.maxMinutes)})`,
            });
            continue;
        }
        if (a.daysOff > p.D) {
            out.push({ constraint: 'daysOff', agent: a.id, message: `${who}: ${a.daysOff} days off in a ${p.D}-day horizon` });
            continue;
        }
        if (a.consecutive && p.D < 2) {
            out.push({
                constraint: 'daysOff.consecutive',
                agent: a.id,
                message: `${who}: two consecutive days off in a ${p.D}-day horizon`,
            });
            continue;
        }
        const ub = hoursUpperBound(p, a);
        if (ub.minutes < a.minMinutes) {
            const why = [
                `${ub.workable} of ${p.D} days have a shift the agent may work (availability, templates)`,
                `at most ${ub.maxDays} working days (${p.D - ub.maxDays} days off)`,
            ];
            out.push({
                constraint: 'hours.min',
                agent: a.id,
                message: `${who}: minimum ${hoursText(a.minMinutes)} a week, but at most ${hoursText(ub.minutes)} fit: ${why.join('; ')}`,
            });
        }
    }
    if (p.hard)
        out.push(...coverageCapacity(p));
    return out;
}
/** Hard coverage: intervals needing more agents of a skill than could possibly be on shift. */
function coverageCapacity(p) {
    const out = [];
    for (const [k, skill] of p.skills.entries()) {
        const cap = new Int32Array(p.T);
        for (const a of p.agents) {
            if (!p.classes[a.cls].skills.includes(k))
                continue;
            const can = new Uint8Array(p.T);
            a.allowed.forEach((list, d) => {
                for (const s of list) {
                    const t0 = d * p.P + p.shifts[s].st;
                    for (let j = 0; j < p.shifts[s].len && t0 + j < p.T; j++)
                        can[t0 + j] = 1;
                }
            });
            for (let t = 0; t < p.T; t++)
                cap[t] += can[t];
        }
        out.push(...ranges(p, (t) => (p.req[k][t] > cap[t] ? p.req[k][t] - cap[t] : 0)).map(({ from, to, worst }) => ({
            constraint: 'hardCoverage',
            skill: p.perSkill ? skill : undefined,
            day: Math.floor(from / p.P),
            minute: (from % p.P) * p.I,
            message: `${where(p, skill, from, to)}: up to ${+worst.toFixed(2)} more agents needed than can be on shift then (agents${p.perSkill ? ' with the skill' : ''}, availability, shift templates)`,
        })));
    }
    return out;
}
/** Runs of consecutive intervals (within a day) where `short(t)` > 0, with the largest value. */
function ranges(p, short) {
    const out = [];
    for (let t = 0; t < p.T; t++) {
        const v = short(t);
        if (v <= 1e-6)
            continue;
        const last = out[out.length - 1];
        if (last && last.to === t && t % p.P !== 0) {
            last.to = t + 1;
            last.worst = Math.max(last.worst, v);
        }
        else
            out.push({ from: t, to: t + 1, worst: v });
    }
    return out;
}
function where(p, skill, from, to) {
    const day = Math.floor(from / p.P);
    const label = dayLabel(day, p.firstWeekday, p.startDate);
    const span = `${formatClock((from % p.P) * p.I)}–${formatClock((from % p.P) * p.I + (to - from) * p.I)}`;
    return `${p.perSkill ? `skill ${skill}, ` : ''}${label} ${span}`;
}
const GROUPS = [
    'hours.min',
    'hours.max',
    'daysOff',
    'daysOff.consecutive',
    'minRest',
    'availability',
    'shifts',
];
const GROUP_TEXT = {
    'hours.min': (_p, a) => `minimum ${hoursText(a.minMinutes)} a week`,
    'hours.max': (_p, a) => `maximum ${hoursText(a.maxMinutes)} a week`,
    daysOff: (_p, a) => `${a.daysOff} days off`,
    'daysOff.consecutive': () => 'two consecutive days off',
    minRest: (p) => `${hoursText(p.restMinutes)} rest between shifts`,
    availability: (_p, a) => `availability (${[a.source.unavailable?.length ? `unavailable ${a.source.unavailable.map(String).join(', ')}` : '', a.source.available?.length ? `available ${a.source.available.map(String).join(', ')}` : ''].filter(Boolean).join('; ')})`,
    shifts: (_p, a) => `allowed shifts (${[...(a.templates ?? [])].join(', ')})`,
};
/** A key that is equal for agents whose own rules are identical, so each is solved once. */
function signature(a) {
    return JSON.stringify([
        a.allowed,
        a.minMinutes,
        a.maxMinutes,
        a.daysOff,
        a.consecutive,
        a.blocked,
        a.allowedRanges,
        a.templates && [...a.templates],
    ]);
}
function tourRules(p, a, relax = {}) {
    return {
        allowed: relax.availability || relax.shifts
            ? allowedShifts(a, p.shifts, p.D, { availability: relax.availability, templates: relax.shifts })
            : a.allowed,
        minMinutes: relax['hours.min'] ? 0 : a.minMinutes,
        maxMinutes: relax['hours.max'] ? Infinity : a.maxMinutes,
        daysOff: relax.daysOff ? 0 : a.daysOff,
        consecutive: relax['daysOff.consecutive'] ? false : a.consecutive,
        restMinutes: relax.minRest ? 0 : p.restMinutes,
    };
}
/** Whether one agent alone (no coverage) has a feasible week under its rules, minus the relaxed groups. */
function agentFeasible(p, a, relax = {}) {
    return bestTours(p.shifts, p.I, tourRules(p, a, relax), () => 0).length > 0;
}
/** Each agent's own rules, exactly: conflicts for the agents with no feasible week, naming what binds. */
export function agentConflicts(p) {
    const out = [];
    const known = new Map();
    for (const a of p.agents) {
        const sig = signature(a);
        let ok = known.get(sig);
        if (ok === undefined) {
            ok = agentFeasible(p, a);
            known.set(sig, ok);
        }
        if (ok)
            continue;
        const active = GROUPS.filter((g) => isActive(p, a, g));
        const binding = active.filter((g) => agentFeasible(p, a, { [g]: true }));
        const rules = (binding.length ? binding : active).map((g) => GROUP_TEXT[g](p, a));
        let extra = '';
        if (binding.includes('hours.min')) {
            const most = bestTours(p.shifts, p.I, tourRules(p, a, { 'hours.min': true }), (_d, s) => -p.shifts[s].paidMinutes);
            if (most.length)
                extra = `; at most ${hoursText(most[0].tour.paidMinutes)} fit under the other rules`;
        }
        out.push({
            constraint: binding[0] ?? active[0] ?? 'solver',
            agent: a.id,
            message: binding.length
                ? `agent ${a.id}: no week satisfies all the agent's rules; relaxing any one of these would: ${rules.join('; ')}${extra}`
                : `agent ${a.id}: no week satisfies ${rules.join(', ')} (no single rule is to blame; relax two or more)`,
        });
    }
    return out;
}
function isActive(p, a, g) {
    switch (g) {
        case 'hours.min':
            return a.minMinutes > 0;
        case 'hours.max':
            return a.maxMinutes < Infinity;
        case 'daysOff':
            return a.daysOff > 0;
        case 'daysOff.consecutive':
            return a.consecutive;
        case 'minRest':
            return p.restMinutes > 0;
        case 'availability':
            return a.blocked.length > 0 || a.allowedRanges !== null;
        case 'shifts':
            return a.templates !== null;
    }
}
/** Hard coverage: the intervals the best roster still leaves short (every agent being feasible alone). */
export function shortfallConflicts(p, under) {
    const out = [];
    for (const [k, skill] of p.skills.entries()) {
        for (const { from, to, worst } of ranges(p, (t) => under(k, t))) {
            out.push({
                constraint: 'hardCoverage',
                skill: p.perSkill ? skill : undefined,
                day: Math.floor(from / p.P),
                minute: (from % p.P) * p.I,
                message: `${where(p, skill, from, to)}: short by up to ${+worst.toFixed(2)} agents in the best roster found (too few agents for the requirement under the rules)`,
            });
        }
    }
    return out;
}
//# sourceMappingURL=diagnose.js.map