/** A whole chat as ingest events (started, one message per turn a second apart, ended by the agent), for QA tests. */
export function chatEvents(chat) {
    const base = {
        tenant: chat.tenant,
        channel: 'wechat',
        interaction_id: chat.interactionId,
        queue: 'repair',
        customer: { wechat_openid: chat.openid },
        ...(chat.customerName && { customer_name: chat.customerName }),
    };
    const end = chat.t0 + (chat.turns.length + 1) * 1000;
    return [
        { ...base, ts: chat.t0, type: 'chat.started', payload: {} },
        ...chat.turns.map(([role, text], i) => ({
            ...base,
            ts: chat.t0 + (i + 1) * 1000,
            type: 'chat.message',
            agent_id: role === 'agent' ? chat.agentId : undefined,
            payload: { role, text },
        })),
        { ...base, ts: end, type: 'chat.ended', agent_id: chat.agentId, payload: { ended_by: 'agent' } },
    ];
}
//# sourceMappingURL=chat-events.js.map