/**
 * How agents on duty in one interval count toward the skills (queues) they have: as much of each skill's
 * requirement as possible is covered, which is a maximum flow from groups of agents with the same skills to the
 * skills, each skill taking at most its requirement. With the same cost per agent-hour short on every skill (the
 * planner's), no other split leaves fewer agent-hours short; agents the flow leaves over count as surplus, each on
 * the skill of theirs with the least surplus so far. Pure and browser-safe: the planner page recounts with it after
 * an edit, and the server when it stores one.
 */
const EPS = 1e-9;
/** Agents counted toward each skill (same order as `required`). Groups with no skills count nowhere. */
export function splitAmongSkills(groups, required) {
    const K = required.length;
    const G = groups.length;
    // Residual capacities: source → group g, group g → skill k (unbounded), skill k → sink.
    const supply = groups.map((g) => g.agents);
    const room = required.map((r) => Math.max(0, r));
    const flow = groups.map(() => new Float64Array(K));
    for (;;) {
        // Breadth-first search for a shortest augmenting path: source → g → k (→ g' back along a flow → k' …) → sink.
        const fromSkill = new Int32Array(K).fill(-1); // group that reached skill k
        const fromGroup = new Int32Array(G).fill(-2); // skill that reached group g (-1: the source)
        const queue = [];
        for (let g = 0; g < G; g++)
            if (supply[g] > EPS && groups[g].skills.length) {
                fromGroup[g] = -1;
                queue.push(g);
            }
        let end = -1;
        for (let i = 0; i < queue.length && end < 0; i++) {
            const g = queue[i];
            for (const k of groups[g].skills) {
                if (fromSkill[k] >= 0 || k >= K)
                    continue;
                fromSkill[k] = g;
                if (room[k] > EPS) {
                    end = k;
                    break;
                }
                // Skill k is full: re-route a group already counted toward it.
                for (let h = 0; h < G; h++)
                    if (fromGroup[h] === -2 && flow[h][k] > EPS) {
                        fromGroup[h] = k;
                        queue.push(h);
                    }
            }
        }
        if (end < 0)
            break;
        // The bottleneck along the path, then push it.
        let push = room[end];
        for (let k = end, g = fromSkill[k];; k = fromGroup[g], g = fromSkill[k]) {
            const back = fromGroup[g];
            if (back === -1) {
                push = Math.min(push, supply[g]);
                break;
            }
            push = Math.min(push, flow[g][back]);
        }
        room[end] -= push;
        for (let k = end, g = fromSkill[k];; k = fromGroup[g], g = fromSkill[k]) {
            flow[g][k] += push;
            const back = fromGroup[g];
            if (back === -1) {
                supply[g] -= push;
                break;
            }
            flow[g][back] -= push;
        }
    }
    const counted = required.map((_, k) => groups.reduce((s, _g, g) => s + flow[g][k], 0));
    groups.forEach((g, gi) => {
        if (supply[gi] <= EPS || !g.skills.length)
            return;
        const k = g.skills.reduce((best, x) => (counted[x] - required[x] < counted[best] - required[best] ? x : best));
        counted[k] += supply[gi];
    });
    return counted;
}
//# sourceMappingURL=skill-split.js.map