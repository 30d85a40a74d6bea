-- What one customer's events say about them (GET /api/customers/:id/profile): the channels they used, their VIP tier
-- (the highest on any event, 0 = none) and how many of their contacts were complaints: sent to a complaints queue, a
-- ticket filed under a complaint category, or a customer message saying 投诉, 差评 or complain.
-- Params: tenant String, ids Array(String) (the customer ids), iids Array(String) (their interactions).
SELECT
    arraySort(groupUniqArrayIf(channel, interaction_id != '')) AS channels,
    max(vip) AS vip,
    uniqExactIf(interaction_id, interaction_id != '' AND (
        match(queue, '(?i)complain|投诉')
        OR (type = 'ticket.created' AND match(JSONExtractString(payload, 'category'), '(?i)complain|投诉'))
        OR (type IN ('chat.message', 'ticket.comment') AND JSONExtractString(payload, 'role') = 'customer'
            AND match(JSONExtractString(payload, 'text'), '(?i)投诉|差评|complain')))) AS complaints
FROM events
WHERE tenant = {tenant:String}
  AND NOT startsWith(type, 'agent.')
  AND (customer_id IN {ids:Array(String)} OR interaction_id IN {iids:Array(String)})
