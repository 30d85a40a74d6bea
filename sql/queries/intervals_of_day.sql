-- 15-minute intervals of one local day for the wallboard's trend charts:
-- offered, answered, abandoned (short abandons < 5 s excluded) and service level,
-- each counted in the interval of the event that closes it (see README, metric definitions).
-- Params: tenant String, date String (YYYY-MM-DD, local), tz String (IANA).
WITH
    facts AS (
        SELECT
            channel,
            if(channel = 'voice', coalesce(offered_at, queued_at), coalesce(queued_at, offered_at)) AS offered_ts,
            answered_at,
            coalesce(abandoned_at, if(answered_at IS NULL, ended_at, NULL)) AS abandoned_ts,
            dateDiff('millisecond', if(channel = 'voice', coalesce(queued_at, offered_at), coalesce(queued_at, offered_at)), answered_at) AS wait,
            dateDiff('millisecond', if(channel = 'voice', coalesce(queued_at, offered_at), coalesce(queued_at, offered_at)), abandoned_ts) AS abandon_wait,
            if(channel = 'voice', 20000, 60000) AS threshold
        FROM interaction_facts
        WHERE tenant = {tenant:String} AND channel != 'ticket'
          AND last_ts >= toDateTime64(toDate({date:String}), 3, {tz:String}) - INTERVAL 1 DAY
    ),
    marks AS (
        SELECT offered_ts AS ts, 1 AS is_offered, 0 AS is_answered, 0 AS is_abandoned, 0 AS is_within FROM facts WHERE offered_ts IS NOT NULL
        UNION ALL
        SELECT answered_at, 0, 1, 0, wait <= threshold FROM facts WHERE answered_at IS NOT NULL
        UNION ALL
        SELECT abandoned_ts, 0, 0, 1, 0 FROM facts WHERE abandoned_ts IS NOT NULL AND answered_at IS NULL AND abandon_wait >= 5000
    )
SELECT
    toUnixTimestamp64Milli(toDateTime64(toStartOfInterval(toTimeZone(ts, {tz:String}), INTERVAL 15 MINUTE), 3)) AS t,
    toUInt32(sum(is_offered)) AS offered,
    toUInt32(sum(is_answered)) AS answered,
    toUInt32(sum(is_abandoned)) AS abandoned,
    if(answered + abandoned = 0, NULL, round(100 * sum(is_within) / (answered + abandoned), 1)) AS sl_pct
FROM marks
WHERE toDate(toTimeZone(ts, {tz:String})) = toDate({date:String})
GROUP BY t
ORDER BY t
