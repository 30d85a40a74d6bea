-- One customer's latest survey answers, newest first (GET /api/customers/:id/profile): NPS 0-10 and CSAT 1-5.
-- Params: tenant String, ids Array(String) (the customer ids), iids Array(String) (their interactions), limit UInt32.
SELECT toUnixTimestamp64Milli(ts) AS ts, type, JSONExtractInt(payload, 'score') AS score
FROM events
WHERE tenant = {tenant:String}
  AND type IN ('survey.nps', 'survey.csat')
  AND (customer_id IN {ids:Array(String)} OR interaction_id IN {iids:Array(String)})
  AND JSONType(payload, 'score') IN ('Int64', 'UInt64', 'Double')
ORDER BY ts DESC, event_id
LIMIT {limit:UInt32}
