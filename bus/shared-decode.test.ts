import { describe, expect, it } from 'vitest'
import { encodeEvents } from '../core/contracts/index.js'
import type { StoredEvent } from '../core/index.js'
import { decodeStreamEvents } from './shared-decode.js'

const event = (id: string): StoredEvent =>
  ({ event_id: id, tenant: 't1', type: 'chat.message', ts: 1, payload: { text: id } }) as unknown as StoredEvent
const message = (stream: string, seq: number, ids: string[], storedAtNs = 1) => ({
  data: encodeEvents(ids.map(event)),
  seq,
  info: { stream, timestampNanos: storedAtNs },
})

describe('decodeStreamEvents', () => {
  it('parses a message once for every consumer that reads it', () => {
    const first = decodeStreamEvents(message('s1', 1, ['a', 'b']))
    const second = decodeStreamEvents(message('s1', 1, ['a', 'b']))
    expect(second).toBe(first)
    expect(first.map((e) => e.event_id)).toEqual(['a', 'b'])
  })

  it('parses again when the same sequence was stored at another time (a stream made again) or in another stream', () => {
    const before = decodeStreamEvents(message('s2', 1, ['old'], 1))
    const after = decodeStreamEvents(message('s2', 1, ['new'], 2))
    expect(after.map((e) => e.event_id)).toEqual(['new'])
    expect(decodeStreamEvents(message('s3', 1, ['old']))).not.toBe(before)
  })

  it('hands out frozen events under tests, so a consumer that writes to one fails', () => {
    const [e] = decodeStreamEvents(message('s4', 1, ['x']))
    expect(() => ((e as { ts: number }).ts = 2)).toThrow(TypeError)
    expect(() => ((e.payload as { text: string }).text = 'y')).toThrow(TypeError)
  })

  it('keeps a bounded window of messages', () => {
    const first = decodeStreamEvents(message('s5', 1, ['a']))
    const big = Array.from({ length: 25_000 }, (_, i) => `e${i}`)
    decodeStreamEvents(message('s5', 2, big))
    // The big message alone is past the window: the first one went, so it is parsed anew.
    expect(decodeStreamEvents(message('s5', 1, ['a']))).not.toBe(first)
  })
})
