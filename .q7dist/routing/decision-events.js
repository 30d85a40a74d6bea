/**
 * Engine decisions → `routing.*` events on the event stream, so the warehouse stores
 * them (the answer to "why did this customer go to that agent?") and wallboards can
 * follow them. Event ids are stable (engine epoch + decision sequence): a decision
 * published again after a crash is the same event, dropped by JetStream's duplicate
 * window and by readers that keep one row per event_id.
 */
import { SCHEMA_VERSION } from '../core/index.js';
import { explainDecision } from './explain.js';
export function decisionEvent(tenant, epoch, d, label, receivedAt) {
    const base = {
        v: SCHEMA_VERSION,
        event_id: `rt-${epoch}-${d.seq}`,
        tenant,
        ts: d.at,
        channel: label.channel,
        queue: label.queue,
        received_at: receivedAt,
        ...(label.customerId ? { customer_id: label.customerId } : {}),
    };
    switch (d.kind) {
        case 'assign': {
            const w = d.why;
            return {
                ...base,
                type: 'routing.assigned',
                interaction_id: d.contactId,
                agent_id: d.agentId,
                payload: {
                    agent_id: d.agentId,
                    policy: w.decidedBy,
                    score: w.winner.total,
                    reason: explainDecision(d),
                    trigger: d.trigger,
                    serving_queue: w.servingQueue,
                    candidates: w.candidates,
                    expansion_step: w.expansionStep,
                    parts: { ...w.winner.parts },
                    ...(w.runnerUp ? { runner_up: { id: w.runnerUp.id, score: w.runnerUp.total } } : {}),
                },
            };
        }
        case 'overflow':
            return {
                ...base,
                type: 'routing.overflowed',
                interaction_id: d.contactId,
                payload: { from_queue: d.from, to_queue: d.to },
            };
        case 'callback_offer':
            return {
                ...base,
                type: 'routing.callback_offered',
                interaction_id: d.contactId,
                payload: { predicted_wait_s: d.predictedWaitS, threshold_s: d.thresholdS },
            };
        default:
            // requeue and ignored stay internal: the next assign tells the story.
            return undefined;
    }
}
//# sourceMappingURL=decision-events.js.map