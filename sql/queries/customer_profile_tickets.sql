-- One customer's open tickets, newest first (GET /api/customers/:id/profile): created, and not resolved since their
-- last reopening, nor moved to a closing status. `status` is the last status_changed value, else open/reopened.
-- Params: tenant String, iids Array(String) (the customer's interactions), limit UInt32.
SELECT interaction_id, subject, priority, created_at, status
FROM
(
    SELECT
        interaction_id,
        argMinIf(JSONExtractString(payload, 'subject'), ts, type = 'ticket.created') AS subject,
        argMinIf(JSONExtractString(payload, 'priority'), ts, type = 'ticket.created') AS priority,
        toUnixTimestamp64Milli(minIf(ts, type = 'ticket.created')) AS created_at,
        countIf(type = 'ticket.created') AS created,
        countIf(type = 'ticket.resolved') AS resolutions,
        maxIf(ts, type = 'ticket.resolved') AS resolved_at,
        maxIf(ts, type = 'ticket.reopened') AS reopened_at,
        argMaxIf(JSONExtractString(payload, 'to'), ts, type = 'ticket.status_changed') AS last_status,
        if(last_status != '', last_status, if(reopened_at > resolved_at, 'reopened', 'open')) AS status
    FROM events
    WHERE tenant = {tenant:String} AND startsWith(type, 'ticket.') AND interaction_id IN {iids:Array(String)}
    GROUP BY interaction_id
)
WHERE created > 0
  AND (resolutions = 0 OR reopened_at > resolved_at)
  AND lower(status) NOT IN ('resolved', 'closed', 'solved')
ORDER BY created_at DESC, interaction_id
LIMIT {limit:UInt32}
