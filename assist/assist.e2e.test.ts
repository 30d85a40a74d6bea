/**
 * Agent assist through a running system (real nats-server, chDB, ingest, the sink, the conversations service): a
 * supervisor writes articles through the API and imports CSV and Markdown; a chat posted to `/v1/events` whose customer
 * message names an error code makes `GET /api/assist/suggestions` rank the code's article first (through the
 * conversations service's ConversationUpdate), and the agent desktop's stream hears it; one-click send stores the
 * article as the agent's chat.message; `/v1/assist/*` answers an API key or an agent's session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  AssistCheckAnswer,
  AssistUpdate,
  KbArticle,
  KbArticleList,
  KbImportAnswer,
  KbSuggestion,
} from '../core/contracts/index.js'
import { conversationsService, conversationsSettings } from '../conversations/index.js'
import { SESSION_COOKIE, SessionSigner } from '../kits/auth/index.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { eventually, postEvents, tempDir, testConfig, TEST_KEY, TEST_TENANT, uniqueNamespace } from '../testing/env.js'
import { jetstream } from '@nats-io/jetstream'
import { Kvm } from '@nats-io/kv'
import { assistService } from './index.js'
import { openKnowledgeStore } from './store.js'

const SECRET = 'assist-e2e-session-secret-0123456789abcdef'
const dir = tempDir('assist')
const signer = new SessionSigner(Buffer.from(SECRET))
const as = (user: string, role: string, tenant = TEST_TENANT) => ({
  cookie: `${SESSION_COOKIE}=${signer.sign({ u: user, t: tenant, r: [role], exp: Date.now() + 3_600_000 })}`,
})
const boss = as('boss', 'supervisor')
const ana = as('ana', 'agent')
const INTERACTION = 'assist-chat-1'

let sys: RunningSystem

async function api<T>(path: string, headers: Record<string, string>, method = 'GET', body?: unknown) {
  const res = await fetch(`${sys.url}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

/** A chat answered by agent ana, then the customer's line. */
function chat(customerLine: string) {
  const t0 = Date.now() - 60_000
  const base = { tenant: TEST_TENANT, channel: 'webchat', interaction_id: INTERACTION, queue: 'repair' }
  const message = (n: number, role: string, text: string) => ({
    ...base,
    event_id: `${INTERACTION}-m${n}`,
    ts: t0 + n * 1_000,
    type: 'chat.message',
    agent_id: 'ana',
    payload: { role, text, message_id: `${INTERACTION}-m${n}` },
  })
  return [
    { ...base, ts: t0, type: 'chat.started', payload: {}, customer: { phone: '13812345678' } },
    { ...base, ts: t0 + 500, type: 'chat.transferred_to_agent', payload: {} },
    message(1, 'agent', '您好，请问有什么可以帮您？'),
    message(2, 'customer', customerLine),
  ]
}

const post = async (events: unknown[]) => expect((await postEvents(sys.url, JSON.stringify(events))).status).toBe(202)

/** Reads a Server-Sent Events body until an `assist` message satisfies `ok`. */
async function assistUntil(body: ReadableStream<Uint8Array>, ok: (u: AssistUpdate) => boolean): Promise<AssistUpdate> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) throw new Error('the stream ended')
      buffer += decoder.decode(value, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const m = /^event: assist\ndata: (.*)$/m.exec(buffer.slice(0, end))
        buffer = buffer.slice(end + 2)
        const update = m && (JSON.parse(m[1]) as AssistUpdate)
        if (update && ok(update)) return update
      }
    }
  } finally {
    await reader.cancel()
  }
}

beforeAll(async () => {
  const config = testConfig(dir.path, {
    MOFANG_USERS: `boss:${TEST_TENANT}:supervisor:x,ana:${TEST_TENANT}:agent:x,bo:${TEST_TENANT}:agent:x`,
    MOFANG_SESSION_SECRET: SECRET,
  })
  sys = await startSystem({
    config,
    namespace: uniqueNamespace(),
    services: [conversationsService(conversationsSettings(config)), assistService()],
    log: () => {},
  })
}, 60_000)

afterAll(async () => {
  await sys?.stop()
  dir.remove()
})

describe('knowledge base API', () => {
  it('creates, reads, lists, replaces and deletes articles; refuses bad ones naming the field', async () => {
    const made = await api<KbArticle>('/api/kb/articles', boss, 'POST', {
      id: 'kb-21a',
      title: 'Windows 更新后蓝屏 0xC000021A',
      body: '进入恢复环境，卸载最新的质量更新，然后重启。',
      tags: ['蓝屏', '更新'],
      error_codes: ['0xC000021A'],
    })
    expect(made.status).toBe(200)
    expect(made.body).toMatchObject({ id: 'kb-21a', products: [], updated_at: expect.any(Number) })
    for (const [title, body] of [
      ['蓝屏常见原因', '蓝屏多数是驱动或系统更新问题，先卸载最新更新。'],
      ['电池充不进电', '检查适配器和电池养护模式。'],
    ])
      expect((await api<KbArticle>('/api/kb/articles', boss, 'POST', { title, body })).status).toBe(200)

    expect((await api('/api/kb/articles', boss, 'POST', { id: 'kb-21a', title: 'x', body: 'y' })).status).toBe(409)
    const bad = await api<{ field: string }>('/api/kb/articles', boss, 'POST', { title: 'x', body: 'y', tags: [1] })
    expect(bad).toMatchObject({ status: 400, body: { error: 'bad_request', field: 'tags[0]' } })
    expect((await api('/api/kb/articles', ana, 'POST', { title: 'x', body: 'y' })).status).toBe(403)

    expect((await api<KbArticle>('/api/kb/articles/kb-21a', ana)).body.title).toContain('0xC000021A')
    const list = await api<KbArticleList>('/api/kb/articles?limit=2', ana)
    expect(list.body.total).toBe(3)
    expect(list.body.articles).toHaveLength(2)
    const found = await api<KbArticleList>(`/api/kb/articles?q=${encodeURIComponent('电池 充电')}`, ana)
    expect(found.body.articles[0].title).toBe('电池充不进电')

    const replaced = await api<KbArticle>('/api/kb/articles/kb-tmp', boss, 'PUT', { title: 'tmp', body: 'tmp' })
    expect(replaced.body.id).toBe('kb-tmp')
    expect((await api('/api/kb/articles/kb-tmp', boss, 'DELETE')).body).toEqual({ deleted: true })
    expect((await api('/api/kb/articles/kb-tmp', boss)).status).toBe(404)
    expect((await api('/api/kb/articles/kb-tmp', boss, 'DELETE')).status).toBe(404)
  })

  it('keeps a second process’s index in step through the bucket', async () => {
    const other = await openKnowledgeStore(
      await new Kvm(jetstream(sys.nats.nc)).open(sys.topology.knowledgeBucket),
      () => {},
    )
    try {
      expect(other.index.get(TEST_TENANT, 'kb-21a')?.error_codes).toEqual(['0xC000021A'])
      await api('/api/kb/articles/kb-late', boss, 'PUT', {
        title: 'Late article',
        body: 'Written after the other opened.',
      })
      await eventually(async () => other.index.get(TEST_TENANT, 'kb-late'), { what: 'the write seen by the other' })
      await api('/api/kb/articles/kb-late', boss, 'DELETE')
      await eventually(async () => !other.index.get(TEST_TENANT, 'kb-late'), { what: 'the delete seen by the other' })
    } finally {
      await other.stop()
    }
  })

  it('imports CSV and Markdown, and names the row of a bad one', async () => {
    const csv = 'title,body,error_codes\n"Error 0271, date lost",Set the date in the BIOS (F1).,Error 0271\n'
    const res = await fetch(`${sys.url}/api/kb/import`, {
      method: 'POST',
      headers: { ...boss, 'content-type': 'text/csv' },
      body: csv,
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as KbImportAnswer).imported).toBe(1)
    const md = await api<KbImportAnswer>('/api/kb/import', boss, 'POST', {
      format: 'markdown',
      text: '# Fan noise\ntags: fan\nPress Fn + Q.\n# Wi-Fi drops\nUpdate the driver.',
    })
    expect(md.body.imported).toBe(2)
    const bad = await api<{ field: string }>('/api/kb/import?format=csv', boss, 'POST', {
      text: 'title,body\nok,fine\nno body,',
    })
    expect(bad).toMatchObject({ status: 400, body: { field: 'rows[3].body' } })
    const plain = await fetch(`${sys.url}/api/kb/import`, {
      method: 'POST',
      headers: { ...boss, 'content-type': 'text/plain' },
      body: '# A\nb',
    })
    expect(plain.status).toBe(415)
  })
})

describe('suggestions for an open chat', () => {
  it('ranks the error code’s article first, streams it to the desktop, and sends it as the agent', async () => {
    const stream = await fetch(`${sys.url}/api/assist/stream?interaction_id=${INTERACTION}`, { headers: ana })
    expect(stream.headers.get('content-type')).toContain('text/event-stream')
    const streamed = assistUntil(stream.body!, (u) => u.suggestions[0]?.article.id === 'kb-21a')

    await post(chat('电脑昨天更新完系统以后就蓝屏了，错误代码 0xC000021A'))
    const suggestions = await eventually(
      async () => {
        const res = await api<KbSuggestion[]>(`/api/assist/suggestions?interaction_id=${INTERACTION}`, ana)
        return res.status === 200 && res.body[0]?.article.id === 'kb-21a' ? res.body : null
      },
      { what: 'the error code’s article suggested for the chat' },
    )
    expect(suggestions![0].matched).toContain('error_code:0xC000021A')
    // Another agent does not see ana's chat; a supervisor does.
    const path = `/api/assist/suggestions?interaction_id=${INTERACTION}`
    expect((await api(path, as('bo', 'agent'))).status).toBe(404)
    expect((await api<KbSuggestion[]>(path, boss)).body[0].article.id).toBe('kb-21a')
    const update = await streamed
    expect(update).toMatchObject({ interaction_id: INTERACTION, ended: false })
    expect(update.facts).toContainEqual(expect.objectContaining({ kind: 'error_code', value: '0xC000021A' }))

    expect(
      (await api('/api/assist/send', as('bo', 'agent'), 'POST', { interaction_id: INTERACTION, article_id: 'kb-21a' }))
        .status,
    ).toBe(403)
    const sent = await api<{ event_id: string }>('/api/assist/send', ana, 'POST', {
      interaction_id: INTERACTION,
      article_id: 'kb-21a',
    })
    expect(sent.status).toBe(200)
    const stored = await eventually(
      async () =>
        (
          await sys.warehouse.query<{ agent_id: string; payload: string; channel: string }>(
            `SELECT agent_id, payload, channel FROM events WHERE tenant = {t:String} AND event_id = {id:String}`,
            { t: TEST_TENANT, id: sent.body.event_id },
          )
        )[0],
      { what: 'the sent message in the warehouse' },
    )
    expect(stored.agent_id).toBe('ana')
    expect(stored.channel).toBe('webchat')
    expect(JSON.parse(stored.payload)).toMatchObject({
      role: 'agent',
      text: '进入恢复环境，卸载最新的质量更新，然后重启。',
    })

    await post([
      {
        tenant: TEST_TENANT,
        channel: 'webchat',
        interaction_id: INTERACTION,
        ts: Date.now(),
        type: 'chat.ended',
        payload: { ended_by: 'customer' },
      },
    ])
    await eventually(
      async () => (await api(`/api/assist/suggestions?interaction_id=${INTERACTION}`, ana)).status === 404,
      { what: 'the ended chat forgotten' },
    )
  })
})

describe('/v1/assist for an agent desktop', () => {
  const key = { authorization: `Bearer ${TEST_KEY}` }

  it('suggests for a text and checks a draft with the API key or an agent session', async () => {
    const hits = await api<KbSuggestion[]>('/v1/assist/suggest', key, 'POST', { text: 'It says Error 0271 at boot' })
    expect(hits.body[0].article.title).toBe('Error 0271, date lost')
    const check = await api<AssistCheckAnswer>('/v1/assist/check', ana, 'POST', { text: '这不是我们的问题' })
    expect(check.body).toMatchObject({ ok: false, suggestion: '我们一起看看怎么解决' })
    expect((await api('/v1/assist/check', { authorization: 'Bearer wrong' }, 'POST', { text: 'hi' })).status).toBe(401)
    expect((await api('/v1/assist/check', key, 'POST', {})).status).toBe(400)
  })
})
