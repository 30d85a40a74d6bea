-- Every tenant's active alarms (not ended), as stored last, with their version: the live metrics service takes them
-- back when it starts (live-metrics/alarms-store.ts). Times in ms since the epoch.
-- Params: none.
SELECT
    tenant, key, owner, row, severity, text, value, rule, version,
    toUnixTimestamp64Milli(started_at) AS started_at,
    toUnixTimestamp64Milli(acknowledged_at) AS acknowledged_at,
    acknowledged_by,
    toUnixTimestamp64Milli(ended_at) AS ended_at
FROM alarms FINAL
WHERE ended_at IS NULL
ORDER BY tenant, started_at
