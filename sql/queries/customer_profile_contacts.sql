-- The latest contacts of one customer with their outcome, newest first (GET /api/customers/:id/profile):
-- abandoned (left the queue), open (not ended yet), resolved (a ticket closed), handled (an agent answered and it
-- ended), unanswered (ended with no agent: a bot conversation or a drop).
-- Params: tenant String, iids Array(String) (the customer's interactions, customer_interactions.sql), limit UInt32.
SELECT
    interaction_id,
    channel,
    toUnixTimestamp64Milli(first_ts) AS started_at,
    multiIf(
        abandoned_at IS NOT NULL, 'abandoned',
        ended_at IS NULL, 'open',
        channel = 'ticket', 'resolved',
        answered_at IS NOT NULL, 'handled',
        'unanswered') AS outcome,
    nullIf(first_queue, '') AS queue,
    nullIf(agent_id, '') AS agent_id
FROM interaction_facts
WHERE tenant = {tenant:String} AND interaction_id IN {iids:Array(String)}
ORDER BY first_ts DESC, interaction_id
LIMIT {limit:UInt32}
