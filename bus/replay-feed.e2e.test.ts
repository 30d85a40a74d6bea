/**
 * The replay feed against a real nats-server that is SIGKILLed twice (and started again by its supervisor, as in
 * `mofang start`): every message published, before and after each kill, is handled once and in order. Before the
 * feed re-created its own consumer, nats.js's re-created ordered consumer delivered after a restart only as many
 * messages as had come before it, then stalled until its dead pull expired (30 s).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import type { LocalNats } from './nats-server.js'
import { startFeed } from './replay-feed.js'
import { eventually, tempDir, testNats, uniqueNamespace } from '../testing/env.js'

const dir = tempDir('replay-feed')
let nats: LocalNats
let nc: NatsConnection
beforeAll(async () => {
  nats = await testNats(dir.path)
  nc = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 250 })
})
afterAll(async () => {
  await nc?.close()
  await nats?.stop()
  dir.remove()
})

it('replays from a time, follows live, and carries on after each restart of its nats-server', async () => {
  const stream = uniqueNamespace()
  const jsm = await jetstreamManager(nc)
  await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] })
  const js = jetstream(nc)
  const publish = async (n: number) => {
    // Retried while the server is coming back: what is acknowledged is what must arrive.
    await eventually(async () => (await js.publish(`${stream}.m`, String(n))).seq > 0, { what: `publishing ${n}` })
  }
  await publish(0) // before the replay window: not replayed
  await new Promise((r) => setTimeout(r, 20))
  const from = Date.now()
  for (const n of [1, 2, 3]) await publish(n)

  const seen: number[] = []
  let replayed: number | undefined
  const feed = await startFeed(
    { js, jsm, log: () => {} },
    {
      stream,
      from,
      handle: (msg) => void seen.push(Number(msg.string())),
      onCaughtUp: (n) => (replayed = n),
    },
    'test feed',
  )
  await eventually(async () => feed.caughtUp && seen.length === 3, { what: 'the replay' })
  expect(replayed).toBe(3)

  // After each kill more messages come than the feed had handled before it: nats.js's own re-created consumer
  // pulls only that many (what its stale pending count leaves room for), so this is where it stalled.
  let next = 4
  for (const after of [10, 30]) {
    const pid = nats.pid
    process.kill(pid, 'SIGKILL')
    await eventually(async () => nats.pid !== pid, { what: 'the nats-server back' })
    for (let i = 0; i < after; i++) await publish(next++)
    // Within 20 s: the stalled consumer got going again only when its dead pull expired, 30 s after the restart.
    await eventually(async () => seen.length === next - 1, { timeoutMs: 20_000, what: `the ${after} messages` })
  }
  expect(seen).toEqual(Array.from({ length: next - 1 }, (_, i) => i + 1))
  await feed.stop()
}, 120_000)
