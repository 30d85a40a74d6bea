-- The interactions behind a report metric: the contacts that started in [from, to) (their first voice.offered or
-- voice.queued, chat.started or ticket.created), narrowed to those the metric is about (reports/drill.ts lists
-- which: handled ones for AHT, abandoned ones for the abandon rate, those whose customer came back within
-- repeat_days for first-contact resolution, breached tickets for SLA breaches, surveyed ones for NPS…), newest first.
--
-- Params: tenant String; from_ms, to_ms Int64; metric String (a report metric id with interactions);
--   channel, queue, team, site, agent String ('' = any; queue is the contact's last queue, agent its last agent);
--   repeat_days UInt32; sla_urgent_h, sla_high_h, sla_normal_h, sla_low_h UInt32; sentiment_delta Float64;
--   limit, offset UInt32.
-- Rows: interaction_id, channel, queue, team, agent_id, site, started (ms), handled_s (null when not handled),
--   customer_id (canonical), csat, nps, qa_score (a reviewer's corrected total when there is one), total (matching
--   rows before paging).
WITH
    86400000 AS day_ms,
    toInt64({repeat_days:UInt32}) * day_ms AS repeat_ms,
    aliases AS (
        SELECT alias, canonical FROM customer_aliases FINAL WHERE tenant = {tenant:String}
    ),
    starts AS (
        SELECT s.iid AS iid, s.t0 AS t0, s.channel AS channel, s.kind AS kind,
            if(a3.canonical != '', a3.canonical, if(a2.canonical != '', a2.canonical, if(a1.canonical != '', a1.canonical, s.customer))) AS customer
        FROM
        (
            SELECT interaction_id AS iid, min(toUnixTimestamp64Milli(ts)) AS t0, argMin(channel, ts) AS channel,
                splitByChar('.', argMin(type, ts))[1] AS kind, argMaxIf(customer_id, ts, customer_id != '') AS customer
            FROM events
            WHERE tenant = {tenant:String} AND type IN ('voice.offered', 'voice.queued', 'chat.started', 'ticket.created') AND interaction_id != ''
              AND ts >= fromUnixTimestamp64Milli({from_ms:Int64} - repeat_ms - day_ms) AND ts < fromUnixTimestamp64Milli({to_ms:Int64} + repeat_ms + day_ms)
            GROUP BY iid
        ) AS s
        LEFT JOIN aliases AS a1 ON a1.alias = s.customer
        LEFT JOIN aliases AS a2 ON a2.alias = a1.canonical
        LEFT JOIN aliases AS a3 ON a3.alias = a2.canonical
    ),
    visits AS (
        SELECT iid, t0, channel, kind, customer,
            if(customer = '', 0, lagInFrame(t0, 1, toInt64(0)) OVER seq) AS prev_t,
            if(customer = '', 0, leadInFrame(t0, 1, toInt64(0)) OVER seq) AS next_t,
            leadInFrame(channel, 1, '') OVER seq AS next_channel
        FROM starts
        WINDOW seq AS (PARTITION BY customer ORDER BY t0, iid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    ),
    picked AS (
        SELECT * FROM visits WHERE t0 >= {from_ms:Int64} AND t0 < {to_ms:Int64}
    ),
    details AS (
        -- Per interaction, from its events: where it was handled, tickets' life, a bot's part.
        SELECT
            interaction_id AS iid,
            argMaxIf(team, ts, team != '') AS team,
            argMaxIf(site, ts, site != '') AS site,
            anyIf(JSONExtractString(payload, 'priority'), type = 'ticket.created') AS priority,
            minIf(toUnixTimestamp64Milli(ts), type = 'ticket.created') + 3600000 * multiIf(priority = 'urgent', {sla_urgent_h:UInt32},
                priority = 'high', {sla_high_h:UInt32}, priority = 'low', {sla_low_h:UInt32}, {sla_normal_h:UInt32}) AS deadline,
            minIf(toUnixTimestamp64Milli(ts), type = 'ticket.resolved') AS resolved_t,
            countIf(type = 'ticket.reopened') > 0 AS reopened,
            countIf(channel = 'bot' OR (type = 'chat.message' AND JSONExtractString(payload, 'role') = 'bot')
                OR (type = 'chat.transferred_to_agent' AND JSONExtractBool(payload, 'from_bot'))) > 0 AS has_bot,
            countIf(type = 'chat.transferred_to_agent') > 0 AS to_agent
        FROM events
        WHERE tenant = {tenant:String} AND interaction_id IN (SELECT iid FROM picked)
          AND ts >= fromUnixTimestamp64Milli({from_ms:Int64} - day_ms) AND ts < fromUnixTimestamp64Milli({to_ms:Int64} + 30 * day_ms)
        GROUP BY iid
    ),
    qa AS (
        SELECT r.interaction_id AS iid, coalesce(rv.score, r.score) AS score, r.flagged AS flagged,
            r.sentiment_first AS s_first, r.sentiment_last AS s_last
        FROM (SELECT * FROM qa_results FINAL WHERE tenant = {tenant:String} AND interaction_id IN (SELECT iid FROM picked)) AS r
        LEFT JOIN
        (
            SELECT interaction_id, argMax(score, created_at) AS score
            FROM qa_reviews
            WHERE tenant = {tenant:String} AND kind = 'review' AND item = '' AND interaction_id IN (SELECT iid FROM picked)
            GROUP BY interaction_id
        ) AS rv ON rv.interaction_id = r.interaction_id
    ),
    rows AS (
        SELECT
            p.iid AS interaction_id,
            p.channel AS channel,
            f.last_queue AS queue,
            d.team AS team,
            f.agent_id AS agent_id,
            d.site AS site,
            p.t0 AS started,
            f.answered_at IS NOT NULL AS answered,
            answered AND f.ended_at IS NOT NULL AS handled,
            if(handled, greatest(0, f.talk_ms + toInt64(f.hold_ms) + greatest(0, coalesce(f.wrap_ms, 0))) / 1000, NULL) AS handled_s,
            p.customer AS customer_id,
            f.csat AS csat,
            f.nps AS nps,
            q.score AS qa_score,
            multiIf(
                {metric:String} IN ('offered'), p.kind IN ('voice', 'chat'),
                {metric:String} IN ('handled', 'aht', 'talk_time', 'hold_time', 'wrap_time', 'service_time_per_customer', 'contacts_per_agent_day'), p.kind IN ('voice', 'chat') AND handled,
                {metric:String} IN ('service_level', 'asa'), p.kind IN ('voice', 'chat') AND answered,
                {metric:String} = 'abandon_rate', p.kind IN ('voice', 'chat') AND NOT answered AND (f.abandoned_at IS NOT NULL OR f.ended_at IS NOT NULL),
                {metric:String} = 'transfers_per_contact', f.transfers > 0,
                {metric:String} = 'fcr', p.customer != '' AND (answered OR p.kind = 'ticket') AND p.next_t > 0 AND p.next_t - p.t0 <= repeat_ms,
                {metric:String} = 'repeat_contact_rate', p.customer != '' AND p.prev_t > 0 AND p.t0 - p.prev_t <= repeat_ms,
                {metric:String} = 'channel_switch_rate', p.customer != '' AND (answered OR p.kind = 'ticket') AND p.next_t > 0
                    AND p.next_t - p.t0 <= repeat_ms AND p.next_channel != p.channel,
                {metric:String} IN ('tickets_created', 'ticket_backlog', 'ticket_first_response', 'ticket_resolution_time'), p.kind = 'ticket',
                {metric:String} = 'ticket_reopen_rate', p.kind = 'ticket' AND d.reopened,
                {metric:String} = 'sla_breaches', p.kind = 'ticket'
                    AND ((d.resolved_t = 0 AND d.deadline < toUnixTimestamp64Milli(now64(3))) OR d.resolved_t > d.deadline),
                {metric:String} = 'nps', f.nps IS NOT NULL,
                {metric:String} IN ('csat', 'five_star_rate'), f.csat IS NOT NULL,
                {metric:String} IN ('csat_predicted', 'qa_score'), q.iid != '',
                {metric:String} = 'qa_flagged_rate', q.iid != '' AND q.flagged > 0,
                {metric:String} = 'sentiment_improved', q.s_last - q.s_first >= {sentiment_delta:Float64},
                {metric:String} = 'sentiment_worsened', q.s_first - q.s_last >= {sentiment_delta:Float64},
                {metric:String} = 'bot_containment', d.has_bot,
                false) AS wanted
        FROM picked AS p
        LEFT JOIN (SELECT * FROM interaction_facts WHERE tenant = {tenant:String} AND interaction_id IN (SELECT iid FROM picked)) AS f
            ON f.interaction_id = p.iid
        LEFT JOIN details AS d ON d.iid = p.iid
        LEFT JOIN qa AS q ON q.iid = p.iid
    )
SELECT interaction_id, channel, queue, team, agent_id, site, started, handled_s, customer_id, csat, nps, qa_score,
    count() OVER () AS total
FROM rows
WHERE wanted
  AND ({channel:String} = '' OR channel = {channel:String}) AND ({queue:String} = '' OR queue = {queue:String})
  AND ({team:String} = '' OR team = {team:String}) AND ({site:String} = '' OR site = {site:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
ORDER BY started DESC, interaction_id
LIMIT {limit:UInt32} OFFSET {offset:UInt32}
