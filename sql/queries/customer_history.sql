-- Every event of some customer ids across channels, oldest first (GET /v1/customers/<id>/history, `mofang customer history`).
-- Params: tenant String, ids Array(String), limit UInt32.
SELECT ts, channel, type, interaction_id, customer_id, agent_id, queue, identities, payload
FROM events WHERE tenant = {tenant:String} AND customer_id IN {ids:Array(String)}
ORDER BY ts, event_id LIMIT {limit:UInt32}
