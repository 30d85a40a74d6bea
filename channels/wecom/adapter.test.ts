import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Value } from '@sinclair/typebox/value'
import { afterEach, describe, expect, it } from 'vitest'
import { ChannelRefusal, type AdapterContext, type ChannelRequest, type SampleMessage } from '../adapter.js'
import { ReplayWindow } from '../replay.js'
import { encryptMessage } from '../wechat/crypto.js'
import { WeComApiError } from './api.js'
import { SAMPLE_OPEN_KFID, wecomAdapter, type WeComCredentials } from './adapter.js'
import * as documented from './fixtures/sync-msg.js'
import { createKfStandIn, type KfStandInOptions } from './kf-stand-in.js'

const CORP = 'ww12345678910'
const BASE = { corp_id: CORP, token: 'QDG6eK', encoding_aes_key: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C' }
const NOW = Date.UTC(2026, 2, 2, 9, 30)
const SECONDS = String(NOW / 1000)

/** msg_signature as the documents define it, computed here independently of crypto.ts. */
const sha1 = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex')

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))))
})

/** A WeCom API stand-in on a local port, and credentials pointing at it. */
async function wecomApi(opts: Partial<KfStandInOptions> = { accessToken: 'ACCESS_TOKEN' }) {
  const standIn = createKfStandIn({ corpId: CORP, ...opts })
  const server = createServer(standIn.listener)
  servers.push(server)
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const api_base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const credentials: WeComCredentials = {
    ...BASE,
    api_base,
    ...(opts.accessToken ? { access_token: opts.accessToken } : { secret: opts.secret }),
  }
  return { standIn, credentials }
}

function context(): AdapterContext & { saved: Map<string, string> } {
  const saved = new Map<string, string>()
  return {
    saved,
    replay: new ReplayWindow(),
    fetch: globalThis.fetch,
    state: { get: async (k) => saved.get(k), put: async (k, v) => void saved.set(k, v) },
  }
}

function request(method: 'GET' | 'POST', query: Record<string, string>, body = '', now = NOW): ChannelRequest {
  const url = new URL('http://mofang.test/v1/channels/acme/wecom')
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  return { method, url, headers: { 'content-type': 'text/xml' }, body: Buffer.from(body), now }
}

/** The encrypted callback of a notice, as WeCom POSTs it. */
function callback(notice: string, { receiver = CORP, nonce = '1372623149', token = BASE.token, now = NOW } = {}) {
  const encrypted = encryptMessage(BASE.encoding_aes_key, notice, receiver)
  const body = `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><AgentID><![CDATA[]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`
  const query = { msg_signature: sha1(token, SECONDS, nonce, encrypted), timestamp: SECONDS, nonce }
  return request('POST', query, body, now)
}

async function refusal(run: () => unknown): Promise<ChannelRefusal> {
  try {
    await run()
  } catch (err) {
    if (err instanceof ChannelRefusal) return err
    throw err
  }
  throw new Error('expected a ChannelRefusal')
}

async function messages(req: ChannelRequest, c: WeComCredentials, ctx = context()) {
  const result = await wecomAdapter.handle(req, c, ctx)
  if (result.kind !== 'messages') throw new Error(`expected messages, got ${result.kind}`)
  expect(result.reply?.body).toBe('')
  return result.messages
}

describe('WeCom URL verification', () => {
  const echostr = encryptMessage(BASE.encoding_aes_key, '1616140317555161061', CORP)
  const verify = (query: Record<string, string>) => wecomAdapter.handle(request('GET', query), BASE, context())
  const signed = { msg_signature: sha1(BASE.token, SECONDS, '5', echostr), timestamp: SECONDS, nonce: '5', echostr }

  it('answers the decrypted echostr', async () => {
    expect(await verify(signed)).toMatchObject({ kind: 'reply', status: 200, body: '1616140317555161061' })
  })

  it('reads an echostr whose + arrived unencoded', async () => {
    const req = request('GET', signed)
    req.url.search = req.url.search.replace(encodeURIComponent(echostr), echostr)
    expect(await wecomAdapter.handle(req, BASE, context())).toMatchObject({ body: '1616140317555161061' })
  })

  it('refuses a forged, unsigned or foreign echostr', async () => {
    expect((await refusal(() => verify({ ...signed, msg_signature: sha1('x', SECONDS, '5', echostr) }))).code).toBe(
      'bad_signature',
    )
    const { msg_signature: _, ...unsigned } = signed
    expect((await refusal(() => verify(unsigned))).code).toBe('missing_signature')
    const foreign = encryptMessage(BASE.encoding_aes_key, '1', 'wwSomeoneElse')
    const query = { ...signed, echostr: foreign, msg_signature: sha1(BASE.token, SECONDS, '5', foreign) }
    expect((await refusal(() => verify(query))).code).toBe('bad_signature')
  })
})

describe('WeCom customer-service messages', () => {
  it('reads the documented messages with sync_msg and maps the customer’s ones', async () => {
    const { standIn, credentials } = await wecomApi()
    for (const e of [...documented.MESSAGES, ...documented.NOT_FROM_CUSTOMER]) standIn.pushEntry(e)
    standIn.pushEntry({ ...documented.MESSAGES[0], msgid: 'odd', msgtype: 'constructor', constructor: {} })
    const mapped = await messages(callback(documented.NOTICE), credentials)
    expect(mapped.map((m) => m.event.payload?.text)).toEqual([
      'hello world',
      '[image]',
      '[voice]',
      '[video]',
      '[file]',
      '[location] 广州国际媒体港(广州市海珠区) 广东省广州市海珠区滨江东路 (23.1060218811035, 113.320503234863)',
      '[link] TITLE URL',
      '[business_card]',
      '[miniprogram] TITLE',
      '[constructor]',
    ])
    expect(mapped[0]).toEqual({
      messageId: 'from_msgid_4622416642169452480',
      conversation: { kind: 'session', user: documented.CUSTOMER },
      event: {
        type: 'chat.message',
        channel: 'wecom',
        ts: documented.SENT * 1000,
        customer: { wecom_external_userid: documented.CUSTOMER },
        payload: { role: 'customer', text: 'hello world', message_id: 'from_msgid_4622416642169452480' },
      },
    })
    const media = `${credentials.api_base}/cgi-bin/media/get?access_token=ACCESS_TOKEN&media_id=2iSLeVyqzk4eX0IB5kTi9Ljfa2rt9dwfq5WKRQ4Nvvgw`
    expect(mapped[1].attachments).toEqual([{ kind: 'image', fetch: { url: media } }])
    expect(mapped[2].attachments).toEqual([
      { kind: 'audio', name: 'voice.amr', contentType: 'audio/amr', fetch: { url: media } },
    ])
    expect(mapped[4].attachments?.[0]).toMatchObject({ kind: 'file' })
  })

  it('pages with next_cursor and keeps the cursor for the next callback', async () => {
    const { standIn, credentials } = await wecomApi({ accessToken: 'ACCESS_TOKEN', pageSize: 2 })
    const say = (n: number) =>
      standIn.push({ userId: 'wmCustomer', messageId: `m${n}`, ts: NOW, text: `第${n}条` }, documented.OPEN_KFID)
    for (const n of [1, 2, 3, 4, 5]) say(n)
    const ctx = context()
    const first = await messages(callback(documented.NOTICE, { nonce: '1' }), credentials, ctx)
    expect(first.map((m) => m.messageId)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5'])
    expect(standIn.calls.sync_msg).toBe(3)
    expect(ctx.saved.get(`kf_cursor:${documented.OPEN_KFID}`)).toBe('5')
    say(6)
    const second = await messages(callback(documented.NOTICE, { nonce: '2' }), credentials, ctx)
    expect(second.map((m) => m.messageId)).toEqual(['m6'])
  })

  it('gets the access token with the secret, keeps it, and renews it once WeCom rejects it', async () => {
    const { standIn, credentials } = await wecomApi({ secret: 'kf-secret' })
    const ctx = context()
    standIn.pushEntry(documented.MESSAGES[1])
    const [image] = await messages(callback(documented.NOTICE, { nonce: '1' }), credentials, ctx)
    expect(image.attachments?.[0].fetch?.url).toContain('access_token=tok-1')
    await messages(callback(documented.NOTICE, { nonce: '2' }), credentials, ctx)
    expect(standIn.calls.gettoken).toBe(1)
    standIn.revokeTokens()
    standIn.pushEntry(documented.MESSAGES[2])
    const [voice] = await messages(callback(documented.NOTICE, { nonce: '3' }), credentials, ctx)
    expect(voice.attachments?.[0].fetch?.url).toContain('access_token=tok-2')
  })

  it('fails with a WeComApiError, keeping the cursor, when the API refuses', async () => {
    const { standIn, credentials } = await wecomApi()
    standIn.pushEntry(documented.MESSAGES[0])
    const ctx = context()
    const wrongToken = { ...credentials, access_token: 'expired' }
    const failure = wecomAdapter.handle(callback(documented.NOTICE), wrongToken, ctx)
    await expect(failure).rejects.toBeInstanceOf(WeComApiError)
    await expect(failure).rejects.toThrow(/errcode 40014/)
    await expect(failure).rejects.not.toThrow(/expired/)
    expect(ctx.saved.size).toBe(0)
  })

  it('acknowledges other events without reading messages', async () => {
    const { standIn, credentials } = await wecomApi()
    const notice = documented.NOTICE.replace('kf_msg_or_event', 'kf_account_auth_change')
    expect(await messages(callback(notice), credentials)).toEqual([])
    expect(standIn.calls.sync_msg).toBe(0)
  })

  it('refuses bad, missing or stale signatures, replays, garbage and notices that are not events', async () => {
    const { credentials } = await wecomApi()
    const ctx = context()
    const code = async (req: ChannelRequest) => (await refusal(() => messages(req, credentials, ctx))).code
    expect(await code(callback(documented.NOTICE, { token: 'forged' }))).toBe('bad_signature')
    expect(await code(request('POST', { timestamp: SECONDS, nonce: '1' }, '<xml/>'))).toBe('missing_signature')
    expect(await code(callback(documented.NOTICE, { now: NOW - 600_000 }))).toBe('stale')
    expect(await code(callback(documented.NOTICE, { receiver: 'wwOther', nonce: '8' }))).toBe('bad_signature')
    const signedGarbage = request('POST', { msg_signature: 'x', timestamp: SECONDS, nonce: '9' }, 'not xml')
    expect(await code(signedGarbage)).toBe('malformed')
    const text = documented.NOTICE.replace('<MsgType><![CDATA[event]]>', '<MsgType><![CDATA[text]]>')
    expect(await code(callback(text, { nonce: '10' }))).toBe('unknown_type')
    await messages(callback(documented.NOTICE, { nonce: '11' }), credentials, ctx)
    expect(await code(callback(documented.NOTICE, { nonce: '11' }))).toBe('replayed')
  })
})

describe('WeCom signer', () => {
  const sample: SampleMessage = { userId: 'wmCustomer42', messageId: 'msg-24601', ts: NOW, text: '发票什么时候开？' }

  it('builds the encrypted notice; the adapter then reads the message from the API', async () => {
    const { standIn, credentials } = await wecomApi()
    standIn.push(sample, SAMPLE_OPEN_KFID)
    const image = { ...sample, messageId: 'msg-24602', imageUrl: 'http://127.0.0.1:9/receipt.png' }
    standIn.push(image, SAMPLE_OPEN_KFID)
    const signed = wecomAdapter.sign(credentials, sample)
    const [text, picture] = await messages(request(signed.method, signed.query, signed.body), credentials)
    expect(text).toMatchObject({
      messageId: 'msg-24601',
      conversation: { kind: 'session', user: 'wmCustomer42' },
      event: { ts: NOW, customer: { wecom_external_userid: 'wmCustomer42' }, payload: { text: '发票什么时候开？' } },
    })
    const media = await fetch(picture.attachments![0].fetch!.url, { redirect: 'manual' })
    expect(media.headers.get('location')).toBe('http://127.0.0.1:9/receipt.png')
  })

  it('makes dev credentials that the schema accepts', () => {
    const dev = wecomAdapter.devCredentials((n) => 'cd'.repeat(n))
    expect([...Value.Errors(wecomAdapter.credentials, dev)]).toEqual([])
  })
})
