-- One tenant's audit log in [from, to), newest first (GET /api/admin/audit); action '' = every action.
-- Params: tenant String, from and to Int64 (ms since the epoch), action String, limit UInt32.
SELECT ts, actor, action, target, detail
FROM audit_log
WHERE tenant = {tenant:String}
  AND ts >= fromUnixTimestamp64Milli({from:Int64})
  AND ts < fromUnixTimestamp64Milli({to:Int64})
  AND ({action:String} = '' OR action = {action:String})
ORDER BY ts DESC
LIMIT {limit:UInt32}
