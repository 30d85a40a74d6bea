import { describe, expect, it } from 'vitest'
import { decodeEvents, encodeEvents, utcDayOf } from './index.js'
import type { StoredEvent } from '../events.js'

const ev = (i: number): StoredEvent => ({
  v: 1,
  event_id: `e${i}`,
  tenant: 'acme',
  ts: i,
  received_at: i,
  channel: 'voice',
  type: 'voice.offered',
  interaction_id: `c${i}`,
  payload: { text: '你好' },
})

describe('event batch messages', () => {
  it('encodes events as one UTF-8 JSON array and decodes them back', () => {
    const events = [ev(1), ev(2)]
    const body = encodeEvents(events)
    expect(new TextDecoder().decode(body)).toBe(JSON.stringify(events))
    expect(decodeEvents(body)).toEqual(events)
  })
  it('refuses a body that is not an array of events', () => {
    expect(() => decodeEvents(new TextEncoder().encode('{"a":1}'))).toThrow(/JSON array/)
    expect(() => decodeEvents(new TextEncoder().encode('[{"a":1'))).toThrow(SyntaxError)
  })
  it('puts an event time in its UTC day', () => {
    expect(utcDayOf(0)).toBe(0)
    expect(utcDayOf(86_400_000 - 1)).toBe(0)
    expect(utcDayOf(86_400_000)).toBe(1)
  })
})
