-- The planner page's surge alerts: one tenant's latest 20 raised in the last day, newest first.
-- Params: tenant String.
SELECT alert_id, region, queues, window_start, window_end, expected_extra_contacts, expected_extra_agents, reason, toUnixTimestamp64Milli(raised_at) AS raised_at
FROM surge_alerts
WHERE tenant = {tenant:String} AND raised_at >= now64(3) - INTERVAL 1 DAY
ORDER BY raised_at DESC
LIMIT 20
