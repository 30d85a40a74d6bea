-- Marks in report_changes every hour that has rows in events, qa_results or forecasts and no mark yet: the rows
-- stored before the materialized views of sql/migrations/0012_report_rollups.sql existed (an upgrade, a restored
-- backup). Run by the reports part once per process before its first build; a second run inserts nothing.
-- Params: none.
INSERT INTO report_changes (tenant, hour, changed_at)
SELECT tenant, hour, now64(3)
FROM
(
    SELECT DISTINCT tenant, toStartOfHour(ts) AS hour FROM events
    UNION DISTINCT
    SELECT DISTINCT tenant, toStartOfHour(ended_at) FROM qa_results
    UNION DISTINCT
    SELECT DISTINCT tenant, toStartOfHour(interval_start) FROM forecasts
)
WHERE (tenant, hour) NOT IN (SELECT tenant, hour FROM report_changes)
