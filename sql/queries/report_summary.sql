-- The sums of the daily rollup (report_daily) behind one report: per local day, per period, per channel, queue,
-- team and site, and per agent, each for the current and the previous period. reports/report.ts turns the sums into
-- metric values (README "Reports"); `names` says which sum is which, so the order lives in this file only.
-- `customers` is the exact number of distinct customers served in the group.
--
-- Params: tenant String; tz String; from, to Date (the previous period's first day, the current period's last);
--   current_from Date (the current period's first day); granularity String ('daily' | 'weekly' | 'monthly': the
--   buckets of a report over several periods); builds Array(String) (the current build of each day,
--   report_builds); channel, queue, team, site String ('' = any). Agents' time rows (no channel and no queue) are
--   narrowed by team and site only: an agent's state is not per channel.
-- Rows: grouping_set ('day' | 'bucket' (keyed by the first day of its week or month) | 'period' | 'channel' |
--   'queue' | 'team' | 'site' | 'agent'), period ('current' | 'previous'), key (the day or bucket YYYY-MM-DD, the
--   channel, queue…, agent id; '' for 'period'), agent_team and agent_site (an agent's most frequent), names, sums,
--   customers. One pass over the rollup rows (GROUPING SETS).
WITH
    picked AS (
        SELECT
            day, channel, queue, team, site, agent_id,
            if(day >= {current_from:Date}, 'current', 'previous') AS period,
            multiIf({granularity:String} = 'weekly', toMonday(day), {granularity:String} = 'monthly', toStartOfMonth(day), day) AS bucket,
            [toFloat64(offered), toFloat64(offered_legs), toFloat64(answered), toFloat64(answered_legs),
            toFloat64(answered_in_sl), toFloat64(answered_in_sl_legs), toFloat64(abandoned),
            toFloat64(abandoned_legs), toFloat64(wait_ms), toFloat64(wait_ms_legs), toFloat64(handled),
            toFloat64(talk_ms), toFloat64(hold_ms), toFloat64(wrap_ms), toFloat64(transfers),
            toFloat64(contacts), toFloat64(repeat_contacts), toFloat64(fcr_eligible), toFloat64(fcr_resolved),
            toFloat64(switched), toFloat64(served_ms), toFloat64(tickets_created), toFloat64(first_responses),
            toFloat64(first_response_ms), toFloat64(resolutions), toFloat64(resolution_ms),
            toFloat64(reopens), toFloat64(sla_breaches_urgent), toFloat64(sla_breaches_high),
            toFloat64(sla_breaches_normal), toFloat64(sla_breaches_low), toFloat64(backlog),
            toFloat64(nps_responses), toFloat64(nps_promoters), toFloat64(nps_detractors),
            toFloat64(csat_responses), toFloat64(csat_satisfied), toFloat64(csat_five),
            toFloat64(csat_predicted_n), toFloat64(csat_predicted_satisfied), toFloat64(qa_scored),
            toFloat64(qa_score_sum), toFloat64(qa_flagged), toFloat64(sentiment_n),
            toFloat64(sentiment_improved), toFloat64(sentiment_worsened), toFloat64(bot_sessions),
            toFloat64(bot_contained), toFloat64(logged_in_ms), toFloat64(ready_ms), toFloat64(not_ready_ms),
            toFloat64(wrap_state_ms), toFloat64(busy_ms), toFloat64(agent_days), toFloat64(required_ms)] AS
            sums,
            customers
        FROM report_daily
        WHERE tenant = {tenant:String} AND tz = {tz:String} AND day >= {from:Date} AND day <= {to:Date}
          AND build_id IN {builds:Array(String)} AND top_kind = ''
          AND ((channel = '' AND queue = '' AND agent_id != '')
               OR (({channel:String} = '' OR channel = {channel:String}) AND ({queue:String} = '' OR queue = {queue:String})))
          AND ({team:String} = '' OR team = {team:String}) AND ({site:String} = '' OR site = {site:String})
    ),
    ['offered', 'offered_legs', 'answered', 'answered_legs', 'answered_in_sl', 'answered_in_sl_legs',
    'abandoned', 'abandoned_legs', 'wait_ms', 'wait_ms_legs', 'handled', 'talk_ms', 'hold_ms', 'wrap_ms',
    'transfers', 'contacts', 'repeat_contacts', 'fcr_eligible', 'fcr_resolved', 'switched', 'served_ms',
    'tickets_created', 'first_responses', 'first_response_ms', 'resolutions', 'resolution_ms', 'reopens',
    'sla_breaches_urgent', 'sla_breaches_high', 'sla_breaches_normal', 'sla_breaches_low', 'backlog',
    'nps_responses', 'nps_promoters', 'nps_detractors', 'csat_responses', 'csat_satisfied', 'csat_five',
    'csat_predicted_n', 'csat_predicted_satisfied', 'qa_scored', 'qa_score_sum', 'qa_flagged', 'sentiment_n',
    'sentiment_improved', 'sentiment_worsened', 'bot_sessions', 'bot_contained', 'logged_in_ms', 'ready_ms',
    'not_ready_ms', 'wrap_state_ms', 'busy_ms', 'agent_days', 'required_ms'] AS names
SELECT
    multiIf(grouping(day) = 0, 'day', grouping(bucket) = 0, 'bucket', grouping(channel) = 0, 'channel',
        grouping(queue) = 0, 'queue', grouping(team) = 0, 'team', grouping(site) = 0, 'site',
        grouping(agent_id) = 0, 'agent', 'period') AS grouping_set,
    period,
    multiIf(grouping_set = 'day', toString(day), grouping_set = 'bucket', toString(bucket), grouping_set = 'channel', channel,
        grouping_set = 'queue', queue, grouping_set = 'team', team, grouping_set = 'site', site, grouping_set = 'agent', agent_id,
        '') AS key,
    if(grouping_set = 'agent', topKIf(1)(team, team != '')[1], '') AS agent_team,
    if(grouping_set = 'agent', topKIf(1)(site, site != '')[1], '') AS agent_site,
    names,
    sumForEach(sums) AS sums,
    uniqExactMerge(customers) AS customers
FROM picked
GROUP BY GROUPING SETS (
    (period, day), (period, bucket), (period), (period, channel), (period, queue), (period, team), (period, site),
    (period, agent_id))
-- A set's rows where its key is empty (contacts no queue named, agents' time of no channel) are left out.
HAVING grouping_set IN ('day', 'bucket', 'period') OR key != ''
