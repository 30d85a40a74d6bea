import { describe, expect, it } from 'vitest'
import type { JsMsg } from '@nats-io/jetstream'
import { qaDropCounters, qaInteractionPipeline, qaMessagePipeline } from './intake.js'
import type { InteractionEventRow } from './turns.js'

const message = (body: string) => ({ seq: 1, data: new TextEncoder().encode(body) }) as unknown as JsMsg
const row = (type: string, payload: Record<string, unknown> = {}): InteractionEventRow => ({
  interaction_id: 'c1',
  event_id: `${type}-${JSON.stringify(payload)}`,
  type,
  channel: 'chat',
  ts: 1_700_000_000_000,
  received_at: 1_700_000_000_000,
  customer_name: '',
  agent_id: 'a1',
  queue: 'q1',
  payload: JSON.stringify(payload),
})

describe('QA intake', () => {
  it('keeps the end events that name an interaction; drops and counts the rest', () => {
    const drops = qaDropCounters()
    const p = qaMessagePipeline(drops)
    expect(p.steps.map((s) => s.name)).toEqual(['decode', 'select_ends'])
    const ends = [
      { tenant: 'acme', type: 'chat.ended', interaction_id: 'c1' },
      { tenant: 'acme', type: 'chat.ended' },
    ]
    const out = p.run(message(JSON.stringify(ends)))
    expect(out.kind === 'ok' && out.value.map((e) => e.interaction_id)).toEqual(['c1'])
    expect(p.run(message(JSON.stringify([ends[1]])))).toMatchObject({ kind: 'drop', reason: 'no_interaction' })
    const bad = p.run(message('{"not": "an array"}'))
    expect(bad).toMatchObject({ kind: 'drop', reason: 'undecodable', step: 'decode' })
    expect(bad.kind === 'drop' && bad.detail).toBeInstanceOf(Error)
    expect(drops.snapshot()).toEqual({ undecodable: 1, no_interaction: 1, no_events: 0, no_turns: 0 })
    expect(drops.prometheus()).toContain('mofang_qa_drops_total{reason="undecodable"} 1')
  })

  it('builds the interaction to score, dropping one without events or turns', () => {
    const drops = qaDropCounters()
    const p = qaInteractionPipeline(drops)
    expect(p.steps.map((s) => s.name)).toEqual(['build_turns', 'has_turns'])
    const chat = [row('chat.message', { role: 'customer', text: 'hello' }), row('chat.ended')]
    const out = p.run({ tenant: 'acme', rows: chat })
    expect(out).toMatchObject({ kind: 'ok', value: { tenant: 'acme', queue: 'q1', agent_id: 'a1' } })
    expect(p.run({ tenant: 'acme', rows: [] })).toMatchObject({ kind: 'drop', reason: 'no_events' })
    expect(p.run({ tenant: 'acme', rows: [row('chat.ended')] })).toMatchObject({ kind: 'drop', reason: 'no_turns' })
    expect(drops.snapshot()).toEqual({ undecodable: 0, no_interaction: 0, no_events: 1, no_turns: 1 })
  })
})
