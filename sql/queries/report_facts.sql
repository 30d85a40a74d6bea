-- The report metrics of the local days in [from, to), from raw events (and qa_results, qa_reviews, forecasts,
-- customer_aliases), as additive rows per local day × channel × queue × team × site × agent: the rows of the daily
-- rollup report_daily, column for column (a build inserts them as they are: reports/rollups.ts), and what a raw
-- report reads. README "Reports" defines every metric; this file is where they are computed.
--
-- Params:
--   tenant String; tz String (IANA: local days); from_ms, to_ms Int64 (local midnights, `to` excluded);
--   build_id String (stored with the rows); voice_sl_s, chat_sl_s UInt32 (SL thresholds, the wall's 20 and 60);
--   short_abandon_ms UInt32 (the wall's 5000); repeat_days UInt32 (MOFANG_REPORT_REPEAT_DAYS);
--   sla_urgent_h, sla_high_h, sla_normal_h, sla_low_h UInt32 (ticket resolution targets by priority);
--   backlog_days UInt32 (tickets older than this at a fact's time take no part in ticket figures);
--   sentiment_delta Float64 (customer sentiment change, last third − first third, that counts as improved/worsened).
--
-- Every fact is counted on the local day of the moment that settles it, so the rows of [from, to) are the same
-- whether computed in one pass or day by day (the rollup cross-check, reports/rollups.e2e.test.ts):
--   contacts and legs: the wall's definitions (contact_metrics.sql, README "Metric definitions"): offered at the
--     offer, answered/SL/ASA at the answer, abandoned at the abandon, handled/talk/hold/wrap/transfer at the close
--     of the agent's segment; `*_legs` count every queue leg of a transferred call, the others the first leg;
--   resolution: at the contact's start (its first voice.offered/queued, chat.started or ticket.created), for
--     contacts whose merged (canonical) customer is known; a contact is resolved at first contact when the same
--     customer makes no other contact, on any channel, within repeat_days after it; it switched channel when
--     that next contact came on another channel; it is a repeat when another contact came within repeat_days
--     before it;
--   tickets: created at creation, first response at the first public agent comment, resolution (time from
--     creation) at each ticket.resolved, reopen at ticket.reopened, an SLA breach at the deadline (creation +
--     target of its priority) when not resolved by then, the backlog at the end of each local day;
--   surveys at the survey; QA at the interaction's end (ended_at), with a reviewer's corrected total when there is
--     one; bot containment at the chat's end; agents' state time at the event that ends each state (a state longer
--     than 12 h is taken as a missing logout and not counted); busy time (contacts of an agent merged where they
--     overlap, for occupancy) at each segment's close; required agent time at its forecast interval.
-- Reads events from (from − max(repeat_days, backlog_days, 1 day)) to (to + max(repeat_days, 1 day)).
WITH
    86400000 AS day_ms,
    43200000 AS longest_state_ms,
    {from_ms:Int64} - day_ms AS lookback_ms,
    {to_ms:Int64} + day_ms AS lookahead_ms,
    toInt64({repeat_days:UInt32}) * day_ms AS repeat_ms,
    toInt64({backlog_days:UInt32}) * day_ms AS backlog_ms,
    voice AS (
        SELECT
            *,
            -- The transfer that closes a leg belongs to it; the events after it to the next leg.
            countIf(type = 'voice.transfer') OVER before AS leg,
            maxIf(t, type = 'voice.transfer') OVER before AS transfer_t,
            argMaxIf(to_queue, pos, type = 'voice.transfer') OVER before AS transfer_queue,
            argMinIf(queue, pos, queue != '') OVER call AS first_queue
        FROM
        (
            SELECT
                interaction_id AS iid,
                toUnixTimestamp64Milli(ts) AS t,
                type,
                channel,
                queue,
                team,
                site,
                agent_id AS agent,
                if(type = 'voice.transfer', JSONExtractString(payload, 'to_queue'), '') AS to_queue,
                -- Same-millisecond events in the order of a contact's life (engine: slim.ts byTime).
                row_number() OVER (PARTITION BY interaction_id ORDER BY ts, multiIf(type = 'voice.offered', 0, type = 'voice.ivr', 1,
                    type = 'voice.queued', 2, type = 'voice.answered', 4, type = 'voice.hold', 6, type = 'voice.unhold', 7,
                    type = 'voice.transfer', 8, type = 'voice.abandoned', 9, type = 'voice.ended', 10, 5), event_id) AS pos
            FROM events
            WHERE tenant = {tenant:String} AND startsWith(type, 'voice.') AND interaction_id != ''
              AND ts >= fromUnixTimestamp64Milli(lookback_ms) AND ts < fromUnixTimestamp64Milli(lookahead_ms)
        )
        WINDOW
            call AS (PARTITION BY iid),
            before AS (PARTITION BY iid ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
    ),
    voice_live AS (
        -- Drops what follows the end of the call.
        SELECT * FROM
        (
            SELECT *, minIf(pos, type = 'voice.ended' OR (type = 'voice.abandoned' AND answers_before = 0)) OVER call AS stop_pos
            FROM
            (
                SELECT *, countIf(type = 'voice.answered') OVER (PARTITION BY iid, leg ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS answers_before
                FROM voice
            )
            WINDOW call AS (PARTITION BY iid)
        )
        WHERE stop_pos = 0 OR pos <= stop_pos
    ),
    voice_legs_raw AS (
        SELECT
            iid,
            leg,
            any(channel) AS leg_channel,
            any(first_queue) AS call_first_queue,
            any(transfer_t) AS opened_by_transfer_t,
            any(transfer_queue) AS opened_to_queue,
            arraySort(x -> x.1, groupArray((pos, t, type, queue, team, agent, site))) AS evs_all,
            -- Events before the first leg opens (IVR, stray holds) take no part in it.
            if(leg = 0, arraySlice(evs_all, greatest(1, arrayFirstIndex(x -> x.3 IN ('voice.offered', 'voice.queued', 'voice.answered', 'voice.abandoned', 'voice.ended'), evs_all))), evs_all) AS evs,
            arrayFirstIndex(x -> x.3 = 'voice.answered', evs) AS ans_idx,
            -- Until the answer the contact is in the queue: the latest queue/team named wins.
            if(ans_idx > 0, arraySlice(evs, 1, ans_idx), evs) AS pre,
            evs[-1] AS last_ev
        FROM voice_live
        GROUP BY iid, leg
        HAVING leg > 0 OR arrayExists(x -> x.3 IN ('voice.offered', 'voice.queued', 'voice.answered', 'voice.abandoned', 'voice.ended'), evs_all)
    ),
    voice_legs AS (
        SELECT
            iid,
            leg,
            leg_channel AS channel,
            arrayLast(x -> x.4 != '' AND x.3 != 'voice.transfer', pre).4 AS named_queue,
            if(named_queue != '', named_queue, if(leg = 0, call_first_queue, if(opened_to_queue != '', opened_to_queue, lagInFrame(named_queue) OVER legs))) AS leg_queue,
            arrayLast(x -> x.5 != '', pre).5 AS leg_team,
            if(ans_idx > 0, evs[greatest(ans_idx, 1)].7, '') AS leg_site,
            if(leg = 0, evs[1].2, opened_by_transfer_t) AS offered_t,
            -- The SL clock starts at the (latest) voice.queued of the first leg, else when the leg opened.
            if(leg = 0 AND arrayExists(x -> x.3 = 'voice.queued', pre), arrayLast(x -> x.3 = 'voice.queued', pre).2, offered_t) AS wait_from,
            ans_idx > 0 AS answered,
            evs[greatest(ans_idx, 1)].2 AS answered_t,
            if(ans_idx > 0, evs[greatest(ans_idx, 1)].6, '') AS leg_agent,
            last_ev.3 = 'voice.transfer' OR last_ev.3 = 'voice.ended' OR (last_ev.3 = 'voice.abandoned' AND ans_idx = 0) AS closed,
            last_ev.2 AS closed_t,
            answered AND last_ev.3 = 'voice.transfer' AS transferred,
            -- Hold from voice.hold to voice.unhold after the answer; a hold open at the close counts until it.
            arrayFold((acc, x) -> multiIf(x.3 = 'voice.hold' AND acc.2 < 0, (acc.1, x.2), x.3 = 'voice.unhold' AND acc.2 >= 0, (acc.1 + x.2 - acc.2, toInt64(-1)), acc),
                arraySlice(evs, greatest(ans_idx, 1)), (toInt64(0), toInt64(-1))) AS hold_fold,
            if(ans_idx = 0, 0, hold_fold.1 + if(closed AND hold_fold.2 >= 0, closed_t - hold_fold.2, 0)) AS hold_ms
        FROM voice_legs_raw
        WINDOW legs AS (PARTITION BY iid ORDER BY leg ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    ),
    chats AS (
        SELECT
            iid,
            arraySort(x -> (x.1, x.2, x.3), groupArray((t, rank, event_id, type, channel, queue, team, agent, role, from_bot, site))) AS evs,
            arrayExists(x -> x.5 = 'bot' OR x.9 = 'bot' OR x.10, evs) AS has_bot,
            arrayExists(x -> x.4 = 'chat.transferred_to_agent', evs) AS to_agent,
            arrayFilter(x -> x.4 = 'chat.message' AND x.9 = 'agent', evs) AS agent_msgs,
            arrayFirstIndex(x -> x.4 = 'chat.ended', evs) AS end_idx,
            -- Offered when handed to agents; a chat with no bot is offered when it starts.
            multiIf(to_agent, arrayFirstIndex(x -> x.4 = 'chat.transferred_to_agent', evs),
                has_bot, 0,
                arrayExists(x -> x.4 = 'chat.started', evs), arrayFirstIndex(x -> x.4 = 'chat.started', evs),
                arrayFirstIndex(x -> x.4 = 'chat.message' AND x.9 = 'agent', evs)) AS offer_idx,
            -- Index 0 is an error in ClickHouse: read element 1 and rely on the *_idx > 0 guards.
            evs[greatest(offer_idx, 1)] AS offer,
            arrayFirstIndex(m -> m.1 >= offer.1 AND (end_idx = 0 OR m.1 <= evs[greatest(end_idx, 1)].1), agent_msgs) AS reply_idx
        FROM
        (
            SELECT
                interaction_id AS iid,
                toUnixTimestamp64Milli(ts) AS t,
                multiIf(type = 'chat.started', 0, type = 'chat.transferred_to_agent', 3, type = 'chat.ended', 10, 5) AS rank,
                event_id,
                type,
                channel,
                queue,
                team,
                agent_id AS agent,
                if(type = 'chat.message', JSONExtractString(payload, 'role'), '') AS role,
                type = 'chat.transferred_to_agent' AND JSONExtractBool(payload, 'from_bot') AS from_bot,
                site
            FROM events
            WHERE tenant = {tenant:String} AND startsWith(type, 'chat.') AND interaction_id != ''
              AND ts >= fromUnixTimestamp64Milli(lookback_ms) AND ts < fromUnixTimestamp64Milli(lookahead_ms)
              AND (type != 'chat.message' OR role IN ('agent', 'bot'))
        )
        GROUP BY iid
    ),
    chat_legs AS (
        SELECT
            iid,
            toUInt64(0) AS leg,
            offer.5 AS channel,
            arrayFirst(x -> x.6 != '', evs).6 AS leg_queue,
            if(reply_idx > 0 AND agent_msgs[greatest(reply_idx, 1)].7 != '', agent_msgs[greatest(reply_idx, 1)].7, offer.7) AS leg_team,
            if(reply_idx > 0, agent_msgs[greatest(reply_idx, 1)].11, '') AS leg_site,
            offer.1 AS offered_t,
            offer.1 AS wait_from,
            reply_idx > 0 AS answered,
            agent_msgs[greatest(reply_idx, 1)].1 AS answered_t,
            agent_msgs[greatest(reply_idx, 1)].8 AS leg_agent,
            end_idx > 0 AS closed,
            evs[greatest(end_idx, 1)].1 AS closed_t,
            toUInt8(0) AS transferred,
            toInt64(0) AS hold_ms
        FROM chats
        WHERE offer_idx > 0
    ),
    legs AS (
        SELECT *, leg = max(leg) OVER (PARTITION BY iid, leg_agent) AS agents_last_leg
        FROM
        (
            SELECT iid, leg, channel, leg_queue, leg_team, leg_site, offered_t, wait_from, answered, answered_t, leg_agent, closed, closed_t, transferred, hold_ms FROM voice_legs
            UNION ALL
            SELECT iid, leg, channel, leg_queue, leg_team, leg_site, offered_t, wait_from, answered, answered_t, leg_agent, closed, closed_t, transferred, hold_ms FROM chat_legs
        )
    ),
    wraps AS (
        -- Each agent.wrap_up lasts until the agent's next other agent event (an open wrap counts nothing yet).
        SELECT agent, iid, sum(next_t - t) AS wrap_ms
        FROM
        (
            SELECT
                agent_id AS agent,
                interaction_id AS iid,
                type,
                toUnixTimestamp64Milli(ts) AS t,
                minIf(t, type != 'agent.wrap_up') OVER (PARTITION BY agent_id ORDER BY ts,
                    multiIf(type = 'agent.login', 0, type = 'agent.wrap_up', 11, type = 'agent.logout', 12, 5), event_id
                    ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_t
            FROM events
            WHERE tenant = {tenant:String} AND startsWith(type, 'agent.') AND agent_id != ''
              AND ts >= fromUnixTimestamp64Milli(lookback_ms) AND ts < fromUnixTimestamp64Milli(lookahead_ms)
        )
        WHERE type = 'agent.wrap_up' AND iid != '' AND next_t > 0
        GROUP BY agent, iid
    ),
    aliases AS (
        SELECT alias, canonical FROM customer_aliases FINAL WHERE tenant = {tenant:String}
    ),
    starts AS (
        -- Every customer contact near the window, with its merged customer (alias chains followed three merges deep).
        SELECT s.iid AS iid, s.t0 AS t0, s.channel AS channel, s.category AS category,
            if(a3.canonical != '', a3.canonical, if(a2.canonical != '', a2.canonical, if(a1.canonical != '', a1.canonical, s.customer))) AS customer
        FROM
        (
            SELECT interaction_id AS iid, min(toUnixTimestamp64Milli(ts)) AS t0, argMin(channel, ts) AS channel,
                argMaxIf(customer_id, ts, customer_id != '') AS customer,
                anyIf(JSONExtractString(payload, 'category'), type = 'ticket.created') AS category
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
        -- Each known customer's contacts in time order: the one before and the one after (unknown customers: none).
        SELECT iid, t0, channel, customer, category,
            if(customer = '', 0, lagInFrame(t0, 1, toInt64(0)) OVER seq) AS prev_t,
            if(customer = '', 0, leadInFrame(t0, 1, toInt64(0)) OVER seq) AS next_t,
            leadInFrame(channel, 1, '') OVER seq AS next_channel
        FROM starts
        WINDOW seq AS (PARTITION BY customer ORDER BY t0, iid ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    ),
    tickets AS (
        SELECT
            interaction_id AS iid,
            minIf(toUnixTimestamp64Milli(ts), type = 'ticket.created') AS created_t,
            argMin(channel, ts) AS channel,
            anyIf(queue, type = 'ticket.created') AS queue,
            -- Where it lands: its first assignment (team and agent), when that came within a day of its creation. A
            -- later owner would make a ticket's place depend on how far past the window the query reads.
            arrayFirst(a -> a.1 - created_t <= day_ms, arraySort(groupArrayIf((toUnixTimestamp64Milli(ts),
                if(JSONExtractString(payload, 'team') != '', JSONExtractString(payload, 'team'), team), agent_id), type = 'ticket.assigned'))) AS owner,
            tupleElement(owner, 2) AS owner_team,
            tupleElement(owner, 3) AS owner_agent,
            anyIf(JSONExtractString(payload, 'priority'), type = 'ticket.created') AS priority,
            minIf(toUnixTimestamp64Milli(ts), type = 'ticket.comment' AND JSONExtractString(payload, 'role') = 'agent'
                AND JSONExtractBool(payload, 'public')) AS first_reply_t,
            -- Read a day past the window for the first assignment only: the rest stops at its end.
            arraySort(groupArrayIf(toUnixTimestamp64Milli(ts), type = 'ticket.resolved' AND ts < fromUnixTimestamp64Milli({to_ms:Int64}))) AS resolved,
            arraySort(groupArrayIf(toUnixTimestamp64Milli(ts), type = 'ticket.reopened' AND ts < fromUnixTimestamp64Milli({to_ms:Int64}))) AS reopened,
            created_t + 3600000 * multiIf(priority = 'urgent', {sla_urgent_h:UInt32}, priority = 'high', {sla_high_h:UInt32},
                priority = 'low', {sla_low_h:UInt32}, {sla_normal_h:UInt32}) AS deadline
        FROM events
        WHERE tenant = {tenant:String} AND startsWith(type, 'ticket.') AND interaction_id != ''
          AND ts >= fromUnixTimestamp64Milli({from_ms:Int64} - backlog_ms) AND ts < fromUnixTimestamp64Milli(lookahead_ms)
        GROUP BY iid
        HAVING created_t > 0
    ),
    -- Where a contact lands in the report: its last handled leg, else its last leg (a ticket: its team and agent);
    -- and the queue it first asked for (its reason, unless a ticket names a category).
    contact_dims AS (
        SELECT iid, argMax((channel, leg_queue, leg_team, leg_site, leg_agent), (answered, leg)) AS d, max(answered) AS handled,
            argMinIf(leg_queue, leg, leg_queue != '') AS first_queue
        FROM legs
        GROUP BY iid
        UNION ALL
        SELECT iid, (channel, queue, owner_team, '', owner_agent), 1, queue FROM tickets
    ),
    qa AS (
        SELECT r.iid AS iid, r.t AS t, if(cd.iid != '', cd.d, (r.channel, r.queue, '', '', r.agent_id)) AS d,
            coalesce(rv.score, r.score) AS score, r.flagged AS flagged,
            r.sentiment_first AS s_first, r.sentiment_last AS s_last, r.csat_predicted AS csat_predicted, r.facts AS facts
        FROM
        (
            SELECT interaction_id AS iid, toUnixTimestamp64Milli(ended_at) AS t, channel, queue, agent_id, score, flagged,
                sentiment_first, sentiment_last, csat_predicted, facts
            FROM qa_results FINAL
            WHERE tenant = {tenant:String} AND ended_at >= fromUnixTimestamp64Milli({from_ms:Int64}) AND ended_at < fromUnixTimestamp64Milli({to_ms:Int64})
        ) AS r
        LEFT JOIN
        (
            SELECT interaction_id AS iid, argMax(score, created_at) AS score
            FROM qa_reviews
            WHERE tenant = {tenant:String} AND kind = 'review' AND item = ''
            GROUP BY iid
        ) AS rv ON rv.iid = r.iid
        LEFT JOIN contact_dims AS cd ON cd.iid = r.iid
    ),
    agent_states AS (
        -- Each agent state from its event to the agent's next event, counted at that next event.
        SELECT agent, team, site, next_t AS t, next_t - t_start AS ms, state
        FROM
        (
            SELECT agent_id AS agent, team, site, toUnixTimestamp64Milli(ts) AS t_start,
                multiIf(type IN ('agent.login', 'agent.ready'), 'ready', type = 'agent.not_ready', 'not_ready',
                    type = 'agent.wrap_up', 'wrap', 'offline') AS state,
                leadInFrame(toUnixTimestamp64Milli(ts), 1, toInt64(0)) OVER (PARTITION BY agent_id ORDER BY ts,
                    multiIf(type = 'agent.login', 0, type = 'agent.wrap_up', 11, type = 'agent.logout', 12, 5), event_id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS next_t
            FROM events
            WHERE tenant = {tenant:String} AND type IN ('agent.login', 'agent.ready', 'agent.not_ready', 'agent.wrap_up', 'agent.logout')
              AND agent_id != '' AND ts >= fromUnixTimestamp64Milli(lookback_ms) AND ts < fromUnixTimestamp64Milli({to_ms:Int64})
        )
        WHERE next_t > 0 AND state != 'offline' AND next_t - t_start <= longest_state_ms
    ),
    busy AS (
        -- An agent's contacts merged where they overlap (chats in parallel count once), each piece at its segment's close.
        SELECT leg_agent, leg_team, leg_site, closed_t, greatest(0, closed_t - greatest(answered_t, covered_to)) AS ms
        FROM
        (
            SELECT leg_agent, leg_team, leg_site, answered_t, closed_t,
                max(closed_t) OVER (PARTITION BY leg_agent ORDER BY answered_t, iid, leg ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_to
            FROM legs
            WHERE answered AND closed AND leg_agent != ''
        )
    ),
    facts AS (
        -- One row per fact: when it counts, where (channel, queue, team, site, agent, top item), what (kind) and how
        -- much (n: a count or ms; score: QA; cust: the customer served).
        SELECT f.1 AS t, channel, leg_queue AS queue, leg_team AS team, leg_site AS site, leg_agent AS agent_id,
            '' AS top_kind, '' AS top_value, f.2 AS kind, f.3 AS n, toFloat64(0) AS score, f.4 AS cust
        FROM
        (
            SELECT l.leg AS leg, l.channel AS channel, l.leg_queue AS leg_queue, l.leg_team AS leg_team, l.leg_site AS leg_site,
                l.leg_agent AS leg_agent, l.offered_t AS offered_t, l.wait_from AS wait_from, l.answered AS answered,
                l.answered_t AS answered_t, l.closed AS closed, l.closed_t AS closed_t, l.transferred AS transferred,
                l.hold_ms AS hold_ms, v.customer AS customer,
                if(l.agents_last_leg, w.wrap_ms, 0) AS wrap,
                greatest(0, answered_t - wait_from) AS wait,
                toInt64(wait <= 1000 * if(channel = 'voice', {voice_sl_s:UInt32}, {chat_sl_s:UInt32})) AS in_sl,
                greatest(0, closed_t - answered_t - hold_ms) AS talk,
                NOT answered AND closed AND greatest(0, closed_t - wait_from) >= {short_abandon_ms:UInt32} AS abandon
            FROM legs AS l
            LEFT JOIN wraps AS w ON w.iid = l.iid AND w.agent = l.leg_agent
            LEFT JOIN starts AS v ON v.iid = l.iid
        )
        ARRAY JOIN arrayConcat(
            [(offered_t, 'offered_legs', toInt64(1), '')],
            if(leg = 0, [(offered_t, 'offered', toInt64(1), '')], []),
            if(answered, [(answered_t, 'answered_legs', 1, ''), (answered_t, 'wait_ms_legs', wait, ''), (answered_t, 'answered_in_sl_legs', in_sl, '')], []),
            if(answered AND leg = 0, [(answered_t, 'answered', 1, ''), (answered_t, 'wait_ms', wait, ''), (answered_t, 'answered_in_sl', in_sl, '')], []),
            if(abandon, [(closed_t, 'abandoned_legs', 1, '')], []),
            if(abandon AND leg = 0, [(closed_t, 'abandoned', 1, '')], []),
            if(answered AND closed, [(closed_t, 'handled', 1, ''), (closed_t, 'talk_ms', talk, ''), (closed_t, 'hold_ms', hold_ms, ''),
                (closed_t, 'wrap_ms', wrap, ''), (closed_t, 'served_ms', if(customer != '', talk + hold_ms + wrap, 0), customer)], []),
            if(transferred, [(closed_t, 'transfers', 1, '')], [])
        ) AS f

        UNION ALL
        -- Resolution, per contact of a known customer; and every contact's reason: a ticket's category, else its first queue.
        SELECT v.t0, cd.d.1, cd.d.2, cd.d.3, cd.d.4, cd.d.5, f.1, f.2, f.3, f.4, 0, ''
        FROM visits AS v
        INNER JOIN contact_dims AS cd ON cd.iid = v.iid
        ARRAY JOIN arrayConcat(
            if(v.customer = '', [], arrayConcat(
                [('', '', 'contacts', toInt64(1))],
                if(v.prev_t > 0 AND v.t0 - v.prev_t <= repeat_ms, [('', '', 'repeat_contacts', toInt64(1))], []),
                if(cd.handled, [('', '', 'fcr_eligible', toInt64(1)), ('', '', 'fcr_resolved', toInt64(v.next_t = 0 OR v.next_t - v.t0 > repeat_ms)),
                    ('', '', 'switched', toInt64(v.next_t > 0 AND v.next_t - v.t0 <= repeat_ms AND v.next_channel != v.channel))], []))),
            if(v.category != '' OR cd.first_queue != '', [('reason', if(v.category != '', v.category, cd.first_queue), 'top_contacts', toInt64(1))], [])
        ) AS f

        UNION ALL
        -- Tickets: facts of a ticket older than backlog_days at the fact's time are left out.
        SELECT f.1, channel, queue, owner_team, '', owner_agent, '', '', f.2, f.3, 0, ''
        FROM tickets
        ARRAY JOIN arrayFilter(x -> x.1 - created_t <= backlog_ms, arrayConcat(
            [(created_t, 'tickets_created', toInt64(1))],
            if(first_reply_t > 0, [(first_reply_t, 'first_responses', 1), (first_reply_t, 'first_response_ms', first_reply_t - created_t)], []),
            arrayFlatten(arrayMap(r -> [(r, 'resolutions', 1), (r, 'resolution_ms', r - created_t)], resolved)),
            arrayMap(r -> (r, 'reopens', 1), reopened),
            if(length(resolved) = 0 OR resolved[1] > deadline, [(deadline, concat('sla_breaches_', if(priority IN ('urgent', 'high', 'low'), priority, 'normal')), 1)], []),
            -- Open at the end of a local day: created before it, and not resolved since its last reopening.
            arrayMap(e -> (e - 1, 'backlog', 1), arrayFilter(e -> created_t < e AND countEqual(arrayMap(r -> r < e, resolved), 1) <= countEqual(arrayMap(r -> r < e, reopened), 1),
                arrayMap(d -> toUnixTimestamp(toDateTime(toDate(fromUnixTimestamp64Milli({from_ms:Int64}), {tz:String}) + d + 1, {tz:String})) * 1000,
                    range(toUInt32(dateDiff('day', toDate(fromUnixTimestamp64Milli({from_ms:Int64}), {tz:String}), toDate(fromUnixTimestamp64Milli({to_ms:Int64}), {tz:String})))))))
        )) AS f

        UNION ALL
        -- Surveys.
        SELECT toUnixTimestamp64Milli(ts), channel, queue, team, site, agent_id, '', '', f.1, f.2, 0, ''
        FROM events
        ARRAY JOIN if(type = 'survey.nps',
            [('nps_responses', toInt64(1)), ('nps_promoters', toInt64(score >= 9)), ('nps_detractors', toInt64(score <= 6))],
            [('csat_responses', toInt64(1)), ('csat_satisfied', toInt64(score >= 4)), ('csat_five', toInt64(score = 5))]) AS f
        WHERE tenant = {tenant:String} AND type IN ('survey.nps', 'survey.csat') AND JSONType(payload, 'score') IN ('Int64', 'UInt64', 'Double')
          AND ts >= fromUnixTimestamp64Milli({from_ms:Int64}) AND ts < fromUnixTimestamp64Milli({to_ms:Int64})
          AND (JSONExtractInt(payload, 'score') AS score) >= 0

        UNION ALL
        -- QA results, and the key facts QA found (each distinct value once per interaction).
        SELECT t, d.1, d.2, d.3, d.4, d.5, f.1, f.2, f.3, f.4, f.5, ''
        FROM qa
        ARRAY JOIN arrayConcat(
            [('', '', 'qa_scored', toInt64(1), toFloat64(score)), ('', '', 'qa_flagged', toInt64(flagged > 0), 0)],
            if(csat_predicted IS NOT NULL, [('', '', 'csat_predicted_n', 1, 0),
                ('', '', 'csat_predicted_satisfied', toInt64(assumeNotNull(csat_predicted) >= 3.5), 0)], []),
            if(s_first IS NOT NULL AND s_last IS NOT NULL, [('', '', 'sentiment_n', 1, 0),
                ('', '', 'sentiment_improved', toInt64(assumeNotNull(s_last) - assumeNotNull(s_first) >= {sentiment_delta:Float64}), 0),
                ('', '', 'sentiment_worsened', toInt64(assumeNotNull(s_first) - assumeNotNull(s_last) >= {sentiment_delta:Float64}), 0)], []),
            arrayMap(x -> (x.1, x.2, 'top_contacts', 1, 0), arrayDistinct(arrayFilter(x -> x.1 IN ('error_code', 'product_model') AND x.2 != '',
                arrayMap(j -> (JSONExtractString(j, 'kind'), JSONExtractString(j, 'value')), JSONExtractArrayRaw(facts)))))
        ) AS f

        UNION ALL
        -- Bot containment: chats a bot took part in, at their end; contained when never handed to an agent.
        SELECT evs[end_idx].1, evs[end_idx].5, arrayFirst(x -> x.6 != '', evs).6, '', '', '', '', '', f.1, f.2, 0, ''
        FROM chats
        ARRAY JOIN [('bot_sessions', toInt64(1)), ('bot_contained', toInt64(NOT to_agent))] AS f
        WHERE has_bot AND end_idx > 0

        UNION ALL
        -- Agents' time: no channel or queue (an agent's state is not per channel).
        SELECT t, '', '', team, site, agent, '', '', concat('state_', state), ms, 0, '' FROM agent_states

        UNION ALL
        SELECT any(t), '', '', team, site, agent, '', '', 'agent_days', 1, 0, ''
        FROM agent_states
        WHERE t >= {from_ms:Int64} AND t < {to_ms:Int64}
        GROUP BY agent, team, site, toDate(fromUnixTimestamp64Milli(t), {tz:String})

        UNION ALL
        SELECT closed_t, '', '', leg_team, leg_site, leg_agent, '', '', 'busy_ms', ms, 0, '' FROM busy

        UNION ALL
        -- Required agent time: each 15-minute forecast interval's required agents.
        SELECT toUnixTimestamp64Milli(interval_start), channel, queue, '', '', '', '', '', 'required_ms', toInt64(required_agents) * 900000, 0, ''
        FROM forecasts FINAL
        WHERE tenant = {tenant:String} AND interval_start >= fromUnixTimestamp64Milli({from_ms:Int64}) AND interval_start < fromUnixTimestamp64Milli({to_ms:Int64})
    )
SELECT
    {tenant:String} AS tenant,
    {tz:String} AS tz,
    toDate(fromUnixTimestamp64Milli(t), {tz:String}) AS day,
    {build_id:String} AS build_id,
    channel, queue, team, site, agent_id, top_kind, top_value,
    toUInt64(sumIf(n, kind = 'offered')) AS offered,
    toUInt64(sumIf(n, kind = 'offered_legs')) AS offered_legs,
    toUInt64(sumIf(n, kind = 'answered')) AS answered,
    toUInt64(sumIf(n, kind = 'answered_legs')) AS answered_legs,
    toUInt64(sumIf(n, kind = 'answered_in_sl')) AS answered_in_sl,
    toUInt64(sumIf(n, kind = 'answered_in_sl_legs')) AS answered_in_sl_legs,
    toUInt64(sumIf(n, kind = 'abandoned')) AS abandoned,
    toUInt64(sumIf(n, kind = 'abandoned_legs')) AS abandoned_legs,
    toInt64(sumIf(n, kind = 'wait_ms')) AS wait_ms,
    toInt64(sumIf(n, kind = 'wait_ms_legs')) AS wait_ms_legs,
    toUInt64(sumIf(n, kind = 'handled')) AS handled,
    toInt64(sumIf(n, kind = 'talk_ms')) AS talk_ms,
    toInt64(sumIf(n, kind = 'hold_ms')) AS hold_ms,
    toInt64(sumIf(n, kind = 'wrap_ms')) AS wrap_ms,
    toUInt64(sumIf(n, kind = 'transfers')) AS transfers,
    toUInt64(sumIf(n, kind = 'contacts')) AS contacts,
    toUInt64(sumIf(n, kind = 'repeat_contacts')) AS repeat_contacts,
    toUInt64(sumIf(n, kind = 'fcr_eligible')) AS fcr_eligible,
    toUInt64(sumIf(n, kind = 'fcr_resolved')) AS fcr_resolved,
    toUInt64(sumIf(n, kind = 'switched')) AS switched,
    toInt64(sumIf(n, kind = 'served_ms')) AS served_ms,
    uniqExactStateIf(cust, kind = 'served_ms' AND cust != '') AS customers,
    toUInt64(sumIf(n, kind = 'tickets_created')) AS tickets_created,
    toUInt64(sumIf(n, kind = 'first_responses')) AS first_responses,
    toInt64(sumIf(n, kind = 'first_response_ms')) AS first_response_ms,
    toUInt64(sumIf(n, kind = 'resolutions')) AS resolutions,
    toInt64(sumIf(n, kind = 'resolution_ms')) AS resolution_ms,
    toUInt64(sumIf(n, kind = 'reopens')) AS reopens,
    toUInt64(sumIf(n, kind = 'sla_breaches_urgent')) AS sla_breaches_urgent,
    toUInt64(sumIf(n, kind = 'sla_breaches_high')) AS sla_breaches_high,
    toUInt64(sumIf(n, kind = 'sla_breaches_normal')) AS sla_breaches_normal,
    toUInt64(sumIf(n, kind = 'sla_breaches_low')) AS sla_breaches_low,
    toUInt64(sumIf(n, kind = 'backlog')) AS backlog,
    toUInt64(sumIf(n, kind = 'nps_responses')) AS nps_responses,
    toUInt64(sumIf(n, kind = 'nps_promoters')) AS nps_promoters,
    toUInt64(sumIf(n, kind = 'nps_detractors')) AS nps_detractors,
    toUInt64(sumIf(n, kind = 'csat_responses')) AS csat_responses,
    toUInt64(sumIf(n, kind = 'csat_satisfied')) AS csat_satisfied,
    toUInt64(sumIf(n, kind = 'csat_five')) AS csat_five,
    toUInt64(sumIf(n, kind = 'csat_predicted_n')) AS csat_predicted_n,
    toUInt64(sumIf(n, kind = 'csat_predicted_satisfied')) AS csat_predicted_satisfied,
    toUInt64(sumIf(n, kind = 'qa_scored')) AS qa_scored,
    sumIf(score, kind = 'qa_scored') AS qa_score_sum,
    toUInt64(sumIf(n, kind = 'qa_flagged')) AS qa_flagged,
    toUInt64(sumIf(n, kind = 'sentiment_n')) AS sentiment_n,
    toUInt64(sumIf(n, kind = 'sentiment_improved')) AS sentiment_improved,
    toUInt64(sumIf(n, kind = 'sentiment_worsened')) AS sentiment_worsened,
    toUInt64(sumIf(n, kind = 'bot_sessions')) AS bot_sessions,
    toUInt64(sumIf(n, kind = 'bot_contained')) AS bot_contained,
    toInt64(sumIf(n, kind IN ('state_ready', 'state_not_ready', 'state_wrap'))) AS logged_in_ms,
    toInt64(sumIf(n, kind = 'state_ready')) AS ready_ms,
    toInt64(sumIf(n, kind = 'state_not_ready')) AS not_ready_ms,
    toInt64(sumIf(n, kind = 'state_wrap')) AS wrap_state_ms,
    toInt64(sumIf(n, kind = 'busy_ms')) AS busy_ms,
    toUInt64(sumIf(n, kind = 'agent_days')) AS agent_days,
    toInt64(sumIf(n, kind = 'required_ms')) AS required_ms,
    toUInt64(sumIf(n, kind = 'top_contacts')) AS top_contacts
FROM facts
WHERE t >= {from_ms:Int64} AND t < {to_ms:Int64}
GROUP BY day, channel, queue, team, site, agent_id, top_kind, top_value
