import { describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { digest, type StoredEvent } from '../core/index.js'
import { redactionPolicy } from '../kits/pii/index.js'
import { scoreInteraction, type Turn } from '../qa/index.js'
import { createEventsEndpoint } from './events-endpoint.js'
import { DedupWindow } from './dedup.js'
import { identityKeys, normalizeIdentity } from './identity.js'
import { packEvents } from './publish.js'
import { redactEvent } from './redaction.js'

const stored = (over: Partial<StoredEvent>): StoredEvent => ({
  v: 1,
  event_id: 'e1',
  tenant: 'acme',
  ts: Date.now(),
  channel: 'webchat',
  type: 'chat.message',
  interaction_id: 'c1',
  payload: {},
  received_at: Date.now(),
  ...over,
})

describe('MOFANG_REDACT_TENANTS', () => {
  it('is off when empty or none, * for every tenant (the default setting), else the listed tenants', () => {
    expect(redactionPolicy(undefined)).toBeUndefined()
    expect(redactionPolicy(' , ')).toBeUndefined()
    expect(redactionPolicy('none')).toBeUndefined()
    expect(redactionPolicy('*')!.applies('anyone')).toBe(true)
    const some = redactionPolicy('acme, beta')!
    expect([some.applies('acme'), some.applies('beta'), some.applies('gamma')]).toEqual([true, true, false])
    expect(() => redactionPolicy('acme,Bad Name')).toThrow(/MOFANG_REDACT_TENANTS: bad tenant name "Bad Name"/)
  })
})

describe('redactEvent', () => {
  it('masks free text at the same length and keeps only hashes of the identities', () => {
    const text = '我的手机１３８ 1234 ５６７８，卡号6222.0212.3456.7894，订单号 LX480213579246'
    const e = stored({
      customer: { phone: '+86 138-1234-5678', email: 'Wei@Example.com', wechat_openid: 'o-abc' },
      customer_name: '王伟',
      payload: { role: 'customer', text },
    })
    const keys = identityKeys(e)
    redactEvent(e)
    expect(e.payload.text).toBe('我的手机*************，卡号*******************，订单号 LX480213579246')
    expect((e.payload.text as string).length).toBe(text.length)
    expect(e.customer).toEqual({
      phone: `h:${digest('13812345678')}`,
      email: `h:${digest('wei@example.com')}`,
      wechat_openid: `h:${digest('o-abc')}`,
    })
    // The hash is the identity store's key: a stored event still joins with it.
    expect(Object.entries(e.customer!).map(([k, v]) => `acme.id.${k}.${v.slice(2)}`)).toEqual(keys)
    expect(normalizeIdentity('phone', '+86 138-1234-5678')).toBe('13812345678')
    expect(e.customer_name).toBe('王伟')
    expect(JSON.stringify(e)).not.toMatch(/13812345678|１３８|6222|Wei@|o-abc/)
  })

  it('masks every free-text field of tickets, surveys and calls', () => {
    const cases: [StoredEvent['type'], Record<string, unknown>][] = [
      ['voice.offered', { from: '+8613812345678', to: '4008100888' }],
      ['voice.callback_requested', { number: '138 1234 5678' }],
      ['ticket.created', { subject: 'refund to card 4111 1111 1111 1111', priority: 'high' }],
      ['ticket.comment', { role: 'customer', text: 'ID 11010519491231002X', public: false }],
      ['ticket.resolved', { resolution: 'called back on 13812345678' }],
      ['ticket.reopened', { reason: 'mail me at wei@example.com' }],
      ['survey.nps', { score: 3, comment: '打13812345678' }],
      ['survey.csat', { score: 1, comment: '打13812345678' }],
      ['survey.comment', { text: '打13812345678' }],
    ]
    for (const [type, payload] of cases) {
      const e = stored({ type, payload: { ...payload } })
      redactEvent(e)
      expect(JSON.stringify(e.payload), type).not.toMatch(/13812345678|4111 1111|11010519491231002X|wei@/)
      expect(Object.keys(e.payload)).toEqual(Object.keys(payload))
    }
  })

  it('leaves the QA score, checks, flags and facts as they were on the raw text', () => {
    const turns: Turn[] = [
      { role: 'agent', text: '您好，很高兴为您服务，请问有什么可以帮您？' },
      { role: 'customer', text: '订单号 A20240517001，手机１３８１２３４５６７８，蓝屏 0x0000007B' },
      { role: 'agent', text: '好的王先生，已为您登记手机 138 1234 5678，感谢您的来电，祝您生活愉快' },
    ]
    const raw = scoreInteraction({ interaction_id: 'q', customer_name: '王伟', turns })
    const redacted = scoreInteraction({
      interaction_id: 'q',
      customer_name: '王伟',
      turns: turns.map((t) => {
        const e = stored({ payload: { role: t.role, text: t.text } })
        redactEvent(e)
        return { role: t.role, text: e.payload.text as string }
      }),
    })
    expect({ ...redacted, pii: [] }).toEqual({ ...raw, pii: [] })
    expect(raw.pii).toHaveLength(2)
  })
})

describe('POST /v1/events with MOFANG_REDACT_TENANTS', () => {
  it("publishes the named tenants' events redacted after identity merge saw them raw; others as sent", async () => {
    const published: StoredEvent[] = []
    const seenByIdentity: string[] = []
    const endpoint = createEventsEndpoint({
      apiKeys: new Map([
        ['key-acme-0123456789', 'acme'],
        ['key-beta-0123456789', 'beta'],
      ]),
      maxBodyBytes: 1 << 20,
      maxBatchEvents: 100,
      dedup: new DedupWindow({ windowSeconds: 600 }),
      identity: {
        resolve: async (events) => {
          for (const e of events) seenByIdentity.push(e.customer?.phone ?? '')
        },
      },
      redaction: redactionPolicy('acme'),
      brokerUp: () => true,
      pack: (events) => packEvents(events, { prefix: 'cx' }),
      publish: async (messages) => {
        published.push(...messages.flatMap((m) => m.events))
        return { failed: [] }
      },
    })
    const server: Server = createServer((req, res) => void endpoint.handle(req, res))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/events`
    try {
      for (const tenant of ['acme', 'beta']) {
        const event = {
          tenant,
          ts: Date.now(),
          channel: 'webchat',
          type: 'chat.message',
          interaction_id: 'c1',
          customer: { phone: '13812345678' },
          payload: { role: 'customer', text: '手机13812345678' },
        }
        const res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer key-${tenant}-0123456789`, 'content-type': 'application/json' },
          body: JSON.stringify([event]),
        })
        expect(res.status).toBe(202)
      }
    } finally {
      await new Promise((r) => server.close(r))
    }
    expect(seenByIdentity).toEqual(['13812345678', '13812345678'])
    expect(published.map((e) => [e.tenant, e.customer?.phone, e.payload.text])).toEqual([
      ['acme', `h:${digest('13812345678')}`, '手机***********'],
      ['beta', '13812345678', '手机13812345678'],
    ])
  })
})
