import { describe, expect, it } from 'vitest'
import { acceptEvents, type AcceptDeps } from './accept.js'
import { DedupWindow } from './dedup.js'
import { messageId, packEvents, type EventMessage, type PublishFailure } from './publish.js'
import type { StoredEvent } from '../core/events.js'

const ev = (i: number): StoredEvent => ({
  v: 1,
  event_id: `e${i}`,
  tenant: 'acme',
  ts: 1_000 + i,
  received_at: 1,
  channel: 'webchat',
  type: 'chat.message',
  interaction_id: `c${i % 3}`,
  payload: {},
})

/**
 * A stand-in JetStream: `answer` decides each publish's fate; `stored` keeps what it holds, by Nats-Msg-Id like
 * JetStream.
 */
function fakeBus(answer: (m: EventMessage) => 'ack' | 'timeout-stored' | 'refused') {
  const stored = new Map<string, EventMessage>()
  const deps: AcceptDeps = {
    dedup: new DedupWindow({ windowSeconds: 600 }),
    identity: { resolve: async () => {} },
    pack: (events) => packEvents(events, { prefix: 'cx' }),
    async publish(messages) {
      const failed: PublishFailure[] = []
      for (const m of messages) {
        const fate = answer(m)
        if (fate !== 'refused') stored.set(messageId(m), m) // JetStream drops a repeated Nats-Msg-Id
        if (fate !== 'ack') failed.push({ message: m, maybeStored: fate === 'timeout-stored' })
      }
      return { failed, error: failed.length ? new Error('no ack') : undefined }
    },
  }
  const storedEvents = () => [...stored.values()].flatMap((m) => m.events.map((e) => e.event_id))
  return { deps, storedEvents }
}

const batch = (ids: number[]) => {
  const list = ids.map(ev)
  return { list, clientSupplied: new Set(list) }
}

describe('acceptEvents', () => {
  it('answers a retry of a publish that got no ack by republishing the same message, so nothing is stored twice', async () => {
    let first = true
    const bus = fakeBus(() => (first ? 'timeout-stored' : 'ack'))
    const a = batch([1, 2, 3, 4])
    const out1 = await acceptEvents(a.list, a.clientSupplied, bus.deps)
    expect([out1.accepted, out1.failed.length, out1.unconfirmed.length]).toEqual([0, 0, 4])
    first = false
    // The client resends only two of the four, in another order: a fresh packing would get a new Nats-Msg-Id.
    const b = batch([3, 1])
    const out2 = await acceptEvents(b.list, b.clientSupplied, bus.deps)
    expect([out2.accepted, out2.duplicates, out2.failed.length]).toEqual([2, 0, 0])
    expect(bus.storedEvents().sort()).toEqual(['e1', 'e2', 'e3', 'e4'])
    // Now stored: another resend is a duplicate.
    const c = batch([2, 4])
    expect(await acceptEvents(c.list, c.clientSupplied, bus.deps)).toMatchObject({ accepted: 0, duplicates: 2 })
  })

  it('publishes afresh what JetStream refused', async () => {
    let refuse = true
    const bus = fakeBus(() => (refuse ? 'refused' : 'ack'))
    const a = batch([1, 2])
    expect((await acceptEvents(a.list, a.clientSupplied, bus.deps)).failed).toHaveLength(2)
    refuse = false
    const b = batch([2])
    expect(await acceptEvents(b.list, b.clientSupplied, bus.deps)).toMatchObject({ accepted: 1, duplicates: 0 })
    expect(bus.storedEvents()).toEqual(['e2'])
  })

  it('counts a repeat of a stored event as a duplicate only once JetStream acknowledged it', async () => {
    const bus = fakeBus(() => 'ack')
    const a = batch([1, 2])
    expect(await acceptEvents(a.list, a.clientSupplied, bus.deps)).toMatchObject({ accepted: 2, duplicates: 0 })
    const b = batch([1, 2, 5])
    expect(await acceptEvents(b.list, b.clientSupplied, bus.deps)).toMatchObject({ accepted: 1, duplicates: 2 })
  })
})
