/**
 * Checks a `RosterInput` and turns it into the solver's view: shift types expanded from the templates (one per
 * start time) with their break windows on the interval grid, each agent's allowed shifts per day, requirements as
 * one array per skill. Malformed input throws `RosterInputError` naming the field.
 */
import { RosterInputError } from './errors.js';
import { formatDuration, mergeRanges, parseClock, parseDuration, parseWindow, show, weekdayOf } from './time.js';
const INTERVALS = [5, 10, 15, 20, 30, 60];
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function num(v, field, opts = {}) {
    const ok = typeof v === 'number' &&
        Number.isFinite(v) &&
        (!opts.integer || Number.isInteger(v)) &&
        (opts.min === undefined || v >= opts.min) &&
        (opts.max === undefined || v <= opts.max);
    if (!ok) {
        const range = [opts.min !== undefined ? `≥ ${opts.min}` : '', opts.max !== undefined ? `≤ ${opts.max}` : ''];
        const what = `${opts.integer ? 'a whole number' : 'a number'} ${range.filter(Boolean).join(' and ')}`.trim();
        throw new RosterInputError(field, `expected ${what}, got ${show(v)}`);
    }
    return v;
}
function optNum(v, field, fallback, opts = {}) {
    return v === undefined || v === null ? fallback : num(v, field, opts);
}
function str(v, field) {
    if (typeof v !== 'string' || v.trim() === '')
        throw new RosterInputError(field, `expected a non-empty text, got ${show(v)}`);
    return v.trim();
}
function list(v, field) {
    if (!Array.isArray(v))
        throw new RosterInputError(field, `expected a list, got ${show(v)}`);
    return v;
}
/** Days a template may be used on, as a mask over the horizon. */
function dayMask(v, D, firstWeekday, field) {
    if (v === undefined)
        return Array(D).fill(true);
    const mask = Array(D).fill(false);
    list(v, field).forEach((item, i) => {
        if (typeof item === 'number') {
            mask[num(item, `${field}[${i}]`, { min: 0, max: D - 1, integer: true })] = true;
            return;
        }
        const w = weekdayOf(str(item, `${field}[${i}]`));
        if (w < 0)
            throw new RosterInputError(`${field}[${i}]`, `unknown day ${show(item)} (use mon…sun or a day number)`);
        for (let d = 0; d < D; d++)
            if ((firstWeekday + d) % 7 === w)
                mask[d] = true;
    });
    return mask;
}
export function buildProblem(input) {
    if (!isRecord(input))
        throw new RosterInputError('input', 'expected an object with requirements, agents and rules');
    const rules = input.rules;
    if (!isRecord(rules))
        throw new RosterInputError('rules', `expected an object, got ${show(rules)}`);
    const I = optNum(rules.intervalMinutes, 'rules.intervalMinutes', 15);
    if (!INTERVALS.includes(I))
        throw new RosterInputError('rules.intervalMinutes', `expected one of ${INTERVALS.join(', ')}, got ${I}`);
    const D = optNum(input.days, 'days', 7, { min: 1, max: 31, integer: true });
    const firstWeekday = optNum(input.firstWeekday, 'firstWeekday', 0, { min: 0, max: 6, integer: true });
    if (input.startDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(input.startDate)))
        throw new RosterInputError('startDate', `expected YYYY-MM-DD, got ${show(input.startDate)}`);
    const P = 1440 / I;
    const T = D * P;
    const warnings = [];
    // Requirements: all rows per skill, or none.
    const reqRows = list(input.requirements, 'requirements');
    const withSkill = reqRows.filter((r) => isRecord(r) && r.skill !== undefined && r.skill !== null && r.skill !== '');
    const perSkill = withSkill.length > 0;
    if (perSkill && withSkill.length !== reqRows.length) {
        const i = reqRows.findIndex((r) => !withSkill.includes(r));
        throw new RosterInputError(`requirements[${i}].skill`, 'missing: when some rows name a skill, every row must');
    }
    const declared = rules.skills === undefined ? [] : list(rules.skills, 'rules.skills').map((s, i) => str(s, `rules.skills[${i}]`));
    const skills = perSkill
        ? [
            ...new Set([
                ...withSkill.map((r, i) => str(r.skill, `requirements[${i}].skill`)),
                ...declared,
            ]),
        ]
        : ['*'];
    const skillIndex = new Map(skills.map((s, i) => [s, i]));
    const req = skills.map(() => new Float64Array(T));
    const seen = new Map();
    reqRows.forEach((r, i) => {
        const f = `requirements[${i}]`;
        if (!isRecord(r))
            throw new RosterInputError(f, `expected { day, minute, required }, got ${show(r)}`);
        const day = num(r.day, `${f}.day`, { min: 0, max: D - 1, integer: true });
        const minute = num(r.minute, `${f}.minute`, { min: 0, max: 1440 - I, integer: true });
        if (minute % I !== 0)
            throw new RosterInputError(`${f}.minute`, `${minute} is not on the ${I}-minute grid`);
        const required = num(r.required, `${f}.required`, { min: 0 });
        const k = perSkill ? skillIndex.get(String(r.skill).trim()) : 0;
        const key = `${day}/${minute}/${k}`;
        if (seen.has(key))
            throw new RosterInputError(f, `duplicate of requirements[${seen.get(key)}] (same day, minute and skill)`);
        seen.set(key, i);
        req[k][day * P + minute / I] = required;
    });
    // Costs.
    const costs = rules.costs === undefined ? {} : rules.costs;
    if (!isRecord(costs))
        throw new RosterInputError('rules.costs', `expected an object, got ${show(costs)}`);
    const under = optNum(costs.understaffed, 'rules.costs.understaffed', 10, { min: 0 });
    const over = optNum(costs.overstaffed, 'rules.costs.overstaffed', 1, { min: 0 });
    const perShift = optNum(costs.perShift, 'rules.costs.perShift', 0, { min: 0 });
    const perPaidHour = optNum(costs.perPaidHour, 'rules.costs.perPaidHour', 0, { min: 0 });
    const underCost = skills.map(() => (under * I) / 60);
    const overCost = skills.map(() => (over * I) / 60);
    if (costs.skills !== undefined) {
        if (!isRecord(costs.skills))
            throw new RosterInputError('rules.costs.skills', 'expected an object keyed by skill');
        for (const [skill, c] of Object.entries(costs.skills)) {
            const f = `rules.costs.skills.${skill}`;
            const k = skillIndex.get(skill);
            if (k === undefined)
                throw new RosterInputError(f, `unknown skill "${skill}" (known: ${skills.join(', ')})`);
            if (!isRecord(c))
                throw new RosterInputError(f, 'expected { understaffed, overstaffed }');
            underCost[k] = (optNum(c.understaffed, `${f}.understaffed`, under, { min: 0 }) * I) / 60;
            overCost[k] = (optNum(c.overstaffed, `${f}.overstaffed`, over, { min: 0 }) * I) / 60;
        }
    }
    // Break rules.
    const breakRules = (rules.breaks === undefined ? [] : list(rules.breaks, 'rules.breaks')).map((b, i) => {
        const f = `rules.breaks[${i}]`;
        if (!isRecord(b))
            throw new RosterInputError(f, `expected { name, length, earliest, latest }, got ${show(b)}`);
        const length = parseDuration(b.length, `${f}.length`);
        if (length <= 0 || length % I !== 0)
            throw new RosterInputError(`${f}.length`, `expected a positive multiple of the ${I}-minute interval, got ${show(b.length)}`);
        const earliest = parseDuration(b.earliest, `${f}.earliest`);
        const latest = parseDuration(b.latest, `${f}.latest`);
        if (latest < earliest)
            throw new RosterInputError(`${f}.latest`, `is before earliest (${show(b.earliest)})`);
        if (Math.ceil(earliest / I) > Math.floor(latest / I))
            throw new RosterInputError(f, `no start on the ${I}-minute grid between earliest and latest`);
        if (b.paid !== undefined && typeof b.paid !== 'boolean')
            throw new RosterInputError(`${f}.paid`, 'expected true or false');
        return {
            name: str(b.name, `${f}.name`),
            len: length / I,
            from: Math.ceil(earliest / I),
            to: Math.floor(latest / I),
            minShift: optNum(b.minShiftHours, `${f}.minShiftHours`, 0, { min: 0 }) * 60,
            paid: b.paid !== false,
        };
    });
    const breakGap = parseDuration(rules.breakGapMinutes ?? 0, 'rules.breakGapMinutes');
    if (breakGap % I !== 0)
        throw new RosterInputError('rules.breakGapMinutes', `expected a multiple of ${I} minutes`);
    // Shift templates, expanded to one shift type per start time.
    const shifts = [];
    const templateNames = new Set();
    list(rules.shifts, 'rules.shifts').forEach((t, i) => {
        const f = `rules.shifts[${i}]`;
        if (!isRecord(t))
            throw new RosterInputError(f, `expected { name, starts, length }, got ${show(t)}`);
        const name = str(t.name, `${f}.name`);
        if (templateNames.has(name))
            throw new RosterInputError(`${f}.name`, `duplicate shift template name "${name}"`);
        templateNames.add(name);
        const length = parseDuration(t.length, `${f}.length`);
        if (length <= 0 || length > 1440 || length % I !== 0)
            throw new RosterInputError(`${f}.length`, `expected a multiple of the ${I}-minute interval, up to 24h, got ${show(t.length)}`);
        let starts;
        if (Array.isArray(t.starts)) {
            starts = t.starts.map((s, j) => parseClock(s, `${f}.starts[${j}]`));
            if (starts.length === 0)
                throw new RosterInputError(`${f}.starts`, 'is empty');
        }
        else if (isRecord(t.starts)) {
            const from = parseClock(t.starts.from, `${f}.starts.from`);
            const to = parseClock(t.starts.to, `${f}.starts.to`);
            const every = parseDuration(t.starts.every ?? I, `${f}.starts.every`);
            if (every <= 0 || every % I !== 0)
                throw new RosterInputError(`${f}.starts.every`, `expected a positive multiple of ${I} minutes, got ${show(t.starts.every)}`);
            if (to < from)
                throw new RosterInputError(`${f}.starts.to`, 'is before from');
            starts = [];
            for (let m = from; m <= to; m += every)
                starts.push(m);
        }
        else
            throw new RosterInputError(`${f}.starts`, `expected a list of HH:MM or { from, to, every }, got ${show(t.starts)}`);
        const cost = optNum(t.cost, `${f}.cost`, 0, { min: 0 });
        const days = dayMask(t.days, D, firstWeekday, `${f}.days`);
        const L = length / I;
        // Applicable breaks and their windows, clipped to the shift; checked to fit one after another.
        const slots = [];
        for (const [bi, b] of breakRules.entries()) {
            if (length < b.minShift)
                continue;
            const to = Math.min(b.to, L - b.len);
            if (b.from > to)
                throw new RosterInputError(`${f}.length`, `break "${b.name}" (rules.breaks[${bi}]) does not fit in a ${length / 60} h shift of template "${name}"`);
            const positions = [];
            for (let p = b.from; p <= to; p++)
                positions.push(p);
            slots.push({ name: b.name, len: b.len, positions, paid: b.paid });
        }
        // Consecutive windows must not overlap (one break ends, plus the gap, before the next may start): then any
        // choice of starts keeps every agent's breaks in order. Overlapping windows are split where they overlap.
        const gap = breakGap / I;
        for (let i = 0; i + 1 < slots.length; i++) {
            const [a, b] = [slots[i], slots[i + 1]];
            const aFirst = a.positions[0];
            const aLast = a.positions[a.positions.length - 1];
            const bFirst = b.positions[0];
            const bLast = b.positions[b.positions.length - 1];
            if (aLast + a.len + gap <= bFirst)
                continue;
            const lo = aFirst + a.len + gap;
            if (lo > bLast)
                throw new RosterInputError(f, `breaks ${slots.map((x) => `"${x.name}"`).join(', ')} cannot all fit, in order, in template "${name}"`);
            const cut = Math.min(bLast, Math.max(lo, Math.round((bFirst + aLast + a.len + gap) / 2)));
            a.positions = a.positions.filter((q) => q <= cut - a.len - gap);
            b.positions = b.positions.filter((q) => q >= cut);
            warnings.push(`template "${name}": the windows of "${a.name}" and "${b.name}" overlap; "${a.name}" now starts at most ` +
                `${formatDuration((cut - a.len - gap) * I)} and "${b.name}" at least ${formatDuration(cut * I)} after the shift start`);
        }
        const unpaid = slots.filter((s) => !s.paid).reduce((sum, s) => sum + s.len * I, 0);
        for (const [j, start] of [...new Set(starts)].sort((a, b) => a - b).entries()) {
            if (start % I !== 0 || start >= 1440)
                throw new RosterInputError(`${f}.starts`, `start ${start / 60}h (index ${j}) is not on the ${I}-minute grid within the day`);
            const paidMinutes = length - unpaid;
            shifts.push({
                template: name,
                start,
                length,
                st: start / I,
                len: L,
                paidMinutes,
                cost: cost + perShift + (perPaidHour * paidMinutes) / 60,
                breaks: slots,
                days,
            });
        }
    });
    if (shifts.length === 0)
        throw new RosterInputError('rules.shifts', 'is empty: give at least one shift template');
    // Contract defaults.
    const daysOffRule = rules.daysOff === undefined ? {} : rules.daysOff;
    if (!isRecord(daysOffRule))
        throw new RosterInputError('rules.daysOff', 'expected { count, consecutive }');
    const defaultDaysOff = optNum(daysOffRule.count, 'rules.daysOff.count', Math.min(2, D - 1), { min: 0, integer: true });
    if (daysOffRule.consecutive !== undefined && typeof daysOffRule.consecutive !== 'boolean')
        throw new RosterInputError('rules.daysOff.consecutive', 'expected true or false');
    const hours = rules.hours === undefined ? {} : rules.hours;
    if (!isRecord(hours))
        throw new RosterInputError('rules.hours', 'expected { min, max }');
    const defaultMin = optNum(hours.min, 'rules.hours.min', 0, { min: 0 });
    const defaultMax = optNum(hours.max, 'rules.hours.max', Infinity, { min: 0 });
    const restMinutes = optNum(rules.minRestHours, 'rules.minRestHours', 0, { min: 0, max: 48 }) * 60;
    if (rules.hardCoverage !== undefined && typeof rules.hardCoverage !== 'boolean')
        throw new RosterInputError('rules.hardCoverage', 'expected true or false');
    // Agents.
    const ids = new Map();
    const classKeys = new Map();
    const classes = [];
    const agents = list(input.agents, 'agents').map((raw, index) => {
        const f = `agents[${index}]`;
        if (!isRecord(raw))
            throw new RosterInputError(f, `expected { id, skills, … }, got ${show(raw)}`);
        const a = raw;
        const id = typeof a.id === 'number' ? String(a.id) : str(a.id, `${f}.id`);
        if (ids.has(id))
            throw new RosterInputError(`${f}.id`, `duplicate agent id "${id}" (also agents[${ids.get(id)}])`);
        ids.set(id, index);
        const agentSkills = a.skills === undefined ? [] : list(a.skills, `${f}.skills`).map((s, j) => str(s, `${f}.skills[${j}]`));
        let served;
        if (perSkill) {
            if (agentSkills.length === 0)
                throw new RosterInputError(`${f}.skills`, `missing: the requirements are per skill (${skills.join(', ')})`);
            agentSkills.forEach((s, j) => {
                if (!skillIndex.has(s))
                    throw new RosterInputError(`${f}.skills[${j}]`, `unknown skill "${s}" (known: ${skills.join(', ')})`);
            });
            served = [...new Set(agentSkills.map((s) => skillIndex.get(s)))].sort((x, y) => x - y);
        }
        else {
            if (declared.length)
                agentSkills.forEach((s, j) => {
                    if (!declared.includes(s))
                        throw new RosterInputError(`${f}.skills[${j}]`, `unknown skill "${s}" (rules.skills: ${declared.join(', ')})`);
                });
            served = [0];
        }
        const key = served.join(',');
        let cls = classKeys.get(key);
        if (cls === undefined) {
            cls = classes.length;
            classKeys.set(key, cls);
            classes.push({ skills: served, agents: [] });
        }
        classes[cls].agents.push(index);
        const templates = a.shifts === undefined
            ? null
            : new Set(list(a.shifts, `${f}.shifts`).map((s, j) => {
                const n = str(s, `${f}.shifts[${j}]`);
                if (!templateNames.has(n))
                    throw new RosterInputError(`${f}.shifts[${j}]`, `unknown shift template "${n}" (known: ${[...templateNames].join(', ')})`);
                return n;
            }));
        const windows = (v, name) => v === undefined
            ? null
            : mergeRanges(list(v, `${f}.${name}`).flatMap((w, j) => parseWindow(w, D, firstWeekday, `${f}.${name}[${j}]`)));
        if (a.consecutiveDaysOff !== undefined && typeof a.consecutiveDaysOff !== 'boolean')
            throw new RosterInputError(`${f}.consecutiveDaysOff`, 'expected true or false');
        const agent = {
            index,
            id,
            name: a.name === undefined ? undefined : String(a.name),
            skills: agentSkills,
            cls,
            minMinutes: optNum(a.minHours, `${f}.minHours`, defaultMin, { min: 0 }) * 60,
            maxMinutes: optNum(a.maxHours, `${f}.maxHours`, defaultMax, { min: 0 }) * 60,
            daysOff: optNum(a.daysOff, `${f}.daysOff`, defaultDaysOff, { min: 0, integer: true }),
            consecutive: a.consecutiveDaysOff ?? daysOffRule.consecutive === true,
            costPerHour: optNum(a.costPerHour, `${f}.costPerHour`, 0, { min: 0 }),
            templates,
            blocked: windows(a.unavailable, 'unavailable') ?? [],
            allowedRanges: windows(a.available, 'available'),
            allowed: [],
            source: a,
        };
        agent.allowed = allowedShifts(agent, shifts, D);
        return agent;
    });
    if (agents.length === 0)
        throw new RosterInputError('agents', 'is empty: give at least one agent');
    if (D !== 7)
        warnings.push(`the horizon has ${D} days: days off and minimum/maximum hours apply to the whole of it, not per week`);
    for (const [k, s] of skills.entries()) {
        if (!perSkill)
            break;
        const total = req[k].reduce((x, y) => x + y, 0);
        if (total > 0 && !classes.some((c) => c.skills.includes(k)))
            warnings.push(`skill "${s}" has requirements but no agent has it: it stays understaffed`);
    }
    return {
        I,
        P,
        D,
        T,
        firstWeekday,
        startDate: input.startDate,
        skills,
        perSkill,
        req,
        underCost,
        overCost,
        shifts,
        agents,
        classes,
        restMinutes,
        breakGap: breakGap / I,
        hard: rules.hardCoverage === true,
        warnings,
    };
}
/** Shift types the agent may work on each day, honouring templates and availability unless relaxed. */
export function allowedShifts(a, shifts, D, relax = {}) {
    const horizonEnd = D * 1440;
    return Array.from({ length: D }, (_, d) => shifts.flatMap((s, i) => {
        if (!s.days[d])
            return [];
        if (!relax.templates && a.templates && !a.templates.has(s.template))
            return [];
        if (!relax.availability) {
            const from = d * 1440 + s.start;
            const to = from + s.length;
            if (a.blocked.some(([x, y]) => x < to && from < y))
                return [];
            const end = Math.min(to, horizonEnd);
            if (a.allowedRanges && !a.allowedRanges.some(([x, y]) => x <= from && end <= y))
                return [];
        }
        return [i];
    }));
}
//# sourceMappingURL=problem.js.map