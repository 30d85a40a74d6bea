-- One tenant's alarms that are active, or ended since since_ms, in the states asked for (GET /api/alarms): as on the
-- wall, those not acknowledged first, then critical, then the newest; the ended ones after them, newest first. Times
-- in ms since the epoch.
-- Params: tenant String, since_ms Int64 (ms since the epoch), active, acknowledged and ended UInt8 (1 = list alarms
-- in that state: active = not acknowledged and not ended), limit UInt32.
SELECT
    tenant, key, owner, row, severity, text, value, rule, version,
    toUnixTimestamp64Milli(started_at) AS started_at,
    toUnixTimestamp64Milli(acknowledged_at) AS acknowledged_at,
    acknowledged_by,
    toUnixTimestamp64Milli(ended_at) AS ended_at
FROM alarms FINAL
WHERE tenant = {tenant:String}
  AND (ended_at IS NULL OR ended_at >= fromUnixTimestamp64Milli({since_ms:Int64}))
  AND multiIf(
        ended_at IS NOT NULL, {ended:UInt8},
        acknowledged_at IS NOT NULL, {acknowledged:UInt8},
        {active:UInt8}) = 1
ORDER BY ended_at IS NULL DESC, acknowledged_at IS NULL DESC, severity = 'critical' DESC, started_at DESC, key
LIMIT {limit:UInt32}
