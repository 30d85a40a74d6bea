import { describe, it, expect } from 'vitest'
import { buildInteraction, groupByInteraction, readiness, type InteractionEventRow } from './turns.js'

const row = (
  type: string,
  ts: number,
  payload: object = {},
  extra: Partial<InteractionEventRow> = {},
): InteractionEventRow => ({
  interaction_id: 'c1',
  event_id: `e${ts}`,
  type,
  channel: 'wechat',
  ts,
  received_at: ts + 5,
  customer_name: '',
  agent_id: '',
  queue: '',
  payload: JSON.stringify(payload),
  ...extra,
})

describe('buildInteraction', () => {
  it("adds what OCR read from a message's screenshot to its turn, so facts and checks see it", () => {
    const rows = [
      row('chat.message', 100, { role: 'customer', text: '[image]' }, { ocr_text: 'Stop code: 0x0000007B' }),
      row('chat.message', 200, { role: 'customer', text: '开不了机' }),
    ]
    expect(buildInteraction('acme', rows)!.interaction.turns.map((t) => t.text)).toEqual([
      '[image]\nStop code: 0x0000007B',
      '开不了机',
    ])
  })

  it('orders chat messages into turns and keeps the name, queue, agent and survey', () => {
    const rows = [
      row('chat.ended', 400, { ended_by: 'customer' }, { agent_id: 'a7', queue: 'repair' }),
      row('chat.message', 200, { role: 'agent', text: '王先生您好' }, { agent_id: 'a7', queue: 'repair' }),
      row('chat.message', 100, { role: 'customer', text: '你好' }, { customer_name: '王伟' }),
      row('chat.message', 300, { role: 'system', text: 'agent joined' }),
      row('survey.nps', 500, { score: 9 }),
    ]
    const built = buildInteraction('acme', rows)!
    expect(built.interaction.turns).toEqual([
      { role: 'customer', text: '你好', ts: 100 },
      { role: 'agent', text: '王先生您好', ts: 200 },
    ])
    expect(built).toMatchObject({ tenant: 'acme', queue: 'repair', agent_id: 'a7', ended_at: 400 })
    expect(built.interaction).toMatchObject({
      interaction_id: 'c1',
      channel: 'wechat',
      customer_name: '王伟',
      survey: { nps: 9 },
    })
  })

  it('takes public ticket comments only, and survives a bad payload', () => {
    const rows = [
      row('ticket.comment', 1, { role: 'customer', text: 'Screen is broken', public: true }, { channel: 'ticket' }),
      row(
        'ticket.comment',
        2,
        { role: 'agent', text: 'internal: check warranty', public: false },
        { channel: 'ticket' },
      ),
      row('ticket.comment', 3, { role: 'agent', text: 'We will replace it', public: true }, { channel: 'ticket' }),
      { ...row('ticket.comment', 4, {}, { channel: 'ticket' }), payload: '{not json' },
      row('ticket.resolved', 5, {}, { channel: 'ticket' }),
    ]
    const built = buildInteraction('acme', rows)!
    expect(built.interaction.turns.map((t) => t.text)).toEqual(['Screen is broken', 'We will replace it'])
    expect(built.ended_at).toBe(5)
    expect(built.interaction.customer_name).toBeUndefined()
  })

  it('returns null without events', () => expect(buildInteraction('acme', [])).toBeNull())

  it('groups rows by interaction', () => {
    const g = groupByInteraction([
      row('chat.message', 1),
      row('chat.message', 2, {}, { interaction_id: 'c2' }),
      row('chat.ended', 3),
    ])
    expect([...g.keys()]).toEqual(['c1', 'c2'])
    expect(g.get('c1')!.length).toBe(2)
  })
})

describe('readiness', () => {
  const rows = [row('chat.message', 100), row('chat.ended', 200)]
  it('waits while the end event is not stored', () =>
    expect(readiness(rows, 'e999', 10_000, 750)).toEqual({ ready: false, waitMs: 750 }))
  it('waits until the end event has settled', () =>
    expect(readiness(rows, 'e200', 205 + 300, 750)).toEqual({ ready: false, waitMs: 450 }))
  it('is ready once settled', () => expect(readiness(rows, 'e200', 205 + 750, 750)).toEqual({ ready: true }))
})
