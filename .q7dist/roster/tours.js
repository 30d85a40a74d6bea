/**
 * Up to `limit` cheapest feasible tours with distinct end states, cheapest first; `value(d, s)` is the cost of
 * working shift s on day d (a day off costs 0). Empty when the rules admit no week.
 */
export function bestTours(shifts, I, rules, value, limit = 1) {
    const D = rules.allowed.length;
    const maxDays = Math.max(0, D - rules.daysOff);
    const consecutive = rules.consecutive && D >= 2;
    // Reach: the earliest start allowed on a later day by the last shift worked (0: no constraint). Every value it
    // can take is known in advance: a shift's end plus the rest, less 0–3 days.
    const reaches = [0];
    for (const s of new Set(rules.allowed.flat()))
        for (let g = 1; g <= 3; g++) {
            const r = shifts[s].start + shifts[s].length + rules.restMinutes - g * 1440;
            if (r > 0 && !reaches.includes(r))
                reaches.push(r);
        }
    const reachOf = new Map(reaches.map((r, i) => [r, i]));
    const reachIndex = (r) => reachOf.get(Math.max(0, r)) ?? 0;
    const R = reaches.length;
    const W = D + 1;
    const pack = (h, w, pair, offPrev, r) => (((h * W + w) * 2 + pair) * 2 + offPrev) * R + r;
    const unpack = (key) => {
        const r = key % R;
        let k = (key - r) / R;
        const offPrev = k % 2;
        k = (k - offPrev) / 2;
        const pair = k % 2;
        k = (k - pair) / 2;
        const w = k % W;
        return { h: (k - w) / W, w, pair, offPrev, r };
    };
    const layers = [new Map([[pack(0, 0, 0, 0, 0), { cost: 0, prev: -1, choice: -1 }]])];
    const maxUnits = rules.maxMinutes === Infinity ? Infinity : Math.floor(rules.maxMinutes / I + 1e-9);
    for (let d = 0; d < D; d++) {
        const next = new Map();
        const put = (key, cost, prev, choice) => {
            const old = next.get(key);
            if (!old || cost < old.cost - 1e-12)
                next.set(key, { cost, prev, choice });
        };
        const allowed = rules.allowed[d];
        const vals = allowed.map((s) => value(d, s));
        for (const [key, node] of layers[d]) {
            const { h, w, pair, offPrev, r } = unpack(key);
            const reach = reaches[r];
            // Day off.
            const newPair = consecutive && (pair || (offPrev && d > 0)) ? 1 : 0;
            put(pack(h, w, newPair, consecutive ? 1 : 0, reachIndex(reach - 1440)), node.cost, key, -1);
            if (w + 1 > maxDays)
                continue;
            for (let i = 0; i < allowed.length; i++) {
                const s = shifts[allowed[i]];
                if (s.start < reach)
                    continue;
                const units = h + s.paidMinutes / I;
                if (units > maxUnits)
                    continue;
                const nr = reachIndex(s.start + s.length + rules.restMinutes - 1440);
                put(pack(units, w + 1, consecutive ? pair : 0, 0, nr), node.cost + vals[i], key, allowed[i]);
            }
        }
        layers.push(next);
    }
    const minUnits = rules.minMinutes / I - 1e-9;
    const finals = [...layers[D]]
        .filter(([key]) => {
        const { h, pair } = unpack(key);
        return h >= minUnits && (!consecutive || pair === 1);
    })
        .sort((a, b) => a[1].cost - b[1].cost)
        .slice(0, limit);
    return finals.map(([key, node]) => {
        const tour = new Int32Array(D).fill(-1);
        let n = node;
        for (let d = D - 1; d >= 0; d--) {
            tour[d] = n.choice;
            n = layers[d].get(n.prev);
        }
        return { tour: { shifts: tour, paidMinutes: unpack(key).h * I }, cost: node.cost };
    });
}
//# sourceMappingURL=tours.js.map