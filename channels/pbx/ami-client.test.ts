/** The AMI client's connection handling against local servers: a PBX gone silent, a server that is not AMI. */
import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { eventually } from '../../testing/env.js'
import { connectAmi, type AmiClient } from './ami-client.js'
import { startFakeAmi, type FakeAmi } from './test-helpers/fake-ami.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

function client(port: number, extra: Partial<Parameters<typeof connectAmi>[0]> = {}) {
  const logs: string[] = []
  const c: AmiClient = connectAmi({
    host: '127.0.0.1',
    port,
    username: 'mofang',
    secret: 'pw',
    onEvent: () => {},
    log: (m) => logs.push(m),
    initialDelayMs: 10,
    maxDelayMs: 50,
    ...extra,
  })
  closers.push(() => c.close())
  return { client: c, logs }
}

describe('AMI client', () => {
  it('pings a quiet PBX and reconnects when the pings go unanswered', async () => {
    const server: FakeAmi = await startFakeAmi({
      username: 'mofang',
      secret: 'pw',
      session: () => ({ blocks: [], drop: false }),
      answerPings: false,
    })
    closers.push(() => server.close())
    const { logs } = client(server.port, { pingIntervalMs: 40 })
    await eventually(async () => server.actions.length >= 2, { what: 'a second connection' })
    expect(server.actions[0].map((a) => a.fields.Action)).toContain('Ping')
    expect(logs.some((l) => /no answer for 80 ms; reconnecting/.test(l))).toBe(true)
  })

  it('leaves a server that does not greet as Asterisk does', async () => {
    const server: Server = createServer((s) => s.end('SSH-2.0-OpenSSH_9.2\r\n'))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    closers.push(() => new Promise<void>((r) => server.close(() => r())))
    const port = (server.address() as { port: number }).port
    const { client: c, logs } = client(port)
    await eventually(async () => logs.some((l) => l.includes('not an AMI server: SSH-2.0-OpenSSH_9.2')), {
      what: 'the refusal',
    })
    expect(c.connected).toBe(false)
  })
})
