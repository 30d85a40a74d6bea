/**
 * What the mapper (map.ts) keeps per call, which call an AMI event belongs to, and the small pure rules it reads AMI
 * fields with: event time, event ids, a channel's interface, caller ID values. A call is everything that shares the
 * caller's `Linkedid` ("Uniqueid of the oldest channel associated with this channel",
 * https://docs.asterisk.org/Asterisk_20_Documentation/API_Documentation/AMI_Events/Newchannel), plus the channels
 * that join it by a transfer (a warm-transfer target keeps the Linkedid of its consult call).
 */
import { digest, idProblem } from '../../core/index.js'
import type { AmiMessage } from './ami-parser.js'

/** Where an emitted event comes from: the AMI event, its channel and time. Its event id is made of these. */
export interface Source {
  event: string
  uid: string
  ts: number
}

/** A MixMonitor recording of one of the call's channels. */
export interface Recording {
  /** MIXMONITOR_FILENAME when MixMonitorStart was seen (else read from the channel's variables when announced). */
  file?: string
  /** The recorded channel's Uniqueid (the caller's or an agent's: which stereo side is whose). */
  uid: string
  announced: boolean
}

export interface Call {
  /** The Linkedid. */
  id: string
  /** The interaction id: the Linkedid, or a digest of it when it is no valid id (a `systemname` with spaces). */
  interactionId: string
  /** Uniqueid of the caller's channel: its Hangup ends the call. */
  callerUid: string
  /** The call's first channel as Newchannel showed it: when it came in and the number dialled. */
  origin?: Source & { to?: string }
  /** The caller ID as of the offer, on every event after it (one identity per call). */
  phone?: string
  name?: string
  /** A contact of the centre (voice.offered sent); nothing is emitted before. */
  offered: boolean
  /** The queue of the current leg. */
  queue?: string
  /** Waiting in a queue now (QueueCallerJoin seen, no AgentConnect or abandon yet). */
  inQueue: boolean
  /** Joined a queue at some point. */
  queued: boolean
  /** An agent answered at some point. */
  answered: boolean
  abandoned: boolean
  /** The agent of the current leg and the Uniqueid of their channel. */
  agent?: { id: string; uid: string }
  held: boolean
  /** A blind transfer whose destination is not known yet (the next queue or dialled agent names it). */
  transfer?: { source: Source; agentId?: string; queue?: string }
  /** Who hung up first, the caller or the connected agent: HangupRequest, else Hangup (the event says when). */
  firstHangup?: { side: 'customer' | 'agent'; ts: number }
  recordings: Recording[]
  /** The channel variables Mofang reads, from VarSet and ChanVariable lines: `<Uniqueid> <NAME>` → value. */
  vars: Map<string, string>
  /** Uniqueids indexed to this call (caller, agents). */
  uids: Set<string>
  /** Receipt time of its last AMI event, ms (forgotten when idle too long: its Hangup was missed). */
  lastSeen: number
}

/** A caller ID field's value, or undefined for Asterisk's placeholders. */
export function known(value: string | undefined): string | undefined {
  return value === undefined || value === '' || value === '<unknown>' ? undefined : value
}

/** Cuts a label to the event schema's length (queue 64, customer_name 128). */
export const clip = (value: string, max: number): string => (value.length > max ? value.slice(0, max) : value)

/**
 * The event's time, ms: its `Timestamp` (`1767258000.101234`, seconds and microseconds, sent with
 * `timestampevents = yes` in manager.conf) when present, else when it was received.
 */
export function tsOf(msg: AmiMessage, receivedAt: number): number {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(msg.fields.Timestamp ?? '')
  if (!m) return receivedAt
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0').slice(0, 3))
}

const READABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * The event id of an emitted event: the call, the Mofang type, and the AMI event it comes from (name, channel,
 * time), so the same stream mapped twice (a reconnect that overlaps, a second feed process) yields the same ids and
 * ingest's dedup window keeps one copy. Readable when the parts allow it, a digest otherwise. `extra` separates two
 * events of one type from one AMI event (two recordings closed by one Hangup).
 */
export function eventIdOf(callId: string, type: string, src: Source, extra = ''): string {
  const parts = [callId, type, src.event, src.uid, String(src.ts), ...(extra ? [extra] : [])]
  const readable = `pbx:${parts.join(':')}`
  return READABLE_ID.test(readable) ? readable : `pbx:h:${digest(parts.join('\u0000'), 32)}`
}

/**
 * The interface (device) of a channel name: Asterisk names a channel `<tech>/<resource>-<8 hex digits>`, a Local
 * channel half adds `;1` or `;2` (PJSIP/1001-0000001a → PJSIP/1001), which is what queue members and the agents
 * map are keyed by.
 */
export function interfaceOf(channel: string | undefined): string | undefined {
  if (!channel) return undefined
  return /^(.+)-[0-9a-f]{8}(?:;[12])?$/i.exec(channel)?.[1] ?? channel
}

/** The channel variables Mofang reads: the queue priority and the recording's file. */
const VARIABLES = ['QUEUE_PRIO', 'MIXMONITOR_FILENAME']

export interface CallBookOptions {
  /** Ended calls remembered, so their late events (an agent's Hangup after the caller's) open nothing. */
  maxEndedCalls: number
}

/** The calls in progress, found by Linkedid or by the Uniqueid of their caller's and agents' channels. */
export class CallBook {
  private readonly calls = new Map<string, Call>()
  /** Uniqueid → call: the caller's channel and the agents' (a warm-transfer target has another call's Linkedid). */
  private readonly channels = new Map<string, Call>()
  private readonly ended = new Set<string>()

  constructor(private readonly opts: CallBookOptions) {}

  get size(): number {
    return this.calls.size
  }

  /** Whether the call ended (or was forgotten) lately: its late events open nothing. */
  hasEnded(id: string): boolean {
    return this.ended.has(id)
  }

  has(id: string): boolean {
    return this.calls.has(id)
  }

  open(id: string, callerUid: string, receivedAt: number): Call {
    const call: Call = {
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
    }
    this.calls.set(id, call)
    this.index(call, callerUid)
    return call
  }

  finish(call: Call) {
    this.calls.delete(call.id)
    for (const uid of call.uids) this.unindex(call, uid)
    keepNewest(this.ended, call.id, this.opts.maxEndedCalls)
  }

  /** Ties a channel to the call (an agent's, a transfer target's). */
  index(call: Call, uid: string) {
    this.channels.set(uid, call)
    call.uids.add(uid)
  }

  unindex(call: Call, uid: string) {
    if (this.channels.get(uid) === call) this.channels.delete(uid)
    call.uids.delete(uid)
  }

  /** The call of an event's channel, or of the snapshot with this prefix (`Transferee`, `Dest`…). */
  of(msg: AmiMessage, prefix = ''): Call | undefined {
    const uid = msg.fields[`${prefix}Uniqueid`]
    const linked = msg.fields[`${prefix}Linkedid`]
    return (uid ? this.channels.get(uid) : undefined) ?? (linked ? this.calls.get(linked) : undefined)
  }

  /** The call of the first of these snapshots that belongs to one (a transfer names several channels). */
  ofAny(msg: AmiMessage, prefixes: string[]): Call | undefined {
    for (const p of prefixes) {
      const call = this.of(msg, p)
      if (call) return call
    }
    return undefined
  }

  /** Calls with no event since `before` (receipt time). */
  idleSince(before: number): Call[] {
    return [...this.calls.values()].filter((c) => c.lastSeen < before)
  }

  /**
   * Keeps the variables Mofang reads from the event's ChanVariable lines, for every channel snapshot in it. An event
   * may carry an older snapshot (MixMonitorStart: the one from before MIXMONITOR_FILENAME was set, empty), so an
   * empty value does not replace a known one.
   */
  noteVariables(call: Call, msg: AmiMessage) {
    for (const [prefix, vars] of Object.entries(msg.vars)) {
      const uid = msg.fields[`${prefix}Uniqueid`]
      for (const name of VARIABLES) if (uid && vars[name]) call.vars.set(`${uid} ${name}`, vars[name])
    }
  }

  /** A VarSet event of a variable Mofang reads. */
  setVariable(msg: AmiMessage) {
    const { Variable: name = '', Value: value = '', Uniqueid: uid } = msg.fields
    if (VARIABLES.includes(name)) this.of(msg)?.vars.set(`${uid} ${name}`, value)
  }
}

/** A channel's variable as last seen (VarSet or ChanVariable); undefined when unset or empty. */
export const variable = (call: Call, uid: string | undefined, name: string): string | undefined =>
  call.vars.get(`${uid} ${name}`) || undefined

/** Adds `key` to a set kept to its `max` newest keys (a Set iterates in insertion order). */
export function keepNewest(set: Set<string>, key: string, max: number) {
  set.add(key)
  for (const old of set) {
    if (set.size <= max) break
    set.delete(old)
  }
}
