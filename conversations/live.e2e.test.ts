/**
 * Live conversations through the real system (ingest → JetStream → conversations service → NATS and the HTTP API,
 * chDB for incidents): a chat whose customer gets angry and escalates is published with its flags on NATS, listed
 * for a supervisor, shown with the phone number masked, readable by its own agent only, and put on the wall's banner
 * until it ends; an image's OCR text adds its facts; conversations sharing an error code raise an incident. The test
 * waits for states (eventually), never for a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Subscription } from '@nats-io/transport-node'
import { jetstream } from '@nats-io/jetstream'
import { readQaAlertMessage } from '../bus/index.js'
import type {
  AlertInput,
  ConversationUpdate,
  Incident,
  LiveConversationDetail,
  LiveConversationsAnswer,
  OcrResult,
} from '../core/contracts/index.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { SESSION_COOKIE, SessionSigner } from '../kits/auth/index.js'
import { eventually, postEvents, tempDir, testConfig, uniqueNamespace, TEST_TENANT } from '../testing/env.js'
import { conversationsService, conversationsSettings } from './index.js'

const SECRET = 'live-e2e-session-secret-0123456789abcdef'
const dir = tempDir('live')
const config = testConfig(dir.path, {
  MOFANG_USERS: `lin:${TEST_TENANT}:supervisor:x,ana:${TEST_TENANT}:agent:x,bo:${TEST_TENANT}:agent:x`,
  MOFANG_SESSION_SECRET: SECRET,
  MOFANG_INCIDENT_MIN_CONVERSATIONS: '3',
})
const signer = new SessionSigner(Buffer.from(SECRET))
const as = (user: string, role: string) => ({
  cookie: `${SESSION_COOKIE}=${signer.sign({ u: user, t: TEST_TENANT, r: [role], exp: Date.now() + 3_600_000 })}`,
})

const namespace = uniqueNamespace()
const start = (withService = true) =>
  startSystem({
    config,
    namespace,
    services: withService ? [conversationsService({ ...conversationsSettings(config), tickMs: 200 })] : [],
    log: () => {},
  })

/** The wall alerts of the test tenant in the QA and alerts stream, from its start. */
async function alertsInStream(): Promise<AlertInput[]> {
  const consumer = await jetstream(sys.nats.nc).consumers.get(sys.topology.qaAlertStream, {
    filter_subjects: `${sys.topology.alertSubject}.${TEST_TENANT}`,
  })
  const found: AlertInput[] = []
  for await (const m of await consumer.fetch({ max_messages: 10_000, expires: 1_000 })) {
    const read = readQaAlertMessage(sys.topology, m.subject, m.data)
    if (read?.kind === 'alert') found.push(read.alert)
    if (m.info.pending === 0) break
  }
  return found
}

let sys: RunningSystem
const updates: ConversationUpdate[] = []
const alerts: AlertInput[] = []
const incidents: Incident[] = []
const subs: Subscription[] = []

function listen<T>(subject: string, into: T[]) {
  const decoder = new TextDecoder()
  subs.push(
    sys.nats.nc.subscribe(`${subject}.${TEST_TENANT}`, {
      callback: (_e, m) => void into.push(JSON.parse(decoder.decode(m.data)) as T),
    }),
  )
}

const api = async <T>(path: string, who = as('lin', 'supervisor')): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${sys.url}${path}`, { headers: who })
  return { status: res.status, body: (await res.json()) as T }
}

/** A chat with an agent: started, queued, answered by `agent`, then the customer's lines, a second apart. */
function chat(id: string, agent: string, lines: string[], t0 = Date.now() - 60_000) {
  const base = { tenant: TEST_TENANT, channel: 'webchat', interaction_id: id, queue: 'support' }
  return [
    { ...base, ts: t0, type: 'chat.started', payload: {}, customer: { phone: '13812345678' } },
    { ...base, ts: t0 + 1_000, type: 'chat.transferred_to_agent', payload: {} },
    {
      ...base,
      ts: t0 + 2_000,
      type: 'chat.message',
      agent_id: agent,
      agent_name: '李娜',
      payload: { role: 'agent', text: '您好，请问有什么可以帮您？', message_id: `${id}-a1` },
    },
    ...lines.map((text, i) => ({
      ...base,
      event_id: `${id}-c${i}`,
      ts: t0 + 3_000 + i * 1_000,
      type: 'chat.message',
      agent_id: agent,
      payload: { role: 'customer', text, message_id: `${id}-c${i}` },
    })),
  ]
}

/** Waits until `fn` finds something (eventually), typed as what it finds. */
const until = async <T>(fn: () => T | undefined | false | Promise<T | undefined | false>, what: string): Promise<T> =>
  (await eventually(async () => await fn(), { what })) as T

const post = async (events: unknown[]) => expect((await postEvents(sys.url, JSON.stringify(events))).status).toBe(202)
const latest = (id: string) => updates.findLast((u) => u.conversation.interaction_id === id)

beforeAll(async () => {
  sys = await start()
  listen(sys.topology.conversationSubject, updates)
  listen(sys.topology.alertSubject, alerts)
  listen(sys.topology.incidentSubject, incidents)
}, 60_000)

afterAll(async () => {
  for (const s of subs) s.unsubscribe()
  await sys?.stop()
  dir.remove()
})

describe('an angry chat', () => {
  const id = 'live-angry-1'

  it('is published on NATS with its mood, flags and facts as each message arrives', async () => {
    await post(
      chat(id, 'ana', [
        '我的电话是13812345678，电脑一直蓝屏，错误代码 0x0000007B',
        '你们怎么回事！！！等了这么久还没好',
        '太差了，我要投诉，找你们领导！！！',
      ]),
    )
    // The update of the last message (the clock may publish more as the customer waits).
    const u = await until(() => updates.find((u) => u.event_id === `${id}-c2`), 'the update of the last message')
    expect(u.conversation.flags).toEqual(expect.arrayContaining(['angry_customer', 'escalation']))
    expect(u.ended).toBe(false)
    expect(u.ingested_at).toBeGreaterThan(0)
    expect(u.event_id).toBe(`${id}-c2`)
    const c = u.conversation
    expect(c).toMatchObject({ kind: 'chat', state: 'talking', agent_id: 'ana', agent_name: '李娜', queue: 'support' })
    expect(c.mood).toBeLessThan(-0.35)
    expect(c.mood_line.at(-1)?.signals).toEqual(expect.arrayContaining(['escalation:投诉', 'punctuation']))
    expect(c.facts).toContainEqual(expect.objectContaining({ kind: 'error_code', value: '0x0000007B', source: 'text' }))
    expect(JSON.stringify(u)).not.toContain('13812345678')
  })

  it('is listed for a supervisor, filtered and sorted', async () => {
    const all = await api<LiveConversationsAnswer>('/api/live/conversations?sort=mood')
    expect(all.status).toBe(200)
    expect(all.body.conversations.map((c) => c.interaction_id)).toContain(id)
    const angry = await api<LiveConversationsAnswer>('/api/live/conversations?flag=angry_customer&queue=support')
    expect(angry.body.conversations.map((c) => c.interaction_id)).toEqual([id])
    expect((await api<LiveConversationsAnswer>('/api/live/conversations?queue=sales')).body.conversations).toEqual([])
    const bad = await api<{ error: string; field: string }>('/api/live/conversations?sort=loudest')
    expect([bad.status, bad.body.field]).toEqual([400, 'sort'])
  })

  it('shows what was said with PII masked, to supervisors and its own agent only', async () => {
    const detail = await api<LiveConversationDetail>(`/api/live/conversations/${id}`)
    expect(detail.status).toBe(200)
    expect(detail.body.messages.map((m) => m.role)).toEqual(['agent', 'customer', 'customer', 'customer'])
    expect(detail.body.messages[1].text).not.toContain('13812345678')
    expect(detail.body.messages[1].text).toContain('0x0000007B')
    expect(detail.body.messages[1].sentiment).toEqual(expect.any(Number))
    expect(detail.body.transcript).toEqual([])
    expect((await api(`/api/live/conversations/${id}`, as('ana', 'agent'))).status).toBe(200)
    expect((await api(`/api/live/conversations/${id}`, as('bo', 'agent'))).status).toBe(404)
    expect((await api('/api/live/conversations', as('ana', 'agent'))).status).toBe(403)
  })

  it("reaches the wall's banner once, and leaves it when the chat ends", async () => {
    const raised = await until(() => alerts.find((a) => a.id === `live:${id}`), 'the alert')
    expect(raised).toMatchObject({ severity: 'critical', source: 'conversations', tenant: TEST_TENANT })
    expect(raised.ttl_ms).toBeGreaterThan(0)
    await post([
      {
        tenant: TEST_TENANT,
        channel: 'webchat',
        interaction_id: id,
        ts: Date.now(),
        type: 'chat.ended',
        payload: { ended_by: 'customer' },
      },
    ])
    await eventually(async () => latest(id)?.ended, { what: 'the ended update' })
    await eventually(async () => alerts.some((a) => a.id === `live:${id}` && a.ttl_ms === 0), {
      what: 'the alert cleared',
    })
    expect(alerts.filter((a) => a.id === `live:${id}` && a.ttl_ms !== 0)).toHaveLength(1)
    const list = await api<LiveConversationsAnswer>('/api/live/conversations')
    expect(list.body.conversations.map((c) => c.interaction_id)).not.toContain(id)
  })
})

describe('the stream', () => {
  it('sends the open conversations at once, then each update, to a supervisor', async () => {
    const abort = new AbortController()
    const res = await fetch(`${sys.url}/api/live/stream`, { headers: as('lin', 'supervisor'), signal: abort.signal })
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = res.body!.getReader()
    let text = ''
    const read = (what: string) =>
      until(async () => {
        text += new TextDecoder().decode((await reader.read()).value)
        return text.includes(what)
      }, what)
    await read('event: conversations\n')
    await post(chat('live-stream-1', 'ana', ['你好']))
    await read('"interaction_id":"live-stream-1"')
    expect(text).toContain('event: conversation\n')
    abort.abort()
  })
})

describe('a screenshot', () => {
  it("adds the text OCR read from it and that text's facts", async () => {
    const id = 'live-ocr-1'
    const events = chat(id, 'ana', ['看截图'])
    const msg = events.at(-1)! as { payload: Record<string, unknown> }
    msg.payload.attachments = [{ kind: 'image', content_type: 'image/png', url: 'https://example.com/s.png' }]
    await post(events)
    await eventually(async () => latest(id)?.conversation.messages.some((m) => m.attachments?.length), {
      what: 'the message with its attachment',
    })
    const result: OcrResult = {
      tenant_id: TEST_TENANT,
      interaction_id: id,
      event_id: `${id}-c0`,
      attachment_index: 0,
      sha256: null,
      text: 'Your PC ran into a problem. Stop code: CRITICAL_PROCESS_DIED',
      facts: [{ kind: 'error_code', value: 'CRITICAL_PROCESS_DIED' }],
      error: null,
      ms: 900,
    }
    sys.nats.nc.publish(`${sys.topology.ocrSubject}.${TEST_TENANT}`, JSON.stringify(result))
    const u = await until(() => {
      const u = latest(id)
      return u?.conversation.facts.some((f) => f.source === 'ocr') && u
    }, 'the OCR fact')
    expect(u.conversation.facts).toContainEqual(
      expect.objectContaining({
        kind: 'error_code',
        value: 'CRITICAL_PROCESS_DIED',
        source: 'ocr',
        event_id: `${id}-c0`,
      }),
    )
    expect(u.conversation.messages.at(-1)?.attachments?.[0].ocr_text).toContain('CRITICAL_PROCESS_DIED')
  })
})

describe('incidents', () => {
  it('raises one when three conversations share an error code, stores it and puts it on the wall', async () => {
    for (const n of [1, 2, 3]) await post(chat(`live-inc-${n}`, 'ana', [`打印机报错，错误代码 E-4821，第${n}台`]))
    const raised = await until(() => incidents.find((i) => i.key === 'E-4821'), 'the incident')
    expect(raised).toMatchObject({ tenant_id: TEST_TENANT, rule: 'error_code', ended_at: null, conversations: 3 })
    expect([...raised.interaction_ids].sort()).toEqual(['live-inc-1', 'live-inc-2', 'live-inc-3'])
    await eventually(async () => alerts.some((a) => a.id === `incident:${raised.id}`), { what: 'the incident alert' })
    const stored = await eventually(
      async () =>
        (await api<{ incidents: Incident[] }>('/api/incidents')).body.incidents.find((i) => i.id === raised.id),
      { what: 'the stored incident' },
    )
    expect(stored).toMatchObject({ key: 'E-4821', ended_at: null, started_at: raised.started_at })
  })
})

describe('a restart', () => {
  it('rebuilds the open conversations from the stream, mood and flags included, without publishing the past', async () => {
    const id = 'live-restart-1'
    // Recent, so the customer's wait stays within the grace and the clock does not move the mood meanwhile.
    await post(chat(id, 'ana', ['太差了，我要投诉！！！', '还是不行，差评'], Date.now() - 5_000))
    const before = await until(() => updates.find((u) => u.event_id === `${id}-c1`), 'the update of the last message')
    for (const s of subs.splice(0)) s.unsubscribe()
    await sys.stop()
    sys = await start()
    const seen = updates.length
    listen(sys.topology.conversationSubject, updates)
    const rebuilt = await until(async () => {
      const { status, body } = await api<LiveConversationDetail>(`/api/live/conversations/${id}`)
      return status === 200 && body
    }, 'the conversation after the restart')
    expect(rebuilt.messages.map((m) => m.event_id)).toEqual(before.conversation.messages.map((m) => m.event_id))
    expect(rebuilt.mood).toBe(before.conversation.mood)
    expect(rebuilt.flags).toEqual(expect.arrayContaining(['angry_customer', 'escalation']))
    expect(updates.slice(seen).filter((u) => u.event_id?.startsWith(id))).toEqual([])
  })

  it('puts an incident that began while the service was down on the wall once its replay is done', async () => {
    for (const s of subs.splice(0)) s.unsubscribe()
    await sys.stop()
    // Ingest runs, the conversations service does not: three chats share a code meanwhile.
    sys = await start(false)
    for (const n of [1, 2, 3])
      await post(chat(`live-down-${n}`, 'bo', [`扫描仪报错，错误代码 E-7310，第${n}台`], Date.now() - 20_000))
    await sys.stop()
    sys = await start()
    const raised = await until(
      async () => (await alertsInStream()).find((a) => a.id.startsWith('incident:') && a.text.includes('E-7310')),
      'the wall alert of the incident raised during the replay',
    )
    expect(raised).toMatchObject({ severity: 'critical', source: 'conversations' })
  })
})
