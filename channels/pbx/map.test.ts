/**
 * The mapper on the recorded streams (fixtures/*.ami.txt): each call gives exactly the documented sequence of voice
 * events, and every event is one ingest accepts. Then the rules the fixtures do not reach, on small streams.
 */
import { describe, expect, it } from 'vitest'
import { validateEvent } from '../../core/index.js'
import type { AmiMessage } from './ami-parser.js'
import { AmiMapper, type AmiMapperOptions, type PbxEvent } from './map.js'
import { FIXTURES, fixtureMessages, type FixtureName } from './test-helpers/fixtures.js'

const AGENTS = { 'PJSIP/1001': 'a-1001', 'PJSIP/1002': 'a-1002' }
const RECEIVED = Date.parse('2026-06-01T00:00:00Z')

function mapAll(messages: AmiMessage[], opts: AmiMapperOptions = { agents: AGENTS }, mapper = new AmiMapper(opts)) {
  return messages.flatMap((m) => mapper.map(m, RECEIVED))
}
const mapFixture = (name: FixtureName, opts?: AmiMapperOptions) => mapAll(fixtureMessages(name), opts)

/** [type, ts, queue, agent_id, payload]: what each expectation below pins. */
type Row = [string, number, string | undefined, string | undefined, Record<string, unknown>]
const rows = (events: PbxEvent[]): Row[] => events.map((e) => [e.type, e.ts, e.queue, e.agent_id, e.payload ?? {}])

describe('AMI mapper on recorded calls', () => {
  it('an answered call with hold and a blind transfer to another queue', () => {
    const events = mapFixture('answered-hold-blind-transfer')
    expect(rows(events)).toEqual<Row[]>([
      ['voice.offered', 1767258000101, undefined, undefined, { from: '13800138000', to: '4008001234' }],
      ['voice.queued', 1767258000140, 'sales', undefined, { priority: 5 }],
      ['voice.answered', 1767258012480, 'sales', 'a-1001', {}],
      ['voice.hold', 1767258040200, 'sales', 'a-1001', {}],
      ['voice.unhold', 1767258065800, 'sales', 'a-1001', {}],
      ['voice.transfer', 1767258095300, 'sales', 'a-1001', { kind: 'blind', to_queue: 'support' }],
      ['voice.queued', 1767258096000, 'support', undefined, { priority: 5 }],
      // bob is in no agents map: his MemberName is the id.
      ['voice.answered', 1767258104500, 'support', 'bob', {}],
      // The caller asked to hang up (HangupRequest) first.
      ['voice.ended', 1767258230700, 'support', 'bob', { ended_by: 'customer' }],
    ])
    for (const e of events) {
      expect(e).toMatchObject({ channel: 'voice', interaction_id: '1767258000.16', customer_name: '王伟' })
      expect(e.customer).toEqual({ phone: '13800138000' })
    }
  })

  it('a caller who gives up in the queue', () => {
    const events = mapFixture('abandoned-in-queue')
    expect(rows(events)).toEqual<Row[]>([
      ['voice.offered', 1767261600052, undefined, undefined, { from: '13900139000', to: '4008001234' }],
      // QUEUE_PRIO is in channelvars but unset: no priority.
      ['voice.queued', 1767261606310, 'sales', undefined, {}],
      ['voice.abandoned', 1767261647520, 'sales', undefined, { stage: 'queue' }],
    ])
    // CallerIDName <unknown>: no name. The agent rung (PJSIP/1001) never answered: no agent on any event.
    for (const e of events)
      expect(e).toMatchObject({ interaction_id: '1767261600.32', customer: { phone: '13900139000' } })
    expect(events.some((e) => 'customer_name' in e)).toBe(false)
  })

  it('an agent who did not answer, then one who did and hung up first', () => {
    const events = mapFixture('ring-no-answer')
    expect(rows(events)).toEqual<Row[]>([
      ['voice.offered', 1767265200008, undefined, undefined, { from: '+8613700137000', to: '4008005678' }],
      ['voice.queued', 1767265204401, 'sales', undefined, {}],
      ['voice.answered', 1767265229026, 'sales', 'a-1002', {}],
      // Ended when the agent hung up, not when the caller left the survey 20 s later.
      ['voice.ended', 1767265411305, 'sales', 'a-1002', { ended_by: 'agent' }],
    ])
    expect(new Set(events.map((e) => e.interaction_id))).toEqual(new Set(['1767265200.48']))
  })

  it('a MixMonitor recording, its file name learnt from a later snapshot', () => {
    const events = mapFixture('mixmonitor-recording', {
      agents: AGENTS,
      recordingsBase: 'https://pbx.example.com/monitor/',
      recordingChannels: 2,
    })
    expect(rows(events)).toEqual<Row[]>([
      ['voice.offered', 1767268800031, undefined, undefined, { from: '13600136000', to: '4008001234' }],
      ['voice.queued', 1767268803120, 'support', undefined, {}],
      ['voice.answered', 1767268809815, 'support', 'bob', {}],
      ['voice.ended', 1767268943221, 'support', 'bob', { ended_by: 'customer' }],
      [
        'voice.recording_available',
        1767268943240,
        'support',
        'bob',
        // Recorded on the caller's channel: its own audio left, the agent right.
        { url: 'https://pbx.example.com/monitor/1767268800.64.wav', format: 'wav', channels: 2, agent_channel: 1 },
      ],
    ])
  })

  it('a warm transfer to an agent the first agent consulted', () => {
    const events = mapFixture('warm-transfer')
    expect(rows(events)).toEqual<Row[]>([
      ['voice.offered', 1767272400012, undefined, undefined, { from: '13500135000', to: '4008001234' }],
      ['voice.queued', 1767272402508, 'sales', undefined, {}],
      ['voice.answered', 1767272407124, 'sales', 'a-1001', {}],
      ['voice.hold', 1767272461400, 'sales', 'a-1001', {}],
      ['voice.transfer', 1767272498700, 'sales', 'a-1001', { kind: 'warm', to_agent: 'a-1002' }],
      ['voice.answered', 1767272498701, 'sales', 'a-1002', {}],
      // The target's channel belongs to the consult call's Linkedid; its hangup still ends this call.
      ['voice.ended', 1767272650118, 'sales', 'a-1002', { ended_by: 'agent' }],
    ])
    // The consult call (1001 calling 1002) is no contact of the centre.
    expect(new Set(events.map((e) => e.interaction_id))).toEqual(new Set(['1767272400.80']))
  })

  it('makes only events ingest accepts, with ids that are the same on every run and never repeat', () => {
    for (const name of FIXTURES) {
      const events = mapFixture(name)
      for (const e of events) expect(validateEvent({ ...e, tenant: 'acme' })).toMatchObject({ ok: true })
      expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length)
      expect(mapFixture(name).map((e) => e.event_id)).toEqual(events.map((e) => e.event_id))
    }
  })

  it('maps nothing twice when the same events arrive again', () => {
    const messages = fixtureMessages('answered-hold-blind-transfer')
    const mapper = new AmiMapper({ agents: AGENTS })
    const firstHalf = messages.slice(0, 30)
    const first = mapAll(firstHalf, {}, mapper)
    // A reconnect that replays the last ten events, then the rest.
    const again = mapAll([...firstHalf.slice(20), ...messages.slice(30)], {}, mapper)
    expect([...first, ...again]).toEqual(mapFixture('answered-hold-blind-transfer'))
    // After the call ended, its stream once more opens nothing.
    expect(mapAll(messages, {}, mapper)).toEqual([])
    expect(mapper.openCalls).toBe(0)
  })
})

/** A small stream: the caller's channel on every event unless the fields say otherwise. */
const CALLER = { Channel: 'PJSIP/trunk-00000001', Uniqueid: '1000.1', Linkedid: '1000.1', CallerIDNum: '13800138000' }
const msg = (Event: string, fields: Record<string, string> = {}, vars: AmiMessage['vars'] = {}): AmiMessage => ({
  fields: { Event, ...CALLER, ...fields },
  vars,
})
const at = (s: number) => ({ Timestamp: `${1000 + s}.000000` })
const agentFields = (iface: string, uid: string, memberName = iface) => ({
  Interface: iface,
  MemberName: memberName,
  DestChannel: `${iface}-0000000a`,
  DestUniqueid: uid,
})
const queued = [
  msg('Newchannel', { ...at(0), Context: 'from-pstn', Exten: 's' }),
  msg('QueueCallerJoin', { ...at(1), Queue: 'sales' }),
]
const answered = [...queued, msg('AgentConnect', { ...at(5), Queue: 'sales', ...agentFields('PJSIP/1001', '1005.2') })]

describe('AMI mapper rules', () => {
  it('with inbound contexts: offered from the first channel; an IVR hang-up is abandoned in the IVR', () => {
    const opts = { inboundContexts: ['from-pstn'] }
    const events = mapAll(
      [msg('Newchannel', { ...at(0), Context: 'from-pstn', Exten: 's' }), msg('Hangup', at(9))],
      opts,
    )
    expect(rows(events)).toEqual<Row[]>([
      // Exten `s` is no number dialled.
      ['voice.offered', 1_000_000, undefined, undefined, { from: '13800138000' }],
      ['voice.abandoned', 1_009_000, undefined, undefined, { stage: 'ivr' }],
    ])
    // A call that starts elsewhere (an agent's consult call) is no contact even when it joins a queue.
    const internal = [msg('Newchannel', { Context: 'from-internal' }), msg('QueueCallerJoin', { Queue: 'sales' })]
    expect(mapAll(internal, opts)).toEqual([])
  })

  it('without a Timestamp field the receipt time is the event time', () => {
    const [offered] = mapAll([msg('Newchannel'), msg('QueueCallerJoin', { Queue: 'sales' })])
    expect(offered.ts).toBe(RECEIVED)
  })

  it('an anonymous caller has no identity; a network failure ends the call for the system', () => {
    const anonymous = answered.map((m) => ({ ...m, fields: { ...m.fields, CallerIDNum: '<unknown>' } }))
    const events = mapAll([...anonymous, msg('Hangup', { ...at(60), CallerIDNum: '<unknown>', Cause: '38' })])
    expect(events.every((e) => e.customer === undefined)).toBe(true)
    expect(events.at(-1)).toMatchObject({ type: 'voice.ended', payload: { ended_by: 'system' }, ts: 1_060_000 })
  })

  it('a queue member whose MemberName is no id (spaces) and is not mapped is known by its interface', () => {
    const events = mapAll([
      ...queued,
      msg('AgentConnect', { Queue: 'sales', ...agentFields('PJSIP/3001', '9.9', 'Dan Li') }),
    ])
    expect(events.at(-1)).toMatchObject({ type: 'voice.answered', agent_id: 'PJSIP/3001' })
  })

  it("a blind transfer to a mapped agent's phone: to_agent when it rings, answered when picked up", () => {
    const transfer = msg('BlindTransfer', {
      ...at(30),
      Result: 'Success',
      TransfererUniqueid: '1005.2',
      TransfereeUniqueid: '1000.1',
      TransfereeLinkedid: '1000.1',
    })
    const dial = { DestChannel: 'PJSIP/1002-0000000b', DestUniqueid: '1031.3' }
    const events = mapAll([
      ...answered,
      transfer,
      msg('DialBegin', { ...at(31), ...dial }),
      msg('DialEnd', { ...at(36), ...dial, DialStatus: 'ANSWER' }),
      msg('HangupRequest', { ...at(90), Uniqueid: '1031.3', Linkedid: '1000.1' }),
      msg('Hangup', at(91)),
    ])
    expect(rows(events).slice(3)).toEqual<Row[]>([
      ['voice.transfer', 1_030_000, 'sales', 'a-1001', { kind: 'blind', to_agent: 'a-1002' }],
      ['voice.answered', 1_036_000, 'sales', 'a-1002', {}],
      ['voice.ended', 1_090_000, 'sales', 'a-1002', { ended_by: 'agent' }],
    ])
  })

  it('a recording stopped before the end (StopMixMonitor), its file from VarSet, as a file URL by default', () => {
    const file = '/var/spool/asterisk/monitor/2026/06/01/in-1000.1.wav'
    const events = mapAll([
      ...answered,
      msg('VarSet', { Variable: 'MIXMONITOR_FILENAME', Value: file }),
      msg('MixMonitorStart', at(6)),
      msg('MixMonitorStop', at(40)),
      msg('Hangup', at(60)),
    ])
    expect(rows(events).filter(([type]) => type === 'voice.recording_available')).toEqual<Row[]>([
      ['voice.recording_available', 1_040_000, 'sales', 'a-1001', { url: `file://${file}`, format: 'wav' }],
    ])
    // Under a recordings base the path below the monitor directory is kept.
    const based = mapAll(
      [...answered, msg('MixMonitorStart', {}, { '': { MIXMONITOR_FILENAME: file } }), msg('Hangup')],
      {
        recordingsBase: 'file:///mnt/pbx/monitor',
      },
    )
    expect(based.at(-1)?.payload).toEqual({ url: 'file:///mnt/pbx/monitor/2026/06/01/in-1000.1.wav', format: 'wav' })
  })

  it('forgets calls whose end was missed once they are idle too long', () => {
    const mapper = new AmiMapper({ maxCallIdleMs: 3_600_000 })
    mapAll(queued, {}, mapper)
    expect(mapper.sweep(RECEIVED + 3_000_000)).toBe(0)
    expect(mapper.sweep(RECEIVED + 3_700_000)).toBe(1)
    expect(mapper.openCalls).toBe(0)
  })
})
