import { RoutingEngine } from './engine.js';
import { emptyTenantConfig } from './config.js';
import { loadRoutingConfigFile } from './validate-config.js';
import { tenantsOf } from './tenants.js';
const channelOf = (v) => ('media' in v ? v.media : v.profile.media) === 'voice' ? 'voice' : 'webchat';
export function routingAssignment(config = emptyTenantConfig(), opts = {}) {
    const proficiency = opts.proficiency ?? 3;
    const profileOf = (a) => ({
        id: a.profile.id,
        skills: Object.fromEntries(a.profile.skills.map((s) => [s, proficiency])),
        groups: [a.profile.team],
        // The floor only offers agents with room; what they already hold is not the engine's to free.
        capacity: { [channelOf(a)]: Math.max(1, a.profile.capacity - a.active) },
    });
    const offer = (engine, c) => engine.offer({
        id: c.id,
        queue: c.queue,
        channel: channelOf(c),
        arrivedAt: c.waitingSince,
        skills: Object.fromEntries(c.needs.map((s) => [s, 1])),
    });
    const chosen = (decisions) => {
        const d = decisions.find((x) => x.kind === 'assign');
        if (d)
            opts.onDecision?.(d);
        return d;
    };
    return {
        agentFor(contact, available, now) {
            const engine = new RoutingEngine(config);
            for (const a of available)
                engine.agentState({
                    agentId: a.profile.id,
                    at: Math.min(a.idleSince, now),
                    state: 'ready',
                    profile: profileOf(a),
                });
            const d = chosen(offer(engine, contact));
            return d && available.find((a) => a.profile.id === d.agentId);
        },
        contactFor(agent, heads, now) {
            if (heads.length === 0)
                return undefined;
            const engine = new RoutingEngine(config);
            engine.agentState({
                agentId: agent.profile.id,
                at: Math.min(agent.idleSince, now),
                state: 'not_ready',
                profile: profileOf(agent),
            });
            for (const c of heads)
                offer(engine, c);
            engine.tick(now);
            const d = chosen(engine.agentState({ agentId: agent.profile.id, at: now, state: 'ready' }));
            return d && heads.find((c) => c.id === d.contactId);
        },
    };
}
/** The strategy for one tenant of a routing file (MOFANG_ROUTING_CONFIG), as `mofang start` would run it. */
export function routingAssignmentFromFile(path, tenant, opts) {
    const config = tenantsOf(loadRoutingConfigFile(path), [tenant]).get(tenant) ?? emptyTenantConfig(tenant);
    return routingAssignment(config, opts);
}
//# sourceMappingURL=assignment-strategy.js.map