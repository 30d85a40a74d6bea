-- The error codes and product models seen in one customer's past contacts, each value once, most recently seen
-- first (GET /api/customers/:id/profile): the facts QA found in their words (qa_results.facts) and those OCR read
-- from their screenshots (message_ocr.facts).
-- Params: tenant String, iids Array(String) (the customer's interactions), limit UInt32.
SELECT kind, value
FROM
(
    SELECT JSONExtractString(j, 'kind') AS kind, JSONExtractString(j, 'value') AS value, ended_at AS seen
    FROM qa_results FINAL
    ARRAY JOIN JSONExtractArrayRaw(facts) AS j
    WHERE tenant = {tenant:String} AND interaction_id IN {iids:Array(String)}
    UNION ALL
    SELECT JSONExtractString(j, 'kind'), JSONExtractString(j, 'value'), ts
    FROM message_ocr FINAL
    ARRAY JOIN JSONExtractArrayRaw(facts) AS j
    WHERE tenant_id = {tenant:String} AND interaction_id IN {iids:Array(String)} AND error = ''
)
WHERE kind IN ('error_code', 'product_model') AND value != ''
GROUP BY kind, value
ORDER BY max(seen) DESC, kind, value
LIMIT {limit:UInt32}
