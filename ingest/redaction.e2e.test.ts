/**
 * MOFANG_REDACT_TENANTS end to end: HTTP → ingest (identity merge on the raw identities, then redaction) →
 * JetStream (real nats-server) → warehouse sink → ClickHouse (real chDB). Neither the stream's messages nor the
 * `events` table hold a raw phone number, email or card number, and identity merge still joins the customer's
 * events across spellings and channels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jetstreamManager } from '@nats-io/jetstream'
import { digest } from '../core/index.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { TEST_TENANT, eventually, postEvents, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'

let sys: RunningSystem
const dir = tempDir('redaction')
const T0 = Date.now() - 60_000

beforeAll(async () => {
  sys = await startSystem({
    config: testConfig(dir.path, { MOFANG_REDACT_TENANTS: TEST_TENANT }),
    namespace: uniqueNamespace(),
    log: () => {},
  })
})
afterAll(async () => {
  await sys?.stop()
  dir.remove()
})

const RAW = /13812345678|１３８|138 1234|wei@example\.com|6222|11010519491231002X/i

describe('per-tenant redaction at ingest', () => {
  it('stores and streams only masked text and hashed identities; identity merge still joins the customer', async () => {
    const base = { tenant: TEST_TENANT, queue: 'repair' }
    const events = [
      {
        ...base,
        ts: T0,
        channel: 'voice',
        type: 'voice.offered',
        interaction_id: 'red-call',
        customer: { phone: '+86 138-1234-5678' },
        payload: { from: '+8613812345678' },
      },
      {
        ...base,
        ts: T0 + 1000,
        channel: 'wechat',
        type: 'chat.message',
        interaction_id: 'red-chat',
        customer: { phone: '13812345678', wechat_openid: 'oRED' },
        customer_name: '王伟',
        payload: { role: 'customer', text: '手机１３８ 1234 ５６７８，邮箱 wei@example.com，卡号6222.0212.3456.7894' },
      },
      {
        ...base,
        ts: T0 + 2000,
        channel: 'wechat',
        type: 'survey.comment',
        interaction_id: 'red-chat',
        customer: { wechat_openid: 'oRED' },
        payload: { text: '身份证 110105 19491231 002X' },
      },
    ]
    const res = await postEvents(sys.url, JSON.stringify(events))
    expect(res.status).toBe(202)

    const rows = (await eventually(
      async () => {
        const r = await sys.warehouse.query<{
          type: string
          customer_id: string
          identities: unknown
          payload: string
        }>(
          `SELECT type, customer_id, identities, payload, customer_name FROM events
           WHERE tenant = {t:String} AND interaction_id IN ('red-call', 'red-chat') ORDER BY ts`,
          { t: TEST_TENANT },
        )
        return r.length === 3 ? r : undefined
      },
      { what: 'the three events in ClickHouse' },
    ))!
    expect(JSON.stringify(rows)).not.toMatch(RAW)
    expect(new Set(rows.map((r) => r.customer_id)).size).toBe(1)
    expect(rows[0].identities).toEqual({ phone: `h:${digest('13812345678')}` })
    expect(JSON.parse(rows[1].payload).text).toBe('手机*************，邮箱 ***************，卡号*******************')
    expect(JSON.stringify(rows[1])).toContain('王伟')

    // The stream's messages (JetStream's files) hold the same redacted events.
    const jsm = await jetstreamManager(sys.nats.nc)
    const info = await jsm.streams.info(sys.topology.eventStream)
    let bodies = ''
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const m = await jsm.streams.getMessage(sys.topology.eventStream, { seq })
      bodies += m ? new TextDecoder().decode(m.data) : ''
    }
    expect(bodies).toContain('red-chat')
    expect(bodies).not.toMatch(RAW)
  })
})
