import { it } from 'vitest'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { startLocalNats } from '../stream/nats-server.js'
import { ensureConsumer, ensureTopology, topologyNames } from '../stream/topology.js'
import { tempDir } from '../testing/env.js'

it('redelivered flag after a nats-server SIGKILL', async () => {
  const dir = tempDir('redeliv')
  const nats = await startLocalNats({ storeDir: dir.path + '/nats' })
  const nc = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 250 })
  const jsm = await jetstreamManager(nc)
  const js = jetstream(nc)
  const t = topologyNames('x')
  await ensureTopology(jsm, t, { replicas: 1, maxAgeHours: 1 })
  await ensureConsumer(jsm, t, t.sinkConsumer, { maxAckPending: 4000, ackWaitMs: 30000 })
  for (let i = 0; i < 3; i++) await js.publish(`${t.prefix}.alpha.webchat.chat.message`, new TextEncoder().encode(`[${i}]`))
  const c = await js.consumers.get(t.eventStream, t.sinkConsumer)
  const first = await c.fetch({ max_messages: 3, expires: 2000 })
  const got: number[] = []
  for await (const m of first) { got.push(m.seq); if (got.length === 3) break }
  console.log('first delivery', got)
  await new Promise((r) => setTimeout(r, 200)) // the sink's flush wait
  nats.kill()
  await new Promise((r) => setTimeout(r, 3000))
  const t0 = Date.now()
  let n = 0
  while (Date.now() - t0 < 40000 && n < 3) {
    try {
      const c2 = await js.consumers.get(t.eventStream, t.sinkConsumer)
      const info = await c2.info()
      const again = await c2.fetch({ max_messages: 3, expires: 3000 })
      for await (const m of again) { n++; console.log('after restart', Date.now() - t0, 'ms: seq', m.seq, 'redelivered', m.info.redelivered, 'deliveryCount', m.info.deliveryCount, 'consumer', JSON.stringify({d: info.delivered, a: info.ack_floor, p: info.num_ack_pending})) }
    } catch (e) { console.log('err', (e as Error).message) ; await new Promise((r) => setTimeout(r, 500)) }
  }
  await nc.close(); await nats.stop(); dir.remove()
}, 60000)
