/**
 * The routing service on the real stream: HTTP ingest → JetStream (real nats-server) →
 * router → routing.* events → warehouse sink → ClickHouse (real chDB), plus the supervisor API.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { startSystem, type RunningSystem } from '../system/system.js'
import type { Service, ServiceContext } from '../core/service.js'
import { SESSION_COOKIE, SessionSigner } from '../kits/auth/index.js'
import { TEST_TENANT, eventually, postEvents, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { routingService } from './service.js'
import { FORGED_DECISION_PAYLOAD } from '../testing/forged-decision.js'

const dir = tempDir('routing')
const configPath = join(dir.path, 'routing.yaml')
const SECRET = 'routing-test-session-secret-0123456789'
const GOOD = `
tenant: ${TEST_TENANT}
defaults: { policies: [skills, fairness] }
queues:
  repair: { skills: { repair: 1 } }
`
let sys: RunningSystem
let ctx: ServiceContext
let service: Service
const T = Date.now()
let n = 0

const cookie = `${SESSION_COOKIE}=${encodeURIComponent(new SessionSigner(Buffer.from(SECRET)).sign({ u: 'boss', t: TEST_TENANT, r: ['supervisor'], exp: Date.now() + 3_600_000 }))}`

const post = async (...events: object[]) => {
  const res = await postEvents(sys.url, JSON.stringify(events.map((e) => ({ tenant: TEST_TENANT, ts: T + n++, ...e }))))
  expect(res.status).toBeLessThan(300)
}
const login = (agent: string, skills: string[]) =>
  post({ type: 'agent.login', channel: 'voice', agent_id: agent, skills })
const ready = (agent: string) => post({ type: 'agent.ready', channel: 'voice', agent_id: agent })
const queued = (id: string, queue: string) =>
  post({ type: 'voice.queued', channel: 'voice', interaction_id: id, queue, customer: { phone: `1380000${id}` } })

const assignments = (id: string) =>
  sys.warehouse.query<{ event_id: string; agent_id: string; payload: string }>(
    `SELECT event_id, agent_id, payload FROM events WHERE tenant = {t:String} AND type = 'routing.assigned' AND interaction_id = {id:String}`,
    { t: TEST_TENANT, id },
  )
const assignedTo = (id: string) =>
  eventually(async () => (await assignments(id))[0]?.agent_id, { what: `routing.assigned for ${id}` })

const startRouting = async () => (service = await routingService({ configPath, sighup: false })(ctx))

beforeAll(async () => {
  writeFileSync(configPath, GOOD)
  sys = await startSystem({
    config: testConfig(dir.path, {
      MOFANG_USERS: `boss:${TEST_TENANT}:supervisor+admin:unused`,
      MOFANG_SESSION_SECRET: SECRET,
    }),
    namespace: uniqueNamespace(),
    log: () => {},
  })
  ctx = { ...sys, js: jetstream(sys.nats.nc), jsm: await jetstreamManager(sys.nats.nc), log: () => {} }
  await startRouting()
})
afterAll(async () => {
  await service?.stop()
  await sys?.stop()
  dir.remove()
})

describe('routing service', () => {
  it('routes an offered contact to a ready agent and records why in ClickHouse', async () => {
    await login('a1', ['repair'])
    await ready('a1')
    await queued('c1', 'repair')
    expect(await assignedTo('c1')).toBe('a1')
    const [row] = await assignments('c1')
    const payload = JSON.parse(row.payload)
    expect(payload).toMatchObject({
      agent_id: 'a1',
      policy: 'only_candidate',
      serving_queue: 'repair',
      trigger: 'contact_offered',
    })
    expect(payload.reason).toContain('contact c1 → agent a1 via queue repair')
  })

  it('answers "why did this customer go to that agent?" for supervisors only', async () => {
    const handler = service.handlers![0]
    const call = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetchVia(handler, path, headers)
      return { status: res.status, body: JSON.parse(res.body) }
    }
    expect((await call('/api/routing/decisions?interaction_id=c1')).status).toBe(401)
    const ok = await call('/api/routing/decisions?interaction_id=c1', { cookie })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ interaction_id: 'c1', agent_id: 'a1' })
    expect(ok.body.reason).toContain('the only eligible candidate')
    expect((await call('/api/routing/decisions', { cookie })).status).toBe(400)
  })

  it('refuses a routing decision posted with an API key: only the router records decisions', async () => {
    const forged = {
      tenant: TEST_TENANT,
      ts: T + n++,
      type: 'routing.assigned',
      channel: 'voice',
      interaction_id: 'c1',
      agent_id: 'mallory',
      payload: FORGED_DECISION_PAYLOAD,
    }
    const res = await postEvents(sys.url, JSON.stringify([forged]))
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({
      error: 'forbidden',
      field: 'type',
      errors: [{ index: 0, field: 'type', reason: expect.stringContaining('routing.assigned') }],
    })
    const ok = await fetchVia(service.handlers![0], '/api/routing/decisions?interaction_id=c1', { cookie })
    expect(JSON.parse(ok.body)).toMatchObject({ agent_id: 'a1' })
    expect((await assignments('c1')).map((r) => r.agent_id)).toEqual(['a1'])
  })

  it('resumes after a restart from the saved state without assigning anything twice', async () => {
    await service.stop()
    // While it is down: a1 is still busy with c1, c2 waits, a2 becomes ready.
    await queued('c2', 'repair')
    await login('a2', ['repair'])
    await ready('a2')
    await startRouting()
    expect(await assignedTo('c2')).toBe('a2')
    // The whole history replayed into a fresh service would have assigned c1 again: it must not.
    await post({ type: 'voice.ended', channel: 'voice', interaction_id: 'c2', payload: { ended_by: 'agent' } })
    await queued('c3', 'repair')
    expect(await assignedTo('c3')).toBe('a2')
    for (const id of ['c1', 'c2', 'c3']) expect((await assignments(id)).length, id).toBe(1)
  })

  it('applies a configuration change at run time without dropping the waiting contact', async () => {
    await login('a3', ['repair'])
    await ready('a3')
    await queued('c4', 'billing') // billing needs skill "billing" by default: nobody has it
    await new Promise((r) => setTimeout(r, 1_500))
    expect(await assignments('c4')).toHaveLength(0)
    writeFileSync(configPath, GOOD + '  billing: { skills: { repair: 1 } }\n')
    const res = await fetchVia(service.handlers![0], '/api/routing/config', { cookie }, 'POST')
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body).config.queues.billing).toEqual({ skills: { repair: 1 } })
    expect(await assignedTo('c4')).toBe('a3')
    const payload = JSON.parse((await assignments('c4'))[0].payload)
    expect(payload.trigger).toBe('config_changed')
  })

  it('refuses a bad configuration with every problem named, keeping the one in force', async () => {
    writeFileSync(
      configPath,
      `tenant: ${TEST_TENANT}\nqueues:\n  repair:\n    expansion: [{ after_s: -1, min_proficiency: 9 }]\n`,
    )
    const res = await fetchVia(service.handlers![0], '/api/routing/config', { cookie }, 'POST')
    expect(res.status).toBe(400)
    const reason = JSON.parse(res.body).reason as string
    expect(reason).toContain('2 problems')
    expect(reason).toContain('queues.repair.expansion[0].min_proficiency: must be ≤ 5, got 9')
    expect(reason).toContain('queues.repair.expansion[0].after_s: must be ≥ 0, got -1')
    const now = await fetchVia(service.handlers![0], '/api/routing/config', { cookie })
    expect(JSON.parse(now.body).config.queues.billing).toBeDefined()
    // Starting with a bad file fails at once, with the same message.
    await expect(routingService({ configPath, sighup: false })(ctx)).rejects.toThrow(/min_proficiency: must be ≤ 5/)
    writeFileSync(configPath, 'queues: [')
    await expect(routingService({ configPath, sighup: false })(ctx)).rejects.toThrow(/not valid YAML/)
  })
})

/** Calls a service handler through a throwaway HTTP server (the system's handler list was fixed at start). */
async function fetchVia(
  handler: NonNullable<Service['handlers']>[number],
  path: string,
  headers: Record<string, string>,
  method = 'GET',
) {
  const { createServer } = await import('node:http')
  const server = createServer(
    (req, res) => void handler(req, res).then((done) => done || (res.writeHead(404), res.end())),
  )
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}${path}`, {
      method,
      headers,
    })
    return { status: res.status, body: await res.text() }
  } finally {
    server.close()
  }
}
