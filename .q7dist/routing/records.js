import { POLICY_NAMES } from './config.js';
export function makeQueue(name, policy) {
    const enabled = new Set(policy.policies);
    return {
        name,
        policy,
        on: Object.fromEntries(POLICY_NAMES.map((p) => [p, enabled.has(p)])),
        floor: Object.entries(policy.skills),
        expansionMs: policy.expansion.map((s) => Math.round(s.after_s * 1000)),
        overflowMs: policy.overflow.map((s) => Math.round(s.after_s * 1000)),
        pairMax: maxPairParts(policy, enabled),
        members: [],
        waiting: new Map(),
        available: new Map(),
    };
}
function maxPairParts(p, on) {
    let max = 0;
    if (on.has('skills'))
        max += p.skill_weight;
    if (on.has('tags'))
        max += p.tags.customer_weight + p.tags.agent_weight;
    if (on.has('rating'))
        max += 2 * p.rating.weight; // CSAT 5 is 2 points above neutral
    if (on.has('vip'))
        max += p.vip.dedicated_bonus;
    if (on.has('fairness'))
        max += p.fairness.weight;
    return max;
}
function setIn(m, k) {
    let s = m.get(k);
    if (!s)
        m.set(k, (s = new Set()));
    return s;
}
export const waitingIn = (q, channel) => setIn(q.waiting, channel);
export const availableIn = (q, channel) => setIn(q.available, channel);
/** Re-files the agent in the `available` index of her queues after any change of state, load or profile. */
export function refreshAvailability(a, exclusive) {
    for (const ch of Object.keys(a.capacity)) {
        const can = canTake(a, ch, exclusive.has(ch));
        for (const q of a.queues) {
            const s = availableIn(q, ch);
            if (can)
                s.add(a);
            else
                s.delete(a);
        }
    }
}
/** Takes the agent out of her queues' indexes, before her memberships are rebuilt. */
export function unindexAgent(a) {
    for (const q of a.queues) {
        q.members.splice(q.members.indexOf(a), 1);
        for (const s of q.available.values())
            s.delete(a);
    }
    a.queues = [];
}
export function makeAgent(profile, exclusive, at) {
    const a = {
        id: profile.id,
        profile,
        skills: new Map(),
        tags: new Set(),
        groups: new Set(),
        capacity: {},
        load: {},
        totalLoad: 0,
        exclusiveLoad: 0,
        capacityTotal: 0,
        state: 'logged_out',
        idleSince: at,
        csat: profile.csat,
        queues: [],
        held: new Map(),
    };
    applyProfile(a, profile, exclusive);
    return a;
}
/** (Re)derives the indexed fields from a profile; the held contacts and loads are kept. */
export function applyProfile(a, profile, exclusive) {
    a.profile = profile;
    a.skills = new Map(Object.entries(profile.skills));
    a.tags = new Set(profile.tags ?? []);
    a.groups = new Set(profile.groups ?? []);
    a.capacity = { ...profile.capacity };
    a.capacityTotal = Object.values(a.capacity).reduce((s, n) => s + (n ?? 0), 0);
    if (profile.csat !== undefined)
        a.csat = profile.csat;
    a.exclusiveLoad = 0;
    for (const [ch, n] of Object.entries(a.load))
        if (exclusive.has(ch))
            a.exclusiveLoad += n;
}
export function isMember(a, q) {
    for (const [skill, lvl] of q.floor)
        if ((a.skills.get(skill) ?? 0) < lvl)
            return false;
    return true;
}
/** Makes the agent a member of the queue, both ways. */
export function join(a, q) {
    q.members.push(a);
    a.queues.push(q);
}
/** Whether the agent can take one more contact on this channel right now. */
export function canTake(a, channel, exclusive) {
    if (a.state !== 'ready')
        return false;
    const cap = a.capacity[channel];
    if (!cap || (a.load[channel] ?? 0) >= cap)
        return false;
    return exclusive ? a.totalLoad === 0 : a.exclusiveLoad === 0;
}
export function addLoad(a, channel, exclusive, delta) {
    a.load[channel] = (a.load[channel] ?? 0) + delta;
    a.totalLoad += delta;
    if (exclusive)
        a.exclusiveLoad += delta;
}
export function isAtRisk(input, policy) {
    const h = input.history;
    if (!h)
        return false;
    if (h.sentiment !== undefined && h.sentiment <= policy.rating.at_risk_sentiment)
        return true;
    if (h.ratings?.length)
        return h.ratings.reduce((s, r) => s + r, 0) / h.ratings.length <= policy.rating.at_risk_rating;
    return false;
}
//# sourceMappingURL=records.js.map