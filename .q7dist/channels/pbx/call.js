/**
 * What the mapper (map.ts) keeps per call, which call an AMI event belongs to, and the small pure rules it reads AMI
 * fields with: event time, event ids, a channel's interface, caller ID values. A call is everything that shares the
 * caller's `Linkedid` ("Uniqueid of the oldest channel associated with this channel",
 * https://docs.asterisk.org/Asterisk_20_Documentation/API_Documentation/AMI_Events/Newchannel), plus the channels
 * that join it by a transfer (a warm-transfer target keeps the Linkedid of its consult call).
 */
import { digest, idProblem } from '../../core/index.js';
/** A caller ID field's value, or undefined for Asterisk's placeholders. */
export function known(value) {
    return value === undefined || value === '' || value === '<unknown>' ? undefined : value;
}
/** Cuts a label to the event schema's length (queue 64, customer_name 128). */
export const clip = (value, max) => (value.length > max ? value.slice(0, max) : value);
/**
 * The event's time, ms: its `Timestamp` (`1767258000.101234`, seconds and microseconds, sent with
 * `timestampevents = yes` in manager.conf) when present, else when it was received.
 */
export function tsOf(msg, receivedAt) {
    const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(msg.fields.Timestamp ?? '');
    if (!m)
        return receivedAt;
    return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0').slice(0, 3));
}
const READABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/**
 * The event id of an emitted event: the call, the Mofang type, and the AMI event it comes from (name, channel,
 * time), so the same stream mapped twice (a reconnect that overlaps, a second feed process) yields the same ids and
 * ingest's dedup window keeps one copy. Readable when the parts allow it, a digest otherwise. `extra` separates two
 * events of one type from one AMI event (two recordings closed by one Hangup).
 */
export function eventIdOf(callId, type, src, extra = '') {
    const parts = [callId, type, src.event, src.uid, String(src.ts), ...(extra ? [extra] : [])];
    const readable = `pbx:${parts.join(':')}`;
    return READABLE_ID.test(readable) ? readable : `pbx:h:${digest(parts.join('\u0000'), 32)}`;
}
/**
 * The interface (device) of a channel name: Asterisk names a channel `<tech>/<resource>-<8 hex digits>`, a Local
 * channel half adds `;1` or `;2` (PJSIP/1001-0000001a → PJSIP/1001), which is what queue members and the agents
 * map are keyed by.
 */
export function interfaceOf(channel) {
    if (!channel)
        return undefined;
    return /^(.+)-[0-9a-f]{8}(?:;[12])?$/i.exec(channel)?.[1] ?? channel;
}
/** The channel variables Mofang reads: the queue priority and the recording's file. */
const VARIABLES = ['QUEUE_PRIO', 'MIXMONITOR_FILENAME'];
/** The calls in progress, found by Linkedid or by the Uniqueid of their caller's and agents' channels. */
export class CallBook {
    opts;
    calls = new Map();
    /** Uniqueid → call: the caller's channel and the agents' (a warm-transfer target has another call's Linkedid). */
    channels = new Map();
    ended = new Set();
    constructor(opts) {
        this.opts = opts;
    }
    get size() {
        return this.calls.size;
    }
    /** Whether the call ended (or was forgotten) lately: its late events open nothing. */
    hasEnded(id) {
        return this.ended.has(id);
    }
    has(id) {
        return this.calls.has(id);
    }
    open(id, callerUid, receivedAt) {
        const call = {
            id,
            interactionId: idProblem(id) === undefined ? id : `pbx-${digest(id, 24)}`,
            callerUid,
            offered: false,
            inQueue: false,
            queued: false,
            answered: false,
            abandoned: false,
            held: false,
            recordings: [],
            vars: new Map(),
            uids: new Set(),
            lastSeen: receivedAt,
        };
        this.calls.set(id, call);
        this.index(call, callerUid);
        return call;
    }
    finish(call) {
        this.calls.delete(call.id);
        for (const uid of call.uids)
            this.unindex(call, uid);
        keepNewest(this.ended, call.id, this.opts.maxEndedCalls);
    }
    /** Ties a channel to the call (an agent's, a transfer target's). */
    index(call, uid) {
        this.channels.set(uid, call);
        call.uids.add(uid);
    }
    unindex(call, uid) {
        if (this.channels.get(uid) === call)
            this.channels.delete(uid);
        call.uids.delete(uid);
    }
    /** The call of an event's channel, or of the snapshot with this prefix (`Transferee`, `Dest`…). */
    of(msg, prefix = '') {
        const uid = msg.fields[`${prefix}Uniqueid`];
        const linked = msg.fields[`${prefix}Linkedid`];
        return (uid ? this.channels.get(uid) : undefined) ?? (linked ? this.calls.get(linked) : undefined);
    }
    /** The call of the first of these snapshots that belongs to one (a transfer names several channels). */
    ofAny(msg, prefixes) {
        for (const p of prefixes) {
            const call = this.of(msg, p);
            if (call)
                return call;
        }
        return undefined;
    }
    /** Calls with no event since `before` (receipt time). */
    idleSince(before) {
        return [...this.calls.values()].filter((c) => c.lastSeen < before);
    }
    /**
     * Keeps the variables Mofang reads from the event's ChanVariable lines, for every channel snapshot in it. An event
     * may carry an older snapshot (MixMonitorStart: the one from before MIXMONITOR_FILENAME was set, empty), so an
     * empty value does not replace a known one.
     */
    noteVariables(call, msg) {
        for (const [prefix, vars] of Object.entries(msg.vars)) {
            const uid = msg.fields[`${prefix}Uniqueid`];
            for (const name of VARIABLES)
                if (uid && vars[name])
                    call.vars.set(`${uid} ${name}`, vars[name]);
        }
    }
    /** A VarSet event of a variable Mofang reads. */
    setVariable(msg) {
        const { Variable: name = '', Value: value = '', Uniqueid: uid } = msg.fields;
        if (VARIABLES.includes(name))
            this.of(msg)?.vars.set(`${uid} ${name}`, value);
    }
}
/** A channel's variable as last seen (VarSet or ChanVariable); undefined when unset or empty. */
export const variable = (call, uid, name) => call.vars.get(`${uid} ${name}`) || undefined;
/** Adds `key` to a set kept to its `max` newest keys (a Set iterates in insertion order). */
export function keepNewest(set, key, max) {
    set.add(key);
    for (const old of set) {
        if (set.size <= max)
            break;
        set.delete(old);
    }
}
//# sourceMappingURL=call.js.map