/**
 * Events → engine inputs: which stream events move the router, and how an agent's
 * profile is read from her events. Pure functions, so the binding stays a thin loop.
 */
import { MESSAGING_CHANNELS } from '../core/index.js';
export const PROFILE_DEFAULTS = { proficiency: 3, chatSeats: 3 };
const AGENT_STATES = {
    'agent.login': 'not_ready',
    'agent.ready': 'ready',
    'agent.not_ready': 'not_ready',
    'agent.wrap_up': 'wrap_up',
    'agent.logout': 'logged_out',
};
/** `repair:4` → ['repair', 4]; `lang:zh` and `repair` get the default level. */
function skillLevel(skill, fallback) {
    const m = /^(.+):([1-5])$/.exec(skill);
    return m ? [m[1], Number(m[2])] : [skill, fallback];
}
export function skillMap(skills, fallback) {
    return Object.fromEntries((skills ?? []).map((s) => skillLevel(s, fallback)));
}
/**
 * An agent's profile from an event that lists her skills (`agent.login`, or any agent event carrying `skills`).
 * Voice agents (events on the voice channel) hold one call; others hold `chatSeats` chats per messaging channel.
 */
export function profileOf(e, d) {
    if (!e.agent_id || !e.skills?.length)
        return undefined;
    const capacity = e.channel === 'voice' ? { voice: 1 } : Object.fromEntries(MESSAGING_CHANNELS.map((ch) => [ch, d.chatSeats]));
    return {
        id: e.agent_id,
        skills: skillMap(e.skills, d.proficiency),
        tags: e.tags,
        groups: e.team ? [e.team] : undefined,
        capacity,
    };
}
/** The engine input an event stands for, or undefined for events the router does not need. */
export function inputOf(e, d = PROFILE_DEFAULTS) {
    const state = AGENT_STATES[e.type];
    if (state)
        return e.agent_id ? { kind: 'agent', agentId: e.agent_id, at: e.ts, state, profile: profileOf(e, d) } : undefined;
    const id = e.interaction_id;
    if (!id)
        return undefined;
    switch (e.type) {
        case 'voice.queued':
        case 'chat.transferred_to_agent':
            if (!e.queue)
                return undefined;
            return {
                kind: 'offer',
                contact: {
                    id,
                    queue: e.queue,
                    channel: e.channel,
                    arrivedAt: e.ts,
                    tags: e.tags,
                    vip: e.vip,
                    customerId: e.customer_id,
                    skills: e.skills?.length ? skillMap(e.skills, 1) : undefined,
                },
            };
        case 'voice.answered':
            return { kind: 'answered', contactId: id, at: e.ts };
        case 'chat.message':
            // A chat is "answered" when the agent first writes; later messages are ignored by the engine.
            return e.payload.role === 'agent' ? { kind: 'answered', contactId: id, at: e.ts } : undefined;
        case 'voice.abandoned':
            return { kind: 'abandoned', contactId: id, at: e.ts };
        case 'voice.ended':
        case 'chat.ended':
            return { kind: 'ended', contactId: id, at: e.ts };
        default:
            return undefined;
    }
}
//# sourceMappingURL=inputs.js.map