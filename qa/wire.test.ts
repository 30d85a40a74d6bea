import { describe, expect, it } from 'vitest'
import { scoreInteraction } from './pipeline.js'
import type { Interaction } from './types.js'
import { decodeResults, encodeResults } from './wire.js'

const batch: Interaction[] = [
  {
    interaction_id: 'w1',
    customer_name: '王伟',
    turns: [
      { role: 'agent', text: '您好，请问有什么可以帮您？', ts: 0 },
      { role: 'customer', text: '我的手机号是13812345678，订单号A20240517001', ts: 5_000 },
      { role: 'bot', text: '正在为您转接', ts: 6_000 },
    ],
  },
  {
    interaction_id: 'w2',
    turns: [
      { role: 'agent', text: 'Hello, how can I help?', ts: 0 },
      { role: 'customer', text: 'Email me at wang@example.com', ts: 4_000 },
    ],
  },
]

describe('results on the wire', () => {
  const results = batch.map((x) => scoreInteraction(x))
  const encoded = encodeResults(batch, results)

  it('come back equal to what the worker scored', () => {
    expect(decodeResults(batch, encoded)).toEqual(results)
  })

  it('carry only the turns that redaction changed', () => {
    const wire = JSON.parse(encoded) as { turns: unknown[] }[]
    expect(wire.map((r) => r.turns.map((t) => t !== null))).toEqual([
      [false, true, false],
      [false, true],
    ])
    expect(results[0].turns[1].text).not.toContain('13812345678')
  })
})
