import { describe, expect, it } from 'vitest'
import { eventRows, messageRows } from './event-rows.js'
import type { StoredEvent } from '../core/events.js'

const e = {
  v: 1,
  event_id: 'e1',
  tenant: 't',
  ts: 1,
  received_at: 2,
  channel: 'voice',
  type: 'voice.offered',
  payload: { text: '[蓝屏]' },
} as StoredEvent

describe('event rows', () => {
  it('are a message body less its brackets, without a copy', () => {
    const body = Buffer.from(JSON.stringify([e, { ...e, event_id: 'e2' }]))
    const rows = messageRows(body)
    expect(JSON.parse(`[${rows}]`)).toEqual([e, { ...e, event_id: 'e2' }])
    expect(rows.buffer).toBe(body.buffer)
  })

  it('work on a view into a larger buffer, and on an empty array', () => {
    const big = Buffer.from('xx[{"a":1}]yy')
    expect(messageRows(big.subarray(2, 11)).toString()).toBe('{"a":1}')
    expect(messageRows(Buffer.from('[]')).length).toBe(0)
  })

  it('encode events held as objects the way ingest packs them', () => {
    expect(JSON.parse(`[${eventRows([e])}]`)).toEqual([e])
  })
})
