/**
 * A customer's export and erasure end to end, on a real nats-server and chDB: one customer known on two channels
 * (a phone call with a recording, a WeChat chat with a QA result and an alert) and merged by an identify event, and
 * another customer whose events share JetStream messages with theirs. Export holds all of it; erase leaves nothing
 * in any table of the database, in any stream or in the identity KV bucket, deletes the recording, and leaves the
 * other customer's data as it was. Needs a build for QA's worker (`npm run build`: dist/qa/worker.js).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { Kvm } from '@nats-io/kv'
import { rootDir } from '../core/compiled.js'
import { decodeEvents, type AuditAnswer } from '../core/contracts/index.js'
import type { StoredEvent } from '../core/index.js'
import { SESSION_COOKIE, SessionSigner } from '../kits/auth/index.js'
import { identityKeys } from '../ingest/identity.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { eventually, postEvents, tempDir, testConfig, uniqueNamespace, TEST_TENANT } from '../testing/env.js'
import { qaService } from '../qa/service.js'
import { chatEvents } from '../qa/test-helpers/chat-events.js'
import { transcriptionService } from '../transcribe/service.js'
import { transcribeNames } from '../transcribe/jobs.js'
import { storeTranscript } from '../transcribe/store.js'
import type { CustomerExport } from './export.js'
import type { ErasureReport } from './erase.js'
import { privacyService } from './service.js'
import { readStream } from './streams.js'

const built = existsSync(join(rootDir(), 'dist', 'qa', 'worker.js'))
if (!built) console.warn('SKIP customer erase end-to-end test: needs `npm run build` (dist/qa/worker.js)')

const SECRET = 'privacy-e2e-session-secret-0123456789abcdef'
const PHONE = '13955501234'
const OPENID = 'o-li-wechat'
/** Only in the erased customer's own words: searched for in every table and stream afterwards. */
const SECRET_WORDS = 'XYZZY紫色独角兽'
const OTHER_OPENID = 'o-wang-wechat'
const decoder = new TextDecoder()

// One hour back, whole: every event falls in one UTC day (ingest packs a message per subject and day), at any time.
const T0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 1_800_000

const call = (id: string, phone: string, recording: string, t0: number) => {
  const base = { tenant: TEST_TENANT, channel: 'voice', interaction_id: id, queue: 'repair', customer: { phone } }
  return [
    { ...base, ts: t0, type: 'voice.offered', payload: { from: phone } },
    { ...base, ts: t0 + 5_000, type: 'voice.answered', agent_id: 'a-1', payload: {} },
    { ...base, ts: t0 + 95_000, type: 'voice.ended', agent_id: 'a-1', payload: { ended_by: 'customer' } },
    {
      ...base,
      ts: t0 + 96_000,
      type: 'voice.recording_available',
      payload: { url: pathToFileURL(recording).href, format: 'wav', channels: 2, duration_ms: 90_000 },
    },
  ]
}

describe.skipIf(!built)('customer export and erase', () => {
  const dir = tempDir('privacy-e2e')
  const recordings = join(dir.path, 'recordings')
  const liRecording = join(recordings, 'call-li.wav')
  const wangRecording = join(recordings, 'call-wang.wav')
  let sys: RunningSystem
  let exported: CustomerExport
  let report: ErasureReport
  /** Every id the erased customer had, and their interactions. */
  let liIds: string[] = []
  const liInteractions = ['call-li', 'chat-li']
  let wangEventsBefore = 0

  const admin = (path: string, method = 'GET') =>
    fetch(`${sys.url}${path}`, { method, headers: { authorization: `Bearer ${sys.adminToken}` } })
  const count = async (sql: string, params = {}) => Number((await sys.warehouse.query<{ n: number }>(sql, params))[0].n)
  const wangEvents = () =>
    count(
      `SELECT count() AS n FROM events WHERE tenant = {t:String} AND interaction_id IN ('chat-wang', 'call-wang')`,
      { t: TEST_TENANT },
    )

  beforeAll(async () => {
    mkdirSync(recordings, { recursive: true })
    writeFileSync(liRecording, 'RIFF-li')
    writeFileSync(wangRecording, 'RIFF-wang')
    sys = await startSystem({
      config: testConfig(dir.path, {
        MOFANG_RECORDINGS_DIR: recordings,
        MOFANG_USERS: `boss:${TEST_TENANT}:supervisor+admin:unused`,
        MOFANG_SESSION_SECRET: SECRET,
      }),
      namespace: uniqueNamespace(),
      services: [
        qaService({ workers: 1 }),
        // No model: the calls wait as "awaiting" transcripts, their jobs in the job stream.
        transcriptionService({ model: join(dir.path, 'no-model.bin'), scoreTranscript: async () => undefined }),
        privacyService(),
      ],
      log: () => {},
    })
    const rude: ['customer' | 'agent', string][] = [
      ['customer', `你好，我的电脑蓝屏了，${SECRET_WORDS}`],
      ['agent', '这不归我们管，你自己去问厂家。'],
      ['customer', '太离谱了'],
      ['agent', '滚'],
    ]
    const polite: ['customer' | 'agent', string][] = [
      ['customer', '你好，我想问一下保修'],
      ['agent', '您好，请问有什么可以帮您？'],
      ['customer', '谢谢'],
      ['agent', '不客气，祝您生活愉快'],
    ]
    const events = [
      ...call('call-li', PHONE, liRecording, T0),
      ...call('call-wang', '13955509999', wangRecording, T0 + 1_000),
      ...chatEvents({
        tenant: TEST_TENANT,
        interactionId: 'chat-li',
        t0: T0 + 200_000,
        openid: OPENID,
        agentId: 'a-2',
        turns: rude,
      }),
      ...chatEvents({
        tenant: TEST_TENANT,
        interactionId: 'chat-wang',
        t0: T0 + 200_500,
        openid: OTHER_OPENID,
        agentId: 'a-3',
        turns: polite,
      }),
      // The agent asks for the number: the chat's customer and the caller are one.
      {
        tenant: TEST_TENANT,
        ts: T0 + 300_000,
        channel: 'wechat',
        type: 'identity.identify',
        customer: { wechat_openid: OPENID, phone: PHONE },
        payload: {},
      },
    ]
    // One request: the two customers' events of one subject travel in one message.
    expect((await postEvents(sys.url, JSON.stringify(events))).status).toBe(202)

    await eventually(
      async () =>
        (await count(`SELECT count() AS n FROM qa_results FINAL WHERE interaction_id IN ('chat-li', 'chat-wang')`)) ===
          2 &&
        (await count(`SELECT count() AS n FROM transcripts WHERE interaction_id IN ('call-li', 'call-wang')`)) >= 2,
      { timeoutMs: 60_000, what: 'QA results and awaiting transcripts' },
    )
    // The calls' transcripts as transcription would store them, and a reviewer's note on the chat.
    for (const [id, url, words] of [
      ['call-li', liRecording, `我的手机号是${PHONE}，${SECRET_WORDS}`],
      ['call-wang', wangRecording, '我想问一下发票'],
    ])
      await storeTranscript(
        sys.warehouse,
        { tenant: TEST_TENANT, interaction_id: id, url: pathToFileURL(url).href },
        {
          tenant: TEST_TENANT,
          interaction_id: id,
          language: 'zh',
          model: 'ggml-test.bin',
          duration_ms: 90_000,
          channels: 2,
          turns: [{ speaker: 'customer', text: words, start_ms: 0, end_ms: 3_000 }],
          audio: { duration_ms: 90_000, silence_ms: 0, silences: [], overtalk_ms: 0, talk_ms: {} },
          elapsed_ms: 1,
        },
        1,
      )
    await sys.warehouse.insert('qa_reviews', [
      {
        tenant: TEST_TENANT,
        interaction_id: 'chat-li',
        created_at: Date.now(),
        review_id: 'r-1',
        kind: 'review',
        reviewer: 'boss',
        item: '',
        decision: 'override',
        score: 20,
        comment: 'rude agent',
      },
    ])
    wangEventsBefore = await wangEvents()
  }, 120_000)

  afterAll(async () => {
    await sys?.stop()
    dir.remove()
  })

  it('exports everything held about the merged customer, from either id', async () => {
    const ids = await sys.warehouse.query<{ customer_id: string }>(
      `SELECT DISTINCT customer_id FROM events WHERE interaction_id IN ('call-li', 'chat-li') AND customer_id != ''`,
    )
    const res = await admin(`/v1/admin/customers/${ids.at(-1)!.customer_id}/export?tenant=${TEST_TENANT}`)
    expect(res.status).toBe(200)
    exported = (await res.json()) as CustomerExport
    liIds = [exported.customer_id, ...exported.merged_ids]
    expect(liIds).toHaveLength(2)
    expect(new Set(ids.map((r) => r.customer_id))).toEqual(new Set(liIds))
    const other = liIds.find((id) => id !== ids.at(-1)!.customer_id)!
    const again = (await (
      await admin(`/v1/admin/customers/${other}/export?tenant=${TEST_TENANT}`)
    ).json()) as CustomerExport
    expect(again.customer_id).toBe(exported.customer_id)

    const t = exported.tables
    expect(new Set(t.events.map((e) => e.interaction_id))).toEqual(new Set([...liInteractions, '']))
    expect(JSON.stringify(t.events)).toContain(SECRET_WORDS)
    expect(t.interactions.map((r) => r.interaction_id).sort()).toEqual(liInteractions)
    expect(t.transcripts.some((r) => String(r.turns).includes(SECRET_WORDS))).toBe(true)
    expect(t.qa_results.map((r) => r.interaction_id)).toEqual(['chat-li'])
    expect(t.qa_reviews).toHaveLength(1)
    expect(t.customer_aliases.length).toBeGreaterThan(0)
    // Stored as digests (MOFANG_REDACT_TENANTS, '*' by default): the export has them as stored.
    expect(exported.identities.map((i) => i.kind).sort()).toEqual(['phone', 'wechat_openid'])
    expect(exported.identity_keys.filter((k) => k.includes('.id.'))).toHaveLength(2)
    expect(exported.identity_keys.filter((k) => k.includes('.alias.'))).toHaveLength(1)
    expect(exported.recordings.filter((r) => r.path)).toEqual([
      { interaction_id: 'call-li', url: pathToFileURL(liRecording).href, path: liRecording },
    ])
    expect(JSON.stringify(exported)).not.toContain('chat-wang')
  })

  it('shows what it would erase without --yes, and erases nothing', async () => {
    const res = await admin(`/v1/admin/customers/${exported.customer_id}/erase?tenant=${TEST_TENANT}&dry_run=1`, 'POST')
    expect(res.status).toBe(200)
    const dry = (await res.json()) as ErasureReport
    expect(dry.dry_run).toBe(true)
    expect(dry.rows.events).toBe(exported.tables.events.length)
    expect(dry.stream.events).toBe(exported.tables.events.length)
    expect(
      await count(`SELECT count() AS n FROM events WHERE customer_id IN {ids:Array(String)}`, { ids: liIds }),
    ).toBe(dry.rows.events)
    expect(existsSync(liRecording)).toBe(true)
  })

  it('erases the customer, republishing the events of others it can', async () => {
    const res = await admin(`/v1/admin/customers/${exported.customer_id}/erase?tenant=${TEST_TENANT}`, 'POST')
    expect(res.status).toBe(200)
    report = (await res.json()) as ErasureReport
    expect(report.dry_run).toBe(false)
    expect(Object.values(report.remaining).every((n) => n === 0)).toBe(true)
    expect(report.rows).toMatchObject({
      events: exported.tables.events.length,
      transcripts: exported.tables.transcripts.length,
      qa_results: 1,
    })
    expect(report.stream.events).toBe(exported.tables.events.length)
    // chat.message, voice.*: only the sink reads them again, and it skips stored events: published again.
    expect(report.stream.republished).toBeGreaterThan(0)
    // chat.ended: QA would score the other chat again; those events stay only in the warehouse.
    expect(report.stream.notRepublished).toBeGreaterThan(0)
    expect(report.identity_keys).toBe(3)
    expect(report.recordings).toEqual({ deleted: 1, held_elsewhere: 0 })
    expect(existsSync(liRecording)).toBe(false)
    expect(existsSync(wangRecording)).toBe(true)
    console.log(`[privacy] erase report: ${JSON.stringify(report)}`)
  })

  /** Strings only the erased customer's data holds. */
  const needles = () => [
    ...liIds,
    ...liInteractions,
    ...exported.identities.map((i) => i.value),
    PHONE,
    OPENID,
    SECRET_WORDS,
  ]

  it('leaves nothing of theirs in any table of the database', async () => {
    const tables = await sys.warehouse.query<{ name: string }>(
      `SELECT name FROM system.tables WHERE database = currentDatabase() AND engine NOT LIKE '%MaterializedView%'`,
    )
    expect(tables.length).toBeGreaterThan(10)
    const found: string[] = []
    for (const { name } of tables) {
      const text = JSON.stringify(await sys.warehouse.query(`SELECT * FROM ${name}`))
      for (const n of needles()) if (name !== 'audit_log' && text.includes(n)) found.push(`${name}: ${n}`)
    }
    expect(found).toEqual([])
    // The audit log keeps the record of the export and the erase, by id, with counts only.
    const audit = await sys.warehouse.query<{ action: string; target: string; detail: string }>(
      'SELECT action, target, detail FROM audit_log ORDER BY ts',
    )
    expect(audit.map((a) => [a.action, a.target])).toEqual([
      ['customer.export', exported.customer_id],
      ['customer.export', exported.customer_id],
      ['customer.erase', exported.customer_id],
    ])
    const text = JSON.stringify(audit.map((a) => a.detail))
    for (const n of [PHONE, OPENID, SECRET_WORDS, ...liInteractions]) expect(text).not.toContain(n)
  })

  it('leaves nothing of theirs in the streams, nor in the identity KV bucket', async () => {
    const jsm = await jetstreamManager(sys.nats.nc)
    const js = jetstream(sys.nats.nc)
    const t = sys.topology
    const streams = [
      t.eventStream,
      t.dlqStream,
      t.qaAlertStream,
      transcribeNames(t).jobStream,
      `KV_${t.identityBucket}`,
    ]
    const found: string[] = []
    const inStream = new Map<string, StoredEvent>()
    for (const stream of streams)
      await readStream(js, jsm, stream, (m) => {
        const text = `${m.subject} ${decoder.decode(m.data)}`
        for (const n of needles()) if (text.includes(n)) found.push(`${stream} #${m.seq}: ${n}`)
        if (stream === t.eventStream) for (const e of decodeEvents(m.data)) inStream.set(e.event_id, e)
      })
    expect(found).toEqual([])
    // The other customer's events the erase published again are in the stream; the ones it left are not.
    const wang = [...inStream.values()].filter((e) => ['chat-wang', 'call-wang'].includes(e.interaction_id ?? ''))
    expect(wang.length).toBe(wangEventsBefore - report.stream.notRepublished)
    expect(wang.some((e) => e.type === 'chat.message')).toBe(true)
  })

  it('leaves the other customer’s data as it was: the sink skips the events published again', async () => {
    const jsm = await jetstreamManager(sys.nats.nc)
    await eventually(
      async () => {
        const sink = await jsm.consumers.info(sys.topology.eventStream, sys.topology.sinkConsumer)
        return sink.num_pending + sink.num_ack_pending === 0
      },
      { what: 'the sink to read the republished messages' },
    )
    expect(await wangEvents()).toBe(wangEventsBefore)
    expect(
      await count(`SELECT uniqExact(event_id) AS n FROM events WHERE interaction_id IN ('chat-wang', 'call-wang')`),
    ).toBe(wangEventsBefore)
    expect(await count(`SELECT count() AS n FROM qa_results FINAL WHERE interaction_id = 'chat-wang'`)).toBe(1)
    expect(await count(`SELECT count() AS n FROM transcripts WHERE interaction_id = 'call-wang'`)).toBeGreaterThan(0)
    expect(await count(`SELECT count() AS n FROM interactions WHERE interaction_id = 'chat-wang'`)).toBeGreaterThan(0)
    const kv = await new Kvm(jetstream(sys.nats.nc)).open(sys.topology.identityBucket)
    const [wangKey] = identityKeys({ tenant: TEST_TENANT, ts: 0, customer: { wechat_openid: OTHER_OPENID } })
    expect(decoder.decode((await kv.get(wangKey))!.value)).not.toBe('')
    for (const key of exported.identity_keys) expect(await kv.get(key)).toBeNull()
  })

  it('answers who did it to an admin, and refuses a second erase of nothing', async () => {
    const cookie = `${SESSION_COOKIE}=${encodeURIComponent(
      new SessionSigner(Buffer.from(SECRET)).sign({
        u: 'boss',
        t: TEST_TENANT,
        r: ['supervisor'],
        exp: Date.now() + 3_600_000,
      }),
    )}`
    const res = await fetch(`${sys.url}/api/admin/audit?action=customer.erase`, { headers: { cookie } })
    expect(res.status).toBe(200)
    const answer = (await res.json()) as AuditAnswer
    expect(answer.entries.map((e) => [e.actor, e.action, e.target])).toEqual([
      ['cli:admin', 'customer.erase', exported.customer_id],
    ])
    expect(answer.entries[0].detail).toMatchObject({ rows: report.rows, identity_keys: 3 })
    expect((await fetch(`${sys.url}/api/admin/audit?action=nope`, { headers: { cookie } })).status).toBe(400)
    expect((await fetch(`${sys.url}/api/admin/audit`)).status).toBe(401)
    const again = await admin(`/v1/admin/customers/${exported.customer_id}/erase?tenant=${TEST_TENANT}`, 'POST')
    expect(again.status).toBe(404)
    expect((await admin(`/v1/admin/customers/x/export?tenant=${TEST_TENANT}`, 'GET')).status).toBe(404)
    expect((await fetch(`${sys.url}/v1/admin/customers/x/export?tenant=${TEST_TENANT}`)).status).toBe(401)
  })
})
