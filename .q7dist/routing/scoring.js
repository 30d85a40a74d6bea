import { SCORE_PARTS } from './types.js';
export const AGING = 0, PRIORITY = 1, VIP_PRIORITY = 2, AT_RISK_PRIORITY = 3, SKILL = 4, TAGS = 5, AFFINITY = 6, RATING = 7, VIP_GROUP = 8, FAIRNESS = 9;
export const PART_COUNT = SCORE_PARTS.length;
/** The contact's own parts, identical for every agent: aging and the priority policies of its home queue. */
export function contactParts(c, now, parts) {
    const p = c.home.policy, on = c.home.on;
    parts[AGING] = (p.aging_per_s * (now - c.input.arrivedAt)) / 1000;
    parts[PRIORITY] = on.priority ? p.priority : 0;
    parts[VIP_PRIORITY] = on.vip && c.vipTier >= p.vip.min_tier ? c.vipTier * p.vip.priority_per_tier : 0;
    parts[AT_RISK_PRIORITY] = on.rating && c.atRisk ? p.rating.priority_boost : 0;
}
/** Index of the expansion step in force after waiting `waitedMs` in the queue. */
export function expansionStep(q, waitedMs) {
    let step = 0;
    for (let i = 1; i < q.expansionMs.length; i++)
        if (q.expansionMs[i] <= waitedMs)
            step = i;
    return step;
}
/** Whether the customer's last agent is recent enough to count (policy `affinity` of the home queue). */
export function affinityApplies(c, now) {
    const h = c.input.history;
    if (!c.home.on.affinity || !h?.lastAgentId)
        return false;
    return h.lastContactAt === undefined || now - h.lastContactAt <= c.home.policy.affinity.max_age_h * 3_600_000;
}
/**
 * While this is true only the last agent may take the contact: she is logged in, serves its queue, and the timeout
 * has not run out.
 */
export function heldForLastAgent(c, last, now) {
    return (last.state !== 'logged_out' &&
        now - c.input.arrivedAt < c.home.policy.affinity.timeout_s * 1000 &&
        last.queues.includes(c.home) &&
        affinityApplies(c, now));
}
/**
 * Writes the pair parts of (contact, agent) through serving queue `s`, or returns false when the agent is not
 * eligible. `last` is the customer's last agent when known (resolved once by the caller).
 */
export function pairParts(c, s, a, last, now, parts) {
    const q = s.queue, p = q.policy, on = q.on;
    const isLast = last === a && affinityApplies(c, now);
    if (last !== undefined && last !== a && heldForLastAgent(c, last, now))
        return false;
    const waited = now - s.since;
    // Affinity outranks expansion: the last agent only needs the floor.
    const minLevel = on.skills && !isLast ? p.expansion[expansionStep(q, waited)].min_proficiency : 1;
    let profSum = 0, n = 0;
    for (const [skill, floor] of q.floor) {
        const v = a.skills.get(skill) ?? 0;
        if (v < floor || v < minLevel)
            return false;
        profSum += v;
        n++;
    }
    for (const [skill, level] of c.extraSkills) {
        const v = a.skills.get(skill) ?? 0;
        if (v < level)
            return false;
        profSum += v;
        n++;
    }
    const vip = c.vipTier >= p.vip.min_tier;
    const dedicated = on.vip && p.vip.dedicated_group !== undefined && a.groups.has(p.vip.dedicated_group);
    if (dedicated && !vip && waited < p.vip.reserve_s * 1000)
        return false;
    parts[SKILL] = on.skills && n > 0 ? (p.skill_weight * profSum) / (5 * n) : 0;
    parts[TAGS] = on.tags ? tagScore(c.tags, a.tags, p.tags.customer_weight, p.tags.agent_weight) : 0;
    parts[AFFINITY] = isLast ? c.home.policy.affinity.bonus : 0;
    parts[RATING] = on.rating && c.atRisk ? p.rating.weight * ((a.csat ?? 3) - 3) : 0;
    parts[VIP_GROUP] = dedicated && vip ? p.vip.dedicated_bonus : 0;
    parts[FAIRNESS] = on.fairness ? fairnessScore(q, a, now) : 0;
    return true;
}
/**
 * Two-way tags (双向标签): the share of the customer's tags the agent carries (she can handle all of it), plus the
 * share of the agent's tags the contact uses (a specialist is kept for her speciality, generalists for the rest).
 */
export function tagScore(contactTags, agentTags, customerWeight, agentWeight) {
    if (contactTags.length === 0 || agentTags.size === 0)
        return 0;
    let common = 0;
    for (const t of contactTags)
        if (agentTags.has(t))
            common++;
    return (customerWeight * common) / contactTags.length + (agentWeight * common) / agentTags.size;
}
function fairnessScore(q, a, now) {
    const f = q.policy.fairness;
    if (f.mode === 'least_occupied')
        return a.capacityTotal > 0 ? f.weight * (1 - a.totalLoad / a.capacityTotal) : 0;
    if (a.totalLoad > 0)
        return 0;
    return (f.weight * Math.min(Math.max(0, now - a.idleSince) / 1000, f.idle_cap_s)) / f.idle_cap_s;
}
export function partsObject(parts) {
    const o = {};
    for (let i = 0; i < PART_COUNT; i++)
        o[SCORE_PARTS[i]] = round3(parts[i]);
    return o;
}
export const round3 = (x) => Math.round(x * 1000) / 1000;
//# sourceMappingURL=scoring.js.map