/** Every policy a queue can switch on; `policies: []` is plain FCFS (oldest contact, longest-idle agent). */
export const POLICY_NAMES = [
    'priority',
    'skills',
    'vip',
    'tags',
    'affinity',
    'rating',
    'fairness',
    'overflow',
    'callback',
];
export const BUILTIN_DEFAULTS = {
    policies: [...POLICY_NAMES],
    priority: 0,
    aging_per_s: 1,
    expansion: [{ after_s: 0, min_proficiency: 1 }],
    skill_weight: 10,
    tags: { customer_weight: 10, agent_weight: 5 },
    vip: { min_tier: 1, priority_per_tier: 30, dedicated_bonus: 20, reserve_s: 0, target_s: 15 },
    affinity: { timeout_s: 30, bonus: 40, max_age_h: 720 },
    rating: { at_risk_rating: 2.5, at_risk_sentiment: -0.3, weight: 15, priority_boost: 10 },
    fairness: { mode: 'longest_idle', weight: 5, idle_cap_s: 300 },
    overflow: [],
    callback: { predicted_wait_s: 600, default_aht_s: 300 },
    service_level_s: 20,
};
const NESTED = ['tags', 'vip', 'affinity', 'rating', 'fairness', 'callback'];
function overlay(base, top) {
    const out = { ...base, ...top };
    for (const key of NESTED)
        if (base[key] || top[key])
            out[key] = { ...base[key], ...top[key] };
    return out;
}
/** The full policy of a queue: built-in defaults ← tenant defaults ← queue settings. */
export function resolveQueuePolicy(cfg, queue) {
    const merged = overlay(overlay(BUILTIN_DEFAULTS, cfg.defaults), cfg.queues[queue] ?? {});
    return { ...merged, skills: cfg.queues[queue]?.skills ?? { [queue]: 1 } };
}
/** A tenant config with nothing set: every queue gets the built-in defaults. */
export function emptyTenantConfig(tenant) {
    return { tenant, exclusive_channels: ['voice'], require_language: true, defaults: {}, queues: {} };
}
//# sourceMappingURL=config.js.map