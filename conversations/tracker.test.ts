import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '../core/index.js'
import { factsInText } from '../kits/facts/index.js'
import { ESCALATION_WORDS, wordMatcher } from '../kits/words/index.js'
import { ConversationTracker } from './tracker.js'

const T0 = 1_800_000_000_000
const S = 1_000

/** Sentiment from a marker word, so the tests say what each message is worth. */
const sentiment = (text: string) => (text.includes('bad') ? -0.8 : text.includes('good') ? 0.6 : 0)

const tracker = () =>
  new ConversationTracker({
    sentiment,
    facts: factsInText,
    words: wordMatcher({ forbidden: ['idiot', '滚'], sensitive: ['guarantee'], escalation: ESCALATION_WORDS }),
    replyLimitMs: 60 * S,
    silenceMs: 180 * S,
  })

let seq = 0
function ev(
  type: string,
  ts: number,
  extra: Partial<StoredEvent> = {},
  payload: Record<string, unknown> = {},
): StoredEvent {
  return {
    v: 1,
    event_id: `e${++seq}`,
    tenant: 'acme',
    channel: type.startsWith('voice') ? 'voice' : 'webchat',
    interaction_id: 'i1',
    type,
    ts,
    received_at: ts + 5,
    payload,
    ...extra,
  } as StoredEvent
}
const say = (role: string, text: string, ts: number, extra: Partial<StoredEvent> = {}) =>
  ev('chat.message', ts, extra, { role, text })

describe('a posted batch', () => {
  it('arrives grouped by event type, and an ended chat does not open again when its start comes last', () => {
    const t = tracker()
    // Ingest publishes a batch as one message per subject: messages, then the end, then the start.
    t.apply(say('customer', '你好', T0 + 2 * S))
    t.apply(say('agent', '您好', T0 + 5 * S, { agent_id: 'a7' }))
    expect(t.get('acme', 'i1')!.row.messages_count).toBe(2)
    expect(t.apply(ev('chat.ended', T0 + 9 * S, {}, { ended_by: 'customer' }))!.ended).toBe(true)
    expect(t.apply(ev('chat.started', T0))).toBeNull()
    expect(t.apply(ev('chat.transferred_to_agent', T0 + S))).toBeNull()
    expect(t.list('acme')).toEqual([])
    // Forgotten after the stale window, as the open ones are.
    t.tick(T0 + 5 * 3_600_000)
    expect(t.apply(ev('chat.started', T0 + 5 * 3_600_000))).not.toBeNull()
  })

  it('dates a conversation from its earliest event', () => {
    const t = tracker()
    t.apply(say('customer', '你好', T0 + 2 * S))
    t.apply(ev('chat.started', T0))
    expect(t.get('acme', 'i1')!.row.started_at).toBe(T0)
  })
})

describe('calls', () => {
  it('follow ringing, queue, talking and hold, with no words', () => {
    const t = tracker()
    t.apply(ev('voice.offered', T0, { queue: 'sales' }))
    t.apply(ev('voice.ivr', T0 + S, {}, { node: 'menu' }))
    expect(t.get('acme', 'i1')!.row.state).toBe('bot')
    t.apply(ev('voice.queued', T0 + 2 * S))
    expect(t.get('acme', 'i1')!.row).toMatchObject({ state: 'waiting', queued_at: T0 + 2 * S, kind: 'call' })
    t.apply(ev('voice.answered', T0 + 9 * S, { agent_id: 'a7', agent_name: 'Ana' }))
    expect(t.get('acme', 'i1')!.row).toMatchObject({ state: 'talking', queued_at: null, agent_id: 'a7' })
    t.apply(ev('voice.hold', T0 + 20 * S))
    expect(t.get('acme', 'i1')!.row.state).toBe('hold')
    t.apply(ev('voice.unhold', T0 + 30 * S))
    const d = t.detail(t.get('acme', 'i1')!, T0 + 31 * S)
    expect(d).toMatchObject({ state: 'talking', messages: [], transcript: [], mood: null, flags: [] })
    const end = t.apply(ev('voice.ended', T0 + 60 * S, {}, { ended_by: 'agent' }))
    expect(end?.ended).toBe(true)
    expect(t.list('acme')).toEqual([])
  })
})

describe('chats', () => {
  it('carries the ingest time of the event that changed it', () => {
    const t = tracker()
    const change = t.apply(ev('chat.started', T0))
    expect([change?.event_id, change?.ingested_at]).toEqual([`e${seq}`, T0 + 5])
  })

  it('scores customer messages, not bot or agent ones, and flags an angry customer', () => {
    const t = tracker()
    t.apply(ev('chat.started', T0))
    t.apply(say('bot', 'bad bot line', T0 + S))
    t.apply(say('agent', 'hello', T0 + 2 * S, { agent_id: 'a1' }))
    for (let i = 0; i < 3; i++) t.apply(say('customer', 'bad', T0 + (3 + i * 20) * S, { agent_id: 'a1' }))
    const c = t.get('acme', 'i1')!
    expect(c.messages.map((m) => m.sentiment)).toEqual([undefined, undefined, -0.8, -0.8, -0.8])
    expect(c.row.mood).toBeLessThan(-0.35)
    expect(c.row.flags).toEqual(['angry_customer'])
    expect(c.row.mood_line).toHaveLength(3)
  })

  it('lowers the mood while the customer waits for their agent, and flags the agent after the reply limit', () => {
    const t = tracker()
    t.apply(say('agent', 'hello', T0, { agent_id: 'a1' }))
    t.apply(say('customer', 'hi', T0 + S, { agent_id: 'a1' }))
    expect(t.tick(T0 + 20 * S)).toEqual([])
    const waited = t.tick(T0 + 91 * S)
    const c = t.get('acme', 'i1')!
    expect(waited.map((w) => w.conversation)).toEqual([c])
    expect(c.row.mood).toBeLessThan(0)
    expect(c.row.mood_line.at(-1)!.signals[0]).toMatch(/^waited_\d+s$/)
    expect(c.row.flags).toEqual(['agent_not_replying'])
    expect(t.row(c, T0 + 91 * S).customer_waiting_ms).toBe(90 * S)
    t.apply(say('agent', 'sorry', T0 + 95 * S, { agent_id: 'a1' }))
    expect(c.row.flags).toEqual([])
    expect(c.row.mood).toBeLessThan(0) // the wait is not undone by the answer
  })

  it('does not count queue time as the agent not replying', () => {
    const t = tracker()
    t.apply(ev('chat.started', T0))
    t.apply(say('customer', 'hi', T0 + S))
    t.apply(ev('chat.transferred_to_agent', T0 + 2 * S))
    t.apply(say('customer', 'anyone?', T0 + 3 * S))
    t.tick(T0 + 200 * S)
    expect(t.get('acme', 'i1')!.row).toMatchObject({ state: 'waiting', flags: [] })
    t.apply(ev('routing.assigned', T0 + 201 * S, {}, { agent_id: 'a1' }))
    t.apply(say('agent', 'hello', T0 + 202 * S, { agent_id: 'a1' }))
    expect(t.get('acme', 'i1')!.row).toMatchObject({ state: 'talking', agent_id: 'a1', flags: [] })
  })

  it('flags a long silence in a chat with an agent', () => {
    const t = tracker()
    t.apply(say('agent', 'hello', T0, { agent_id: 'a1' }))
    t.tick(T0 + 181 * S)
    expect(t.get('acme', 'i1')!.row.flags).toEqual(['long_silence'])
  })

  it('flags sensitive words from either side, escalation from the customer, and calls an agent forbidden word severe', () => {
    const t = tracker()
    t.apply(say('customer', 'I want a refund', T0, { agent_id: 'a1' }))
    const c = t.get('acme', 'i1')!
    expect(c.row.flags).toEqual(['escalation'])
    expect(t.severe(c)).toBe(false)
    t.apply(say('agent', 'I guarantee it', T0 + S, { agent_id: 'a1' }))
    expect(c.row.flags).toEqual(['sensitive_word', 'escalation'])
    expect(t.severe(c)).toBe(false)
    t.apply(say('agent', 'you idiot', T0 + 2 * S, { agent_id: 'a1' }))
    expect(t.severe(c)).toBe(true)
  })

  it('masks PII and keeps facts with the message they came from', () => {
    const t = tracker()
    t.apply(say('customer', '手机13812345678，蓝屏 0x0000007B', T0))
    const c = t.get('acme', 'i1')!
    expect(c.messages[0].text).not.toContain('13812345678')
    expect(c.row.facts).toEqual([
      { kind: 'error_code', value: '0x0000007B', source: 'text', event_id: `e${seq}`, ts: T0 },
    ])
  })

  it('attaches OCR text and its facts to the message', () => {
    const t = tracker()
    t.apply(
      ev(
        'chat.message',
        T0,
        { event_id: 'm1' },
        { role: 'customer', text: '[image]', attachments: [{ kind: 'image' }] },
      ),
    )
    const change = t.applyOcr({
      tenant_id: 'acme',
      interaction_id: 'i1',
      event_id: 'm1',
      attachment_index: 0,
      sha256: null,
      text: 'Stop code: 0xC000021A',
      facts: [{ kind: 'error_code', value: '0xC000021A' }],
      error: null,
      ms: 10,
    })
    expect(change?.conversation.messages[0].attachments).toEqual([{ kind: 'image', ocr_text: 'Stop code: 0xC000021A' }])
    expect(change?.conversation.row.facts.map((f) => [f.value, f.source])).toEqual([['0xC000021A', 'ocr']])
    expect(t.applyOcr({ ...change!.conversation.row, event_id: 'nope' } as never)).toBeNull()
  })

  it('drops a conversation nobody touched for the stale limit, as ended', () => {
    const t = tracker()
    t.apply(ev('chat.started', T0))
    const [gone] = t.tick(T0 + 4 * 3_600_000 + S)
    expect(gone.ended).toBe(true)
    expect(t.tenants()).toEqual([])
  })
})
