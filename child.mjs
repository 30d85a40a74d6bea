import { jetstream } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
const nc = await connect({ servers: process.argv[2] }); const js = jetstream(nc)
const c = await js.consumers.get(process.argv[3], process.argv[4])
const it = await c.consume({ max_messages: 256 })
let n = 0; for await (const m of it) { n++; if (n % 10 === 0) m.ack(); if (n === 5) console.log('child got 5') }
