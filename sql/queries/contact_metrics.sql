-- Contact-centre metrics over [from, to), per tenant / channel / queue / team, optionally per interval:
-- the live engine's definitions (stream/live-metrics, README "Metric definitions") in SQL over `events`,
-- so the wall and the warehouse agree by construction. Each fact counts at the time of the event that closes it.
--
-- Params:
--   tenant String; from_ms, to_ms Int64 (ms since the epoch, `to` excluded); tz String (IANA, for the interval grid);
--   step_minutes UInt32 (0 = one row per dimension for the whole window, else intervals aligned to local midnight);
--   voice_sl_s, chat_sl_s UInt32 (SL thresholds: 20 and 60 by default in the engine);
--   short_abandon_ms UInt32 (abandons after a shorter wait are `abandoned_short`: 5000 in the engine).
-- Rows: t (interval start, ms; from_ms when step_minutes = 0), dimension ('all' | 'channel' | 'queue' | 'team'),
--   name ('' for 'all'), the additive counters, then the derived rates (rounded to 0.1 like the engine).
--
-- Legs (engine: interaction.ts): a voice call's first leg opens at its first offered/queued/answered/abandoned/ended
-- event; each voice.transfer closes the leg (handled + transferred) and opens the next at the transfer, in
-- payload.to_queue. Queue and team rows count every leg; 'all' and 'channel' rows count offered/answered/abandoned
-- of the first leg only (handled, AHT and transfers of every leg). The call is over at voice.ended, or at
-- voice.abandoned before an answer (an abandon after the answer is ignored); later events are ignored.
-- Not modelled here (the engine handles them; no real ACD sends them): a voice.transfer before any answer, and an
-- agent.wrap_up that names no interaction (the engine links it to the agent's contact that ended last).
WITH
    {from_ms:Int64} - 86400000 AS lookback_ms,
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
                agent_id AS agent,
                if(type = 'voice.transfer', JSONExtractString(payload, 'to_queue'), '') AS to_queue,
                -- Same-millisecond events in the order of a contact's life (engine: slim.ts byTime).
                row_number() OVER (PARTITION BY interaction_id ORDER BY ts, multiIf(type = 'voice.offered', 0, type = 'voice.ivr', 1,
                    type = 'voice.queued', 2, type = 'voice.answered', 4, type = 'voice.hold', 6, type = 'voice.unhold', 7,
                    type = 'voice.transfer', 8, type = 'voice.abandoned', 9, type = 'voice.ended', 10, 5), event_id) AS pos
            FROM events
            WHERE tenant = {tenant:String} AND startsWith(type, 'voice.') AND interaction_id != ''
              AND ts >= fromUnixTimestamp64Milli(lookback_ms) AND ts < fromUnixTimestamp64Milli({to_ms:Int64}) + INTERVAL 1 DAY
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
            arraySort(x -> x.1, groupArray((pos, t, type, queue, team, agent))) AS evs_all,
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
            arraySort(x -> (x.1, x.2, x.3), groupArray((t, rank, event_id, type, channel, queue, team, agent, role, from_bot))) AS evs,
            arrayExists(x -> x.5 = 'bot' OR x.9 = 'bot' OR x.10, evs) AS has_bot,
            arrayFilter(x -> x.4 = 'chat.message' AND x.9 = 'agent', evs) AS agent_msgs,
            arrayFirstIndex(x -> x.4 = 'chat.ended', evs) AS end_idx,
            -- Offered when handed to agents; a chat with no bot is offered when it starts.
            multiIf(arrayExists(x -> x.4 = 'chat.transferred_to_agent', evs), arrayFirstIndex(x -> x.4 = 'chat.transferred_to_agent', evs),
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
                type = 'chat.transferred_to_agent' AND JSONExtractBool(payload, 'from_bot') AS from_bot
            FROM events
            WHERE tenant = {tenant:String} AND startsWith(type, 'chat.') AND interaction_id != ''
              AND ts >= fromUnixTimestamp64Milli(lookback_ms) AND ts < fromUnixTimestamp64Milli({to_ms:Int64}) + INTERVAL 1 DAY
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
            SELECT iid, leg, channel, leg_queue, leg_team, offered_t, wait_from, answered, answered_t, leg_agent, closed, closed_t, transferred, hold_ms FROM voice_legs
            UNION ALL
            SELECT iid, leg, channel, leg_queue, leg_team, offered_t, wait_from, answered, answered_t, leg_agent, closed, closed_t, transferred, hold_ms FROM chat_legs
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
              AND ts >= fromUnixTimestamp64Milli(lookback_ms) AND ts < fromUnixTimestamp64Milli({to_ms:Int64}) + INTERVAL 1 DAY
        )
        WHERE type = 'agent.wrap_up' AND iid != '' AND next_t > 0
        GROUP BY agent, iid
    ),
    leg_facts AS (
        SELECT
            arrayJoin(arrayConcat(
                [(offered_t, leg = 0, 'offered', 1, 0)],
                if(answered, [(answered_t, leg = 0, 'answered', 1, greatest(0, answered_t - wait_from)),
                              (answered_t, leg = 0, 'answered_in_sl', toInt64(greatest(0, answered_t - wait_from) <= 1000 * if(channel = 'voice', {voice_sl_s:UInt32}, {chat_sl_s:UInt32})), 0)], []),
                if(answered AND closed, [(closed_t, 1, 'handled', 1, 0),
                                         (closed_t, 1, 'talk_ms', 0, greatest(0, closed_t - answered_t - hold_ms)),
                                         (closed_t, 1, 'hold_ms', 0, hold_ms),
                                         -- Wrap belongs to the agent's last segment of the contact.
                                         (closed_t, 1, 'wrap_ms', 0, if(agents_last_leg, w.wrap_ms, 0))], []),
                if(transferred, [(closed_t, 1, 'transferred', 1, 0)], []),
                if(NOT answered AND closed, [(closed_t, leg = 0, if(greatest(0, closed_t - wait_from) < {short_abandon_ms:UInt32}, 'abandoned_short', 'abandoned'), 1, 0)], [])
            )) AS f,
            channel,
            leg_queue AS queue,
            leg_team AS team
        FROM legs
        LEFT JOIN wraps AS w ON w.iid = legs.iid AND w.agent = legs.leg_agent
    ),
    facts AS (
        SELECT f.1 AS t, f.2 AS contact_level, f.3 AS kind, f.4 AS n, f.5 AS ms, channel, queue, team FROM leg_facts
        UNION ALL
        SELECT
            toUnixTimestamp64Milli(ts), toUInt8(1), if(type = 'survey.nps', 'nps', 'csat'), 1,
            toInt64(JSONExtract(payload, 'score', 'Nullable(Int64)')), channel, queue, team
        FROM events
        WHERE tenant = {tenant:String} AND type IN ('survey.nps', 'survey.csat') AND JSONType(payload, 'score') IN ('Int64', 'UInt64', 'Double')
          AND ts >= fromUnixTimestamp64Milli({from_ms:Int64}) AND ts < fromUnixTimestamp64Milli({to_ms:Int64})
    )
SELECT
    if({step_minutes:UInt32} = 0, {from_ms:Int64},
       toUnixTimestamp64Milli(toDateTime64(toStartOfInterval(toTimeZone(fromUnixTimestamp64Milli(facts.t), {tz:String}), toIntervalMinute({step_minutes:UInt32})), 3))) AS start_ms,
    dim.1 AS dimension,
    dim.2 AS name,
    toUInt32(sumIf(n, kind = 'offered')) AS offered,
    toUInt32(sumIf(n, kind = 'answered')) AS answered,
    toUInt32(sumIf(n, kind = 'answered_in_sl')) AS answered_in_sl,
    toUInt32(sumIf(n, kind = 'abandoned')) AS abandoned,
    toUInt32(sumIf(n, kind = 'abandoned_short')) AS abandoned_short,
    toUInt32(sumIf(n, kind = 'transferred')) AS transferred,
    toUInt32(sumIf(n, kind = 'handled')) AS handled,
    sumIf(ms, kind = 'answered') AS answer_wait_ms,
    sumIf(ms, kind = 'talk_ms') AS talk_ms,
    sumIf(ms, kind = 'hold_ms') AS hold_ms,
    sumIf(ms, kind = 'wrap_ms') AS wrap_ms,
    toUInt32(countIf(kind = 'nps')) AS nps_responses,
    toUInt32(countIf(kind = 'nps' AND ms >= 9)) AS nps_promoters,
    toUInt32(countIf(kind = 'nps' AND ms <= 6)) AS nps_detractors,
    toUInt32(countIf(kind = 'csat')) AS csat_responses,
    toUInt32(countIf(kind = 'csat' AND ms >= 4)) AS csat_satisfied,
    -- Rates and averages: num / den to 0.1, halves away from zero (ClickHouse rounds a Decimal that way, and a
    -- Float64 half to even), as the live engine does (ratio1 in live-metrics/counters.ts). Decimal division
    -- truncates at 6 places, which never moves a value across a rounding boundary at 1 place.
    if(answered + abandoned = 0, NULL, toFloat64(round(toDecimal128(100 * answered_in_sl, 6) / (answered + abandoned), 1))) AS sl_pct,
    if(answered + abandoned = 0, NULL, toFloat64(round(toDecimal128(100 * abandoned, 6) / (answered + abandoned), 1))) AS abandon_pct,
    if(answered = 0, NULL, toFloat64(round(toDecimal128(answer_wait_ms, 6) / (answered * 1000), 1))) AS asa_s,
    if(handled = 0, NULL, toFloat64(round(toDecimal128(talk_ms + hold_ms + wrap_ms, 6) / (handled * 1000), 1))) AS aht_s,
    if(nps_responses = 0, NULL,
       toFloat64(round(toDecimal128(100 * (toInt64(nps_promoters) - nps_detractors), 6) / nps_responses, 1))) AS nps,
    if(csat_responses = 0, NULL, toFloat64(round(toDecimal128(100 * csat_satisfied, 6) / csat_responses, 1))) AS csat_pct
FROM facts
ARRAY JOIN arrayConcat(
    if(contact_level, [('all', ''), ('channel', channel)], []),
    if(queue != '', [('queue', queue)], []),
    if(team != '', [('team', team)], [])
) AS dim
WHERE facts.t >= {from_ms:Int64} AND facts.t < {to_ms:Int64}
GROUP BY start_ms, dimension, name
ORDER BY start_ms, dimension, name
