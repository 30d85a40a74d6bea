const STATE = {
    'agent.login': 'work',
    'agent.ready': 'work',
    'agent.wrap_up': 'work',
    'agent.not_ready': 'break',
    'agent.logout': 'off',
};
/** The agent's shifts that touch `day` (its own, and the day before's when it runs past midnight), in its minutes. */
export function shiftsOnDay(agent, day) {
    return agent.shifts
        .filter((s) => s.day === day || (s.day === day - 1 && s.end > 1440))
        .map((s) => {
        const off = (s.day - day) * 1440;
        return {
            start: s.start + off,
            end: s.end + off,
            breaks: s.breaks.map((b) => ({ start: b.start + off, end: b.end + off })),
        };
    });
}
const r2 = (v) => Math.round(v * 100) / 100;
const ratio = (a, b) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);
export function adherenceOf(agentId, shifts, events, opts = {}) {
    const I = opts.intervalMinutes ?? 15;
    const until = Math.max(0, Math.min(1440, opts.untilMinute ?? 1440));
    const evs = events.filter((e) => STATE[e.type]).sort((a, b) => a.minute - b.minute);
    const scheduledAt = (x) => {
        const s = shifts.find((v) => x >= v.start && x < v.end);
        if (!s)
            return 'off';
        return s.breaks.some((b) => x >= b.start && x < b.end) ? 'break' : 'work';
    };
    const cuts = new Set([0, until]);
    for (let m = 0; m < until; m += I)
        cuts.add(m);
    for (const s of shifts)
        for (const x of [s.start, s.end, ...s.breaks.flatMap((b) => [b.start, b.end])])
            cuts.add(x);
    for (const e of evs)
        cuts.add(e.minute);
    const points = [...cuts].filter((x) => x >= 0 && x <= until).sort((a, b) => a - b);
    const buckets = new Map();
    let k = 0;
    let actual = 'off';
    for (let i = 0; i + 1 < points.length; i++) {
        const [a, b] = [points[i], points[i + 1]];
        while (k < evs.length && evs[k].minute <= a)
            actual = STATE[evs[k++].type];
        const sched = scheduledAt(a);
        const iv = Math.floor(a / I) * I;
        let bucket = buckets.get(iv);
        if (!bucket) {
            bucket = { sched: { work: 0, break: 0, off: 0 }, act: { work: 0, break: 0, off: 0 }, adh: 0 };
            buckets.set(iv, bucket);
        }
        bucket.sched[sched] += b - a;
        bucket.act[actual] += b - a;
        if (sched !== 'off' && actual === sched)
            bucket.adh += b - a;
    }
    const intervals = [];
    const most = (r) => r.work >= r.break && r.work >= r.off ? 'work' : r.break >= r.off ? 'break' : 'off';
    let [scheduledMin, workMin, adherentMin, workedMin] = [0, 0, 0, 0];
    for (const [minute, v] of [...buckets].sort((x, y) => x[0] - y[0])) {
        const inShift = v.sched.work + v.sched.break;
        scheduledMin += inShift;
        workMin += v.sched.work;
        adherentMin += v.adh;
        workedMin += v.act.work;
        if (inShift === 0 && v.act.work === 0)
            continue;
        intervals.push({
            minute,
            scheduled: inShift === 0 ? 'off' : v.sched.work >= v.sched.break ? 'work' : 'break',
            actual: most(v.act),
            scheduled_min: r2(inShift),
            adherent_min: r2(v.adh),
            worked_min: r2(v.act.work),
        });
    }
    return {
        agent_id: agentId,
        scheduled_min: r2(scheduledMin),
        scheduled_work_min: r2(workMin),
        adherent_min: r2(adherentMin),
        worked_min: r2(workedMin),
        adherence: ratio(adherentMin, scheduledMin),
        conformance: ratio(workedMin, workMin),
        intervals,
    };
}
//# sourceMappingURL=adherence.js.map