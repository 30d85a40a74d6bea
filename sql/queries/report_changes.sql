-- When each local day's inputs last changed: rows arriving in events, qa_results or forecasts (report_changes, kept
-- by materialized views per UTC hour; an hour that straddles two local days, in a zone with a :30 or :45 offset,
-- marks both), and reviewers' corrected QA totals (qa_reviews, on the day the reviewed interaction ended).
-- Params: tenant String; tz String; from, to Date (both included).
-- Rows: date (the day, YYYY-MM-DD), changed_ms (ms).
SELECT toString(day) AS date, toUnixTimestamp64Milli(max(changed)) AS changed_ms
FROM
(
    SELECT arrayJoin(arrayDistinct([toDate(hour, {tz:String}), toDate(hour + 3599, {tz:String})])) AS day, changed_at AS changed
    FROM report_changes
    WHERE tenant = {tenant:String}
      AND hour >= toDateTime({from:Date}, {tz:String}) - INTERVAL 1 HOUR AND hour < toDateTime({to:Date} + 1, {tz:String})
    UNION ALL
    SELECT toDate(q.ended_at, {tz:String}), r.created_at
    FROM qa_reviews AS r
    INNER JOIN
    (
        SELECT interaction_id, ended_at FROM qa_results
        WHERE tenant = {tenant:String}
          AND ended_at >= toDateTime64({from:Date}, 3, {tz:String}) AND ended_at < toDateTime64({to:Date} + 1, 3, {tz:String})
    ) AS q ON q.interaction_id = r.interaction_id
    WHERE r.tenant = {tenant:String} AND r.kind = 'review' AND r.item = ''
)
WHERE day >= {from:Date} AND day <= {to:Date}
GROUP BY day
