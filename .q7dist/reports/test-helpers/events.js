export const TZ = 'Asia/Shanghai';
/** `2026-03-02 10:00:25` in Asia/Shanghai, ms. */
export const at = (local) => Date.parse(`${local.replace(' ', 'T')}+08:00`);
let seq = 0;
/** One stored event; `extra` fills the envelope (agent_id, queue, team, site, customer_id, merged_from…). */
export function ev(tenant, time, type, interaction_id, extra = {}) {
    const ts = at(time);
    const family = type.split('.')[0];
    const channel = family === 'voice' ? 'voice' : family === 'chat' ? 'wechat' : family === 'ticket' ? 'email' : 'voice';
    return {
        v: 1,
        event_id: `e${++seq}`,
        tenant,
        ts,
        received_at: ts,
        channel,
        type,
        interaction_id,
        payload: {},
        ...extra,
    };
}
//# sourceMappingURL=events.js.map