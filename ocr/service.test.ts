import { expect, it } from 'vitest'
import { encodeEvents } from '../core/contracts/index.js'
import type { StoredEvent } from '../core/index.js'
import { mentionsAttachments } from './service.js'

const event = (payload: Record<string, unknown>) =>
  ({
    v: 1,
    event_id: 'e1',
    tenant: 't',
    ts: 1,
    channel: 'webchat',
    type: 'chat.message',
    interaction_id: 'c1',
    payload,
  }) as unknown as StoredEvent

it('passes a message with an attachment to the decoder and skips one without, by its bytes alone', () => {
  const image = { kind: 'image', url: '/api/attachments/ab', sha256: 'ab', content_type: 'image/png', size: 1 }
  expect(mentionsAttachments(encodeEvents([event({ text: 'hi' }), event({ attachments: [image] })]))).toBe(true)
  expect(mentionsAttachments(encodeEvents([event({ text: 'my attachments are gone' })]))).toBe(false)
  // A view into a larger buffer (how nats.js hands out message bodies) is searched within its bounds only.
  const body = encodeEvents([event({ text: 'plain' })])
  const framed = new Uint8Array([...Buffer.from('"attachments"'), ...body])
  expect(mentionsAttachments(framed.subarray(13))).toBe(false)
})
