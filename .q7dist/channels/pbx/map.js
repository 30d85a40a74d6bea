/**
 * Asterisk AMI events → Mofang voice events, for calls that reach a queue (app_queue). The AMI events are those of
 * Asterisk 12 and later (AMI v2; field lists at https://docs.asterisk.org/Asterisk_20_Documentation/API_Documentation/AMI_Events/,
 * generated from the `managerEvent` docs in apps/app_queue.c, apps/app_mixmonitor.c, main/manager_channels.c and
 * main/stasis_bridges.c):
 *
 *   Newchannel (first channel, Uniqueid = Linkedid)  → remembered; voice.offered at once when it starts in one of the
 *                                                      `inboundContexts`, else with the first QueueCallerJoin
 *   QueueCallerJoin                                   → voice.queued {priority: QUEUE_PRIO}, queue = Queue
 *   AgentConnect                                      → voice.answered, agent_id from Interface/MemberName
 *   Hold / Unhold (any channel of an answered call)   → voice.hold / voice.unhold
 *   BlindTransfer                                     → voice.transfer {blind}, sent when the next QueueCallerJoin
 *                                                       (to_queue) or DialBegin (to_agent) names where it went
 *   AttendedTransfer                                  → voice.transfer {warm, to_agent} + voice.answered (target)
 *   DialEnd ANSWER outside a queue                    → voice.answered (put through to a phone in the agents map)
 *   QueueCallerAbandon                                → voice.abandoned {stage: queue}
 *   Hangup of the caller's channel                    → voice.ended {ended_by}, or voice.abandoned if never answered
 *   MixMonitorStart + MIXMONITOR_FILENAME             → voice.recording_available at MixMonitorStop or the call's end
 *
 * AgentCalled, AgentRingNoAnswer (an agent rung who did not answer) and QueueCallerLeave change nothing Mofang shows.
 * Who ended a call: the first of the caller's and the connected agent's channels to ask to hang up. A party that
 * hangs up makes its channel driver raise `HangupRequest` (main/channel.c ast_queue_hangup), the channel Asterisk then
 * tears down gets `SoftHangupRequest`; without a HangupRequest the first Hangup decides, as app_queue decides
 * AgentComplete's Reason (handle_hangup). A caller hangup with a network-failure cause is `system`.
 *
 * Channel variables are read from `ChanVariable` lines (manager.conf `channelvars = QUEUE_PRIO,MIXMONITOR_FILENAME`)
 * or from VarSet events (read class `dialplan`): MixMonitorStart itself carries no file name.
 * An AMI event that arrives twice (a resumed stream that overlaps) is mapped once, and each voice event's id is made
 * of the call, its type and the AMI event it comes from (call.ts eventIdOf), so ingest's dedup absorbs the rest.
 */
import { digest, idProblem } from '../../core/index.js';
import { CallBook, clip, eventIdOf, interfaceOf, keepNewest, known, tsOf, variable, } from './call.js';
import { recordingFormat, recordingUrl } from './recording.js';
/** Q.850 causes of a failed network rather than a person hanging up (a call cut by them ended by `system`). */
const NETWORK_FAILURE = new Set([27, 34, 38, 41, 42, 44, 47, 58]);
export class AmiMapper {
    opts;
    calls;
    /** Fingerprints of the AMI events mapped lately (only those with a Timestamp: without one, two holds look alike). */
    seen = new Set();
    /** The events of the AMI event being mapped, and when it arrived. */
    out = [];
    receivedAt = 0;
    handlers = {
        Newchannel: (m, ts) => this.newChannel(m, ts),
        VarSet: (m) => this.calls.setVariable(m),
        QueueCallerJoin: (m, ts) => this.queueJoin(m, ts),
        QueueCallerAbandon: (m, ts) => this.abandon(m, ts),
        AgentConnect: (m, ts) => this.agentConnect(m, ts),
        Hold: (m, ts) => this.hold(m, ts, true),
        Unhold: (m, ts) => this.hold(m, ts, false),
        BlindTransfer: (m, ts) => this.blindTransfer(m, ts),
        AttendedTransfer: (m, ts) => this.attendedTransfer(m, ts),
        DialBegin: (m) => this.dialBegin(m),
        DialEnd: (m, ts) => this.dialEnd(m, ts),
        MixMonitorStart: (m) => this.recordingStart(m),
        MixMonitorStop: (m, ts) => this.recordingStop(m, ts),
        HangupRequest: (m, ts) => this.hangup(m, ts, false),
        Hangup: (m, ts) => this.hangup(m, ts, true),
    };
    constructor(opts = {}) {
        this.opts = opts;
        this.calls = new CallBook({ maxEndedCalls: opts.maxEndedCalls ?? 10_000 });
    }
    /** The events one AMI event makes, in order (often none). `receivedAt`: its time when it has no Timestamp. */
    map(msg, receivedAt) {
        this.out = [];
        this.receivedAt = receivedAt;
        const handler = this.handlers[msg.fields.Event ?? ''];
        if (handler && !this.again(msg)) {
            const call = this.calls.of(msg);
            if (call) {
                call.lastSeen = receivedAt;
                this.calls.noteVariables(call, msg);
            }
            handler(msg, tsOf(msg, receivedAt));
        }
        return this.out;
    }
    /** Forgets calls idle for longer than maxCallIdleMs (their end was missed); returns how many. */
    sweep(now) {
        const idle = this.calls.idleSince(now - (this.opts.maxCallIdleMs ?? 6 * 3_600_000));
        for (const call of idle)
            this.calls.finish(call);
        return idle.length;
    }
    /** Calls in progress. */
    get openCalls() {
        return this.calls.size;
    }
    /** Whether this very event (same fields, same Timestamp) was mapped lately; remembers it otherwise. */
    again(msg) {
        if (msg.fields.Timestamp === undefined)
            return false;
        const key = digest(JSON.stringify(msg), 24);
        if (this.seen.has(key))
            return true;
        keepNewest(this.seen, key, this.opts.maxSeenEvents ?? 10_000);
        return false;
    }
    newChannel(msg, ts) {
        const f = msg.fields;
        // Only a call's first channel opens it; the others (agents rung, Local halves) share its Linkedid.
        if (!f.Uniqueid || f.Uniqueid !== f.Linkedid || this.calls.has(f.Linkedid) || this.calls.hasEnded(f.Linkedid))
            return;
        const call = this.calls.open(f.Linkedid, f.Uniqueid, this.receivedAt);
        const to = known(f.Exten);
        call.origin = { event: 'Newchannel', uid: f.Uniqueid, ts, ...(to && to !== 's' && { to: clip(to, 64) }) };
        if (this.opts.inboundContexts?.includes(f.Context ?? ''))
            this.offer(call, msg, call.origin);
    }
    queueJoin(msg, ts) {
        const f = msg.fields;
        let call = this.calls.of(msg);
        if (!call) {
            // Connected mid-call (the Newchannel was missed): the channel in the queue is the caller.
            if (!f.Linkedid || !f.Uniqueid || this.calls.hasEnded(f.Linkedid))
                return;
            call = this.calls.open(f.Linkedid, f.Uniqueid, this.receivedAt);
        }
        else if (!call.offered && this.opts.inboundContexts?.length)
            return;
        const src = this.source(msg, ts);
        if (!call.offered)
            this.offer(call, msg, src);
        this.sendTransfer(call, { to_queue: clip(f.Queue ?? '', 64) });
        call.queue = f.Queue ? clip(f.Queue, 64) : call.queue;
        call.inQueue = call.queued = true;
        call.firstHangup = undefined;
        const priority = Number.parseInt(variable(call, f.Uniqueid, 'QUEUE_PRIO') ?? '', 10);
        this.emit(call, 'voice.queued', src, Number.isFinite(priority) ? { priority: Math.min(100, Math.max(0, priority)) } : {});
    }
    abandon(msg, ts) {
        const call = this.calls.of(msg);
        if (!call?.offered || !call.inQueue)
            return;
        call.inQueue = false;
        call.abandoned = true;
        this.emit(call, 'voice.abandoned', this.source(msg, ts), { stage: 'queue' });
    }
    agentConnect(msg, ts) {
        const f = msg.fields;
        const call = this.calls.of(msg);
        if (!call?.offered)
            return;
        call.inQueue = false;
        if (f.Queue)
            call.queue = clip(f.Queue, 64);
        this.answer(call, this.agentOf(f.Interface, f.MemberName), f.DestUniqueid, this.source(msg, ts));
    }
    hold(msg, ts, held) {
        const call = this.calls.of(msg);
        if (!call?.offered || !call.agent || call.held === held)
            return;
        call.held = held;
        this.emit(call, held ? 'voice.hold' : 'voice.unhold', this.source(msg, ts), {});
    }
    blindTransfer(msg, ts) {
        const f = msg.fields;
        if (f.Result !== 'Success')
            return;
        const call = this.calls.ofAny(msg, ['Transferee', 'Transferer']);
        if (!call?.offered)
            return;
        this.sendTransfer(call);
        call.transfer = {
            source: { event: 'BlindTransfer', uid: f.TransfererUniqueid ?? '', ts },
            agentId: call.agent?.id,
            queue: call.queue,
        };
        this.endLeg(call);
    }
    attendedTransfer(msg, ts) {
        const f = msg.fields;
        // A three-way call keeps everyone; app_queue does not count it as a transfer either.
        if (f.Result !== 'Success' || f.DestType === 'Threeway' || f.DestType === 'Fail')
            return;
        const call = this.calls.ofAny(msg, ['Transferee', 'OrigTransferer', 'SecondTransferer']);
        if (!call?.offered)
            return;
        this.sendTransfer(call);
        const src = { event: 'AttendedTransfer', uid: f.OrigTransfererUniqueid ?? '', ts };
        const target = this.configuredAgent(interfaceOf(f.TransferTargetChannel));
        this.emit(call, 'voice.transfer', src, { kind: 'warm', ...(target && { to_agent: target }) });
        this.endLeg(call);
        // The target already talks to the transferer: the customer's new leg is answered as the transfer completes,
        // 1 ms later so that it sorts after the transfer (live-metrics orders same-ms events answered before transfer).
        if (target && f.TransferTargetUniqueid)
            this.answer(call, target, f.TransferTargetUniqueid, { ...src, ts: ts + 1 });
    }
    dialBegin(msg) {
        const call = this.calls.of(msg);
        // After a blind transfer to an extension the caller's channel dials the agent's phone.
        if (!call?.transfer || call.inQueue || msg.fields.Uniqueid !== call.callerUid)
            return;
        const agent = this.configuredAgent(interfaceOf(msg.fields.DestChannel));
        this.sendTransfer(call, agent ? { to_agent: agent } : {});
    }
    dialEnd(msg, ts) {
        const f = msg.fields;
        const call = this.calls.of(msg);
        // Inside a queue AgentConnect reports the answer (app_queue raises DialEnd ANSWER first).
        if (f.DialStatus !== 'ANSWER' || !call?.offered || call.inQueue || f.Uniqueid !== call.callerUid)
            return;
        const agent = this.configuredAgent(interfaceOf(f.DestChannel));
        this.sendTransfer(call, agent ? { to_agent: agent } : {});
        if (agent)
            this.answer(call, agent, f.DestUniqueid, this.source(msg, ts));
    }
    recordingStart(msg) {
        const call = this.calls.of(msg);
        const uid = msg.fields.Uniqueid;
        if (!call || !uid)
            return;
        // The file name may come later (a VarSet, a newer snapshot's ChanVariable): it is read when announced.
        const file = variable(call, uid, 'MIXMONITOR_FILENAME');
        if (!call.recordings.some((r) => r.uid === uid && r.file === file))
            call.recordings.push({ uid, file, announced: false });
    }
    recordingStop(msg, ts) {
        const call = this.calls.of(msg);
        const rec = call?.recordings.find((r) => r.uid === msg.fields.Uniqueid && !r.announced);
        if (call?.offered && rec)
            this.announce(call, rec, this.source(msg, ts));
    }
    /** HangupRequest (final = false) or Hangup of one of the call's channels. */
    hangup(msg, ts, final) {
        const uid = msg.fields.Uniqueid ?? '';
        const call = this.calls.of(msg);
        if (!call)
            return;
        const side = uid === call.callerUid ? 'customer' : uid === call.agent?.uid ? 'agent' : undefined;
        if (side && !call.firstHangup)
            call.firstHangup = { side, ts };
        if (!final)
            return;
        if (side === 'customer')
            this.end(call, msg, ts);
        else
            this.calls.unindex(call, uid);
    }
    /** The caller hung up: the call is over. */
    end(call, msg, ts) {
        const src = this.source(msg, ts);
        if (call.offered) {
            this.sendTransfer(call);
            if (call.abandoned) {
                // voice.abandoned was sent when the caller left the queue.
            }
            else if (call.answered) {
                const cause = Number(msg.fields.Cause);
                const endedBy = call.firstHangup?.side === 'agent' ? 'agent' : NETWORK_FAILURE.has(cause) ? 'system' : 'customer';
                this.emit(call, 'voice.ended', src, { ended_by: endedBy }, { ts: call.firstHangup?.ts ?? ts });
            }
            else
                this.emit(call, 'voice.abandoned', src, { stage: call.queued ? 'queue' : 'ivr' });
            for (const rec of call.recordings)
                if (!rec.announced)
                    this.announce(call, rec, src);
        }
        this.calls.finish(call);
    }
    /** The offer: the caller ID from here on, at the time the first channel came in (or now). */
    offer(call, msg, src) {
        call.offered = true;
        const phone = known(msg.fields.CallerIDNum);
        const name = known(msg.fields.CallerIDName);
        if (phone)
            call.phone = clip(phone, 256);
        if (name)
            call.name = clip(name, 128);
        this.emit(call, 'voice.offered', call.origin ?? src, {
            ...(call.phone && { from: clip(call.phone, 64) }),
            ...(call.origin?.to && { to: call.origin.to }),
        });
    }
    answer(call, agentId, uid, src) {
        call.answered = true;
        call.held = false;
        call.agent = agentId && uid ? { id: agentId, uid } : undefined;
        if (uid)
            this.calls.index(call, uid);
        this.emit(call, 'voice.answered', src, {});
    }
    /** The agent's part of the call is over (a transfer): their later hangup does not end it. */
    endLeg(call) {
        call.agent = undefined;
        call.held = false;
        if (call.firstHangup?.side === 'agent')
            call.firstHangup = undefined;
    }
    /** Sends a pending blind transfer, with its destination when known. */
    sendTransfer(call, destination = {}) {
        const t = call.transfer;
        if (!t)
            return;
        call.transfer = undefined;
        const to = Object.fromEntries(Object.entries(destination).filter(([, v]) => v));
        this.emit(call, 'voice.transfer', t.source, { kind: 'blind', ...to }, { agent_id: t.agentId, queue: t.queue });
    }
    announce(call, rec, src) {
        rec.announced = true;
        const file = rec.file ?? variable(call, rec.uid, 'MIXMONITOR_FILENAME');
        // Without MIXMONITOR_FILENAME (neither channelvars nor the dialplan read class) there is nothing to point at.
        if (!file)
            return;
        const format = recordingFormat(file);
        const stereo = this.opts.recordingChannels === 2;
        this.emit(call, 'voice.recording_available', src, {
            url: recordingUrl(file, this.opts),
            ...(format && { format }),
            // The recorded channel's own audio is on the left: the caller's channel has the agent on the right.
            ...(stereo && { channels: 2, agent_channel: rec.uid === call.callerUid ? 1 : 0 }),
        }, { extra: digest(file, 12) });
    }
    emit(call, type, src, payload, opts = {}) {
        const event_id = eventIdOf(call.interactionId, type, src, opts.extra);
        const agentId = 'agent_id' in opts ? opts.agent_id : call.agent?.id;
        const queue = 'queue' in opts ? opts.queue : call.queue;
        this.out.push({
            event_id,
            ts: opts.ts ?? src.ts,
            channel: 'voice',
            type,
            interaction_id: call.interactionId,
            ...(call.phone && { customer: { phone: call.phone } }),
            ...(call.name && { customer_name: call.name }),
            ...(queue && { queue }),
            ...(agentId && { agent_id: agentId }),
            payload,
        });
    }
    /** The Mofang agent of a queue member: the agents map, else its MemberName or Interface when usable as an id. */
    agentOf(iface, memberName) {
        return (this.configuredAgent(iface) ??
            this.configuredAgent(memberName) ??
            [memberName, iface].find((v) => v !== undefined && v !== '' && idProblem(v) === undefined));
    }
    /**
     * The agent of a phone dialled outside a queue, only from the agents map: a transfer may go to any number (a
     * supplier, a trunk), which is no agent.
     */
    configuredAgent(key) {
        const agents = this.opts.agents ?? {};
        return key !== undefined && Object.hasOwn(agents, key) ? agents[key] : undefined;
    }
    source(msg, ts) {
        return { event: msg.fields.Event ?? '', uid: msg.fields.Uniqueid ?? '', ts };
    }
}
//# sourceMappingURL=map.js.map