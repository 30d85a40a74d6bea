-- The current build of each local day that has one (report_builds: the newest built_at wins).
-- Params: tenant String; tz String; from, to Date (both included).
-- Rows: date (the day, YYYY-MM-DD), build_id, built_at_ms (when it was built, ms), changes_to_ms (the newest change it saw, ms).
SELECT
    toString(day) AS date,
    argMax(build_id, built_at) AS build_id,
    toUnixTimestamp64Milli(max(built_at)) AS built_at_ms,
    toUnixTimestamp64Milli(argMax(changes_to, built_at)) AS changes_to_ms
FROM report_builds
WHERE tenant = {tenant:String} AND tz = {tz:String} AND day >= {from:Date} AND day <= {to:Date}
GROUP BY day
