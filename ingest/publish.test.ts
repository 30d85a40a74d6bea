import { describe, expect, it } from 'vitest'
import { packEvents } from './publish.js'
import type { StoredEvent } from '../core/events.js'
import { decodeEvents } from '../core/contracts/index.js'

const ev = (i: number, type: StoredEvent['type'], channel: StoredEvent['channel'] = 'voice'): StoredEvent => ({
  v: 1,
  event_id: `e${i}`,
  tenant: 'acme',
  ts: i,
  received_at: i,
  channel,
  type,
  interaction_id: `c${i}`,
  payload: {},
})

describe('packEvents', () => {
  it('groups by subject in first-appearance order and keeps order within a subject', () => {
    const msgs = packEvents([ev(1, 'voice.offered'), ev(2, 'voice.answered'), ev(3, 'voice.offered')], { prefix: 'cx' })
    expect(msgs.map((m) => [m.subject, m.events.map((e) => e.event_id)])).toEqual([
      ['cx.acme.voice.voice.offered', ['e1', 'e3']],
      ['cx.acme.voice.voice.answered', ['e2']],
    ])
    expect(decodeEvents(msgs[0].body).map((e) => e.event_id)).toEqual(['e1', 'e3'])
  })
  it('packs one UTC day per message, so the sink can bound the partitions of an insert', () => {
    const day = 86_400_000
    const list = [ev(1, 'voice.offered'), { ...ev(2, 'voice.offered'), ts: day + 5 }, ev(3, 'voice.offered')]
    const msgs = packEvents(list, { prefix: 'cx' })
    expect(msgs.map((m) => [m.day, m.events.map((e) => e.event_id)])).toEqual([
      [0, ['e1', 'e3']],
      [1, ['e2']],
    ])
  })
  it('splits a subject into messages under the size limit', () => {
    const msgs = packEvents(
      Array.from({ length: 100 }, (_, i) => ev(i, 'voice.offered')),
      { prefix: 'cx', maxMessageBytes: 2_000 },
    )
    expect(msgs.length).toBeGreaterThan(5)
    expect(msgs.every((m) => m.body.length <= 2_000)).toBe(true)
    expect(msgs.flatMap((m) => m.events).length).toBe(100)
    expect(msgs.flatMap((m) => decodeEvents(m.body))).toEqual(msgs.flatMap((m) => m.events))
  })
})
