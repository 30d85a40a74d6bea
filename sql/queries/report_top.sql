-- Contact reasons and key facts per local day from the daily rollup (report_daily rows with a top_kind): contacts
-- per reason (a ticket's category, else the contact's queue) and QA-scored interactions per error code and product
-- model, for the current and the previous period.
--
-- Params: tenant String; tz String; from, to Date (the previous period's first day, the current period's last);
--   current_from Date; builds Array(String) (the current build of each day); channel, queue, team, site String
--   ('' = any).
-- Rows: period ('current' | 'previous'), date (the day, YYYY-MM-DD), kind, value, contacts.
SELECT
    if(day >= {current_from:Date}, 'current', 'previous') AS period,
    toString(day) AS date,
    top_kind AS kind,
    top_value AS value,
    sum(top_contacts) AS contacts
FROM report_daily
WHERE tenant = {tenant:String} AND tz = {tz:String} AND day >= {from:Date} AND day <= {to:Date}
  AND build_id IN {builds:Array(String)} AND top_kind != ''
  AND ({channel:String} = '' OR channel = {channel:String}) AND ({queue:String} = '' OR queue = {queue:String})
  AND ({team:String} = '' OR team = {team:String}) AND ({site:String} = '' OR site = {site:String})
GROUP BY period, day, kind, value
