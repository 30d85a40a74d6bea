/**
 * The customer profile against a running system (nats-server, ingest, the sink, chDB): a customer writes on web chat
 * and calls from the same phone number (identity merge makes them one customer), opens a complaint ticket and
 * answers two surveys; QA found an error code and a product in the chat, OCR another code in a screenshot. The
 * profile merges both channels, masks the phone number (stored hashed), lists the contacts with their outcome, the
 * open ticket, the facts, the surveys and the VIP tier, is refused to a role that may not read it and is not found
 * from another tenant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CustomerProfile } from '../core/contracts/index.js'
import { SESSION_COOKIE, SessionSigner, type Role } from '../kits/auth/index.js'
import { namedService } from '../core/index.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { eventually, postEvents, tempDir, testConfig, TEST_TENANT, uniqueNamespace } from '../testing/env.js'
import { profileRoutes } from './profile-routes.js'

const dir = tempDir('profile')
const SECRET = 'profile-e2e-session-secret-0123456789'
const signer = new SessionSigner(Buffer.from(SECRET))
const PHONE = '13812345678'
const T0 = Date.now() - 3 * 86_400_000

const ROLES_TRIED: Role[] = ['agent', 'supervisor', 'qa_reviewer', 'qa_manager', 'admin', 'planner', 'exec']
const OTHER_TENANT = 'other-tenant'
const userOf = (role: Role, tenant: string) => `${role}-${tenant}`
/** A signed-in user of `tenant` holding only `role` (accounts in MOFANG_USERS, sessions signed with the secret). */
const session = (role: Role, tenant = TEST_TENANT) => ({
  cookie: `${SESSION_COOKIE}=${signer.sign({ u: userOf(role, tenant), t: tenant, r: [role], exp: Date.now() + 3_600_000 })}`,
})
const USERS = [TEST_TENANT, OTHER_TENANT].flatMap((t) => ROLES_TRIED.map((r) => `${userOf(r, t)}:${t}:${r}:x`))

const base = { tenant: TEST_TENANT, customer: { phone: PHONE }, vip: 2 }
const EVENTS = [
  // A web chat, answered and ended.
  {
    ...base,
    ts: T0,
    channel: 'webchat',
    type: 'chat.started',
    interaction_id: 'pf-chat',
    queue: 'repair',
    payload: {},
  },
  {
    ...base,
    ts: T0 + 1000,
    channel: 'webchat',
    type: 'chat.message',
    interaction_id: 'pf-chat',
    payload: { role: 'customer', text: '我的 ThinkPad X1 Carbon 蓝屏了，错误代码 0x0000007B，我要投诉' },
  },
  {
    ...base,
    ts: T0 + 5000,
    channel: 'webchat',
    type: 'chat.message',
    interaction_id: 'pf-chat',
    agent_id: 'a-1',
    payload: { role: 'agent', text: '您好，我来帮您看看' },
  },
  {
    ...base,
    ts: T0 + 60_000,
    channel: 'webchat',
    type: 'chat.ended',
    interaction_id: 'pf-chat',
    payload: { ended_by: 'customer' },
  },
  {
    ...base,
    ts: T0 + 70_000,
    channel: 'webchat',
    type: 'survey.csat',
    interaction_id: 'pf-chat',
    payload: { score: 2 },
  },
  // A call a day later, abandoned in the queue, then a call answered, with an NPS answer.
  {
    ...base,
    ts: T0 + 86_400_000,
    channel: 'voice',
    type: 'voice.offered',
    interaction_id: 'pf-call-1',
    queue: 'repair',
    payload: {},
  },
  {
    ...base,
    ts: T0 + 86_430_000,
    channel: 'voice',
    type: 'voice.abandoned',
    interaction_id: 'pf-call-1',
    payload: { stage: 'queue' },
  },
  {
    ...base,
    ts: T0 + 90_000_000,
    channel: 'voice',
    type: 'voice.offered',
    interaction_id: 'pf-call-2',
    queue: 'repair',
    payload: {},
  },
  {
    ...base,
    ts: T0 + 90_010_000,
    channel: 'voice',
    type: 'voice.answered',
    interaction_id: 'pf-call-2',
    agent_id: 'a-2',
    payload: {},
  },
  {
    ...base,
    ts: T0 + 90_300_000,
    channel: 'voice',
    type: 'voice.ended',
    interaction_id: 'pf-call-2',
    agent_id: 'a-2',
    payload: { ended_by: 'agent' },
  },
  {
    ...base,
    ts: T0 + 90_400_000,
    channel: 'voice',
    type: 'survey.nps',
    interaction_id: 'pf-call-2',
    payload: { score: 3 },
  },
  // An open complaint ticket, and a resolved one.
  {
    ...base,
    ts: T0 + 100_000_000,
    channel: 'ticket',
    type: 'ticket.created',
    interaction_id: 'pf-ticket-open',
    payload: { subject: '维修后仍然蓝屏', priority: 'high', category: '投诉' },
  },
  {
    ...base,
    ts: T0 + 100_000_000,
    channel: 'ticket',
    type: 'ticket.created',
    interaction_id: 'pf-ticket-done',
    payload: { subject: '发票', priority: 'low' },
  },
  {
    ...base,
    ts: T0 + 100_500_000,
    channel: 'ticket',
    type: 'ticket.resolved',
    interaction_id: 'pf-ticket-done',
    payload: {},
  },
  // Someone else, who must not appear.
  {
    tenant: TEST_TENANT,
    customer: { phone: '13900000000' },
    ts: T0,
    channel: 'voice',
    type: 'voice.offered',
    interaction_id: 'pf-other',
    payload: {},
  },
]

describe('GET /api/customers/:id/profile', () => {
  let sys: RunningSystem
  let customer = ''

  beforeAll(async () => {
    sys = await startSystem({
      config: testConfig(dir.path, { MOFANG_SESSION_SECRET: SECRET, MOFANG_USERS: USERS.join(',') }),
      namespace: uniqueNamespace(),
      services: [
        namedService('customer_profile', async (ctx) => ({
          name: 'customer_profile',
          handlers: [profileRoutes(ctx)],
          stop: async () => {},
        })),
      ],
      log: () => {},
    })
    // One request per event, in order, so identity merge sees the phone number before the next contact.
    for (const e of EVENTS) expect((await postEvents(sys.url, JSON.stringify([e]))).status).toBe(202)
    customer = await eventually(
      async () => {
        const r = await sys.warehouse.query<{ n: number; customer_id: string }>(
          `SELECT count() AS n, any(customer_id) AS customer_id FROM events
           WHERE tenant = {t:String} AND interaction_id LIKE 'pf-%' AND interaction_id != 'pf-other'`,
          { t: TEST_TENANT },
        )
        // The contacts come from interaction_facts, which the insert fills through a materialized view: ClickHouse
        // commits the events' part first, so a read in between sees the events without their interactions.
        const [facts] = await sys.warehouse.query<{ n: number }>(
          `SELECT count() AS n FROM interaction_facts
           WHERE tenant = {t:String} AND interaction_id LIKE 'pf-%' AND interaction_id != 'pf-other'`,
          { t: TEST_TENANT },
        )
        const interactions = new Set(EVENTS.map((e) => e.interaction_id).filter((id) => id !== 'pf-other')).size
        const all = Number(r[0]?.n) === EVENTS.length - 1 && Number(facts?.n) === interactions
        return all ? r[0].customer_id : ''
      },
      { what: 'the events and their interactions in the warehouse' },
    )
    // QA's facts of the chat (the QA service would store them at the chat's end).
    await sys.warehouse.insert('qa_results', [
      {
        tenant: TEST_TENANT,
        interaction_id: 'pf-chat',
        channel: 'webchat',
        queue: 'repair',
        agent_id: 'a-1',
        ended_at: T0 + 60_000,
        scored_at: T0 + 61_000,
        scorecard_id: 'default',
        scorecard_version: 1,
        language: 'zh',
        score: 80,
        checks: '{}',
        facts: JSON.stringify([
          { kind: 'error_code', value: '0x0000007B', turn: 0, start: 0, end: 10 },
          { kind: 'product_model', value: 'ThinkPad X1 Carbon', turn: 0, start: 0, end: 10 },
          { kind: 'order_number', value: 'SO12345678', turn: 0, start: 0, end: 10 },
        ]),
        turns: '[]',
      },
    ])
    // And what OCR read from a screenshot on its first message; an unreadable image adds nothing.
    await sys.warehouse.insert('message_ocr', [
      {
        tenant_id: TEST_TENANT,
        interaction_id: 'pf-chat',
        event_id: 'pf-chat-ocr',
        attachment_index: 0,
        sha256: '',
        text: 'Stop code: CRITICAL_PROCESS_DIED',
        facts: JSON.stringify([{ kind: 'error_code', value: 'CRITICAL_PROCESS_DIED' }]),
        error: '',
        ms: 900,
        ts: T0 + 1000,
      },
      {
        tenant_id: TEST_TENANT,
        interaction_id: 'pf-chat',
        event_id: 'pf-chat-ocr',
        attachment_index: 1,
        sha256: '',
        text: '',
        facts: JSON.stringify([{ kind: 'error_code', value: 'NOT_READ_CODE' }]),
        error: 'not_image: not an image',
        ms: 1,
        ts: T0 + 1000,
      },
    ])
  }, 120_000)

  afterAll(async () => {
    await sys?.stop()
    dir.remove()
  })

  const profileOf = (id: string, role: Role = 'agent', tenant = TEST_TENANT) =>
    fetch(`${sys.url}/api/customers/${encodeURIComponent(id)}/profile`, { headers: session(role, tenant) })

  it('merges both channels, masks the phone number and lists contacts, tickets, facts and surveys', async () => {
    expect(customer).not.toBe('')
    const res = await profileOf(customer)
    expect(res.status).toBe(200)
    const p = (await res.json()) as CustomerProfile
    expect(p.customer_id).toBe(customer)
    expect(p.channels).toEqual(['ticket', 'voice', 'webchat'])
    // Stored as a hash (MOFANG_REDACT_TENANTS defaults to every tenant), and shown masked even so.
    expect(p.identities).toEqual([{ kind: 'phone', value_masked: expect.stringMatching(/^\*+[^*]{4}$/) }])
    expect(JSON.stringify(p)).not.toContain(PHONE)
    expect(p.vip_tier).toBe('2')
    // The chat said 投诉 and the open ticket is filed as one.
    expect(p.complaints).toBe(2)
    expect(p.last_contacts.map((c) => [c.interaction_id, c.outcome])).toEqual([
      ['pf-ticket-done', 'resolved'],
      ['pf-ticket-open', 'open'],
      ['pf-call-2', 'handled'],
      ['pf-call-1', 'abandoned'],
      ['pf-chat', 'handled'],
    ])
    expect(p.last_contacts.find((c) => c.interaction_id === 'pf-call-2')).toMatchObject({
      channel: 'voice',
      queue: 'repair',
      agent_id: 'a-2',
      started_at: T0 + 90_000_000,
    })
    expect(p.open_tickets).toEqual([
      {
        interaction_id: 'pf-ticket-open',
        subject: '维修后仍然蓝屏',
        status: 'open',
        priority: 'high',
        created_at: T0 + 100_000_000,
      },
    ])
    // QA's (seen at the chat's end) before OCR's (seen at the message).
    expect(p.error_codes).toEqual(['0x0000007B', 'CRITICAL_PROCESS_DIED'])
    expect(p.products).toEqual(['ThinkPad X1 Carbon'])
    expect(p.csat).toEqual([{ ts: T0 + 70_000, score: 2 }])
    expect(p.nps).toEqual([{ ts: T0 + 90_400_000, score: 3 }])
  })

  it('is for agents, supervisors, QA and admins of the same tenant only', async () => {
    for (const role of ['supervisor', 'qa_reviewer', 'qa_manager', 'admin'] as const)
      expect((await profileOf(customer, role)).status, role).toBe(200)
    for (const role of ['planner', 'exec'] as const) expect((await profileOf(customer, role)).status, role).toBe(403)
    expect((await fetch(`${sys.url}/api/customers/${customer}/profile`)).status).toBe(401)
    const other = await profileOf(customer, 'agent', OTHER_TENANT)
    expect(other.status).toBe(404)
    expect(await other.json()).toMatchObject({ error: 'not_found' })
    expect((await profileOf('no-such-customer')).status).toBe(404)
  })
})
