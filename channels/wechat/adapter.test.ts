import { createHash } from 'node:crypto'
import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { ChannelRefusal, type AdapterContext, type ChannelRequest, type PlatformRequest } from '../adapter.js'
import { ReplayWindow } from '../replay.js'
import { wechatAdapter, type WeChatCredentials } from './adapter.js'
import * as push from './fixtures/pushes.js'

const PLAIN: WeChatCredentials = { token: 'mofangToken1', app_id: 'wx0123456789abcdef' }
const SAFE: WeChatCredentials = { ...PLAIN, encoding_aes_key: 'K'.repeat(20) + '0123456789abcdefghijklm' }
const NOW = Date.UTC(2026, 2, 2, 9, 30)
const SECONDS = String(NOW / 1000)

/** The signature as the documents define it, computed here independently of crypto.ts. */
const sha1 = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex')

const context = (): AdapterContext => ({
  replay: new ReplayWindow(),
  fetch: () => Promise.reject(new Error('the WeChat adapter makes no calls')),
  state: { get: () => Promise.resolve(undefined), put: () => Promise.resolve() },
})

function request(method: 'GET' | 'POST', query: Record<string, string>, body = '', now = NOW): ChannelRequest {
  const url = new URL('http://mofang.test/v1/channels/acme/wechat')
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
  return { method, url, headers: { 'content-type': 'text/xml' }, body: Buffer.from(body), now }
}

/** A plain-mode push of `xml`, signed with `token` at `timestamp`. */
const plainPush = (xml: string, { token = PLAIN.token, timestamp = SECONDS, nonce = '1320562132', now = NOW } = {}) =>
  request('POST', { signature: sha1(token, timestamp, nonce), timestamp, nonce, openid: 'fromUser' }, xml, now)

const fromSigner = (p: PlatformRequest, now = NOW) => request(p.method, p.query, p.body, now)

async function refusal(run: () => unknown): Promise<ChannelRefusal> {
  try {
    await run()
  } catch (err) {
    if (err instanceof ChannelRefusal) return err
    throw err
  }
  throw new Error('expected a ChannelRefusal')
}

async function messages(req: ChannelRequest, c = PLAIN, ctx = context()) {
  const result = await wechatAdapter.handle(req, c, ctx)
  if (result.kind !== 'messages') throw new Error(`expected messages, got ${result.kind}`)
  expect(result.reply).toEqual({ body: 'success', contentType: 'text/plain; charset=utf-8' })
  return result.messages
}

describe('WeChat URL verification', () => {
  const verify = (query: Record<string, string>) => wechatAdapter.handle(request('GET', query), PLAIN, context())
  const signed = { signature: sha1(PLAIN.token, SECONDS, '42'), timestamp: SECONDS, nonce: '42', echostr: 'e-4711' }

  it('answers the echostr of a signed GET', async () => {
    expect(await verify(signed)).toEqual({
      kind: 'reply',
      status: 200,
      body: 'e-4711',
      contentType: 'text/plain; charset=utf-8',
    })
  })

  it('refuses a GET signed with another token, or not signed', async () => {
    const forged = { ...signed, signature: sha1('another', SECONDS, '42') }
    expect((await refusal(() => verify(forged))).code).toBe('bad_signature')
    const { signature: _, ...unsigned } = signed
    expect(await refusal(() => verify(unsigned))).toMatchObject({ code: 'missing_signature', field: 'signature' })
  })
})

describe('WeChat messages (plain mode)', () => {
  it('maps a text message to a customer chat message keyed by MsgId and openid', async () => {
    expect(await messages(plainPush(push.TEXT))).toEqual([
      {
        messageId: '1234567890123456',
        conversation: { kind: 'session', user: 'fromUser' },
        event: {
          type: 'chat.message',
          channel: 'wechat',
          ts: 1348831860_000,
          customer: { wechat_openid: 'fromUser' },
          payload: { role: 'customer', text: 'this is a test', message_id: '1234567890123456' },
        },
      },
    ])
  })

  it('keeps a 64-bit MsgId exactly', async () => {
    const [m] = await messages(plainPush(push.TEXT.replace('1234567890123456', '6054768590064713728')))
    expect(m.messageId).toBe('6054768590064713728')
  })

  it('maps an image to a placeholder and an attachment fetched from PicUrl', async () => {
    const [m] = await messages(plainPush(push.IMAGE))
    expect(m.event.payload).toMatchObject({ text: '[image]' })
    expect(m.attachments).toEqual([{ kind: 'image', fetch: { url: 'this is a url' } }])
  })

  it('maps a voice note: recognised text when sent, the media API when there is an access token', async () => {
    const [plain] = await messages(plainPush(push.VOICE))
    expect(plain.event.payload).toMatchObject({ text: '[voice]' })
    expect(plain.attachments).toEqual([{ kind: 'audio', name: 'voice.format', contentType: undefined }])

    const withToken = { ...PLAIN, access_token: 'ACCESS TOKEN', api_base: 'http://127.0.0.1:9/wx/' }
    const [recognised] = await messages(plainPush(push.VOICE_RECOGNISED), withToken)
    expect(recognised.event.payload).toMatchObject({ text: '腾讯微信团队' })
    expect(recognised.attachments?.[0].fetch).toEqual({
      url: 'http://127.0.0.1:9/wx/cgi-bin/media/get?access_token=ACCESS+TOKEN&media_id=media_id',
    })
  })

  it('maps video, short video, location and link messages to placeholders', async () => {
    const text = async (xml: string) => (await messages(plainPush(xml)))[0].event.payload?.text
    expect(await text(push.VIDEO)).toBe('[video]')
    expect(await text(push.SHORT_VIDEO)).toBe('[video]')
    expect(await text(push.LOCATION)).toBe('[location] 位置信息 (23.134521, 113.358803)')
    expect(await text(push.LINK)).toBe('[link] 公众平台官网链接 url')
    const [video] = await messages(plainPush(push.VIDEO))
    expect(video.attachments).toEqual([{ kind: 'video', name: 'media_id.mp4' }])
  })

  it('acknowledges events (subscribe, menu clicks) without storing anything', async () => {
    expect(await messages(plainPush(push.SUBSCRIBE))).toEqual([])
    expect(await messages(plainPush(push.CLICK, { nonce: '7' }))).toEqual([])
  })

  it('refuses a message type it does not map as unknown_type', async () => {
    for (const type of ['hologram', 'constructor']) {
      const xml = push.TEXT.replace('[CDATA[text]]', `[CDATA[${type}]]`)
      const req = plainPush(xml, { nonce: type })
      expect(await refusal(() => messages(req))).toMatchObject({ code: 'unknown_type', field: 'MsgType' })
    }
  })

  it('refuses malformed bodies', async () => {
    for (const body of ['not xml', '<xml><MsgType>text</xml>', '{"MsgType":"text"}', '<other/>'])
      expect((await refusal(() => messages(plainPush(body)))).code).toBe('malformed')
    const noSender = push.TEXT.replace(/<FromUserName>.*<\/FromUserName>/, '')
    expect(await refusal(() => messages(plainPush(noSender)))).toMatchObject({ field: 'FromUserName' })
    const entities = `<!DOCTYPE xml [<!ENTITY a "aaaa">]>${push.TEXT.replace('this is a test', '&a;')}`
    expect((await refusal(() => messages(plainPush(entities)))).code).toBe('malformed')
  })

  it('refuses a bad or missing signature, a stale timestamp and a replayed nonce', async () => {
    expect((await refusal(() => messages(plainPush(push.TEXT, { token: 'wrong' })))).code).toBe('bad_signature')
    const unsigned = request('POST', { timestamp: SECONDS, nonce: '1' }, push.TEXT)
    expect((await refusal(() => messages(unsigned))).code).toBe('missing_signature')
    const late = plainPush(push.TEXT, { now: NOW + 301_000 })
    expect(await refusal(() => messages(late))).toMatchObject({ code: 'stale', field: 'timestamp' })
    const ctx = context()
    await messages(plainPush(push.TEXT), PLAIN, ctx)
    expect((await refusal(() => messages(plainPush(push.TEXT), PLAIN, ctx))).code).toBe('replayed')
  })
})

describe('WeChat safe mode', () => {
  const sample = push.SAFE_MODE_SAMPLE
  const credentials = { token: sample.token, app_id: sample.app_id, encoding_aes_key: sample.encoding_aes_key }
  const safePush = (c = credentials, encrypt = sample.encrypt) =>
    request(
      'POST',
      {
        signature: sha1(c.token, sample.timestamp, sample.nonce),
        timestamp: sample.timestamp,
        nonce: sample.nonce,
        encrypt_type: 'aes',
        msg_signature: sha1(c.token, sample.timestamp, sample.nonce, encrypt),
      },
      `<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
      Number(sample.timestamp) * 1000,
    )

  it("decrypts Tencent's sample push and maps it", async () => {
    const [m] = await messages(safePush(), credentials)
    expect(m).toMatchObject({
      messageId: sample.plaintext.msgId,
      conversation: { kind: 'session', user: sample.plaintext.from },
      event: { ts: sample.plaintext.created * 1000, payload: { text: sample.plaintext.text } },
    })
  })

  it('refuses a push encrypted for another app id, a tampered ciphertext and a plain push', async () => {
    const other = { ...credentials, app_id: 'wx0000000000000000' }
    expect((await refusal(() => messages(safePush(), other))).code).toBe('bad_signature')
    const flipped = sample.encrypt.replace('hyzA', 'hyzB')
    const forged = safePush(credentials, flipped)
    forged.url.searchParams.set(
      'msg_signature',
      sha1(credentials.token, sample.timestamp, sample.nonce, sample.encrypt),
    )
    expect((await refusal(() => messages(forged, credentials))).code).toBe('bad_signature')
    const plain = plainPush(push.TEXT, { token: credentials.token })
    expect(await refusal(() => messages(plain, credentials))).toMatchObject({ code: 'missing_signature' })
  })

  it('refuses an encrypted push when the tenant has no EncodingAESKey', async () => {
    const { encoding_aes_key: _, ...plainOnly } = credentials
    expect((await refusal(() => messages(safePush(), plainOnly))).code).toBe('malformed')
  })
})

describe('WeChat signer', () => {
  const sample = { userId: 'oCustomer42', messageId: '24601', ts: NOW, text: '我的订单还没到' }

  it.each([
    ['plain', PLAIN],
    ['safe', SAFE],
  ])('round-trips a text and an image through handle (%s mode)', async (_mode, c) => {
    const signed = wechatAdapter.sign(c, sample)
    expect(signed.query.encrypt_type).toBe(c.encoding_aes_key ? 'aes' : undefined)
    const [text] = await messages(fromSigner(signed), c)
    expect(text).toMatchObject({
      messageId: '24601',
      conversation: { kind: 'session', user: 'oCustomer42' },
      event: { ts: NOW, customer: { wechat_openid: 'oCustomer42' }, payload: { text: '我的订单还没到' } },
    })
    const image = wechatAdapter.sign(c, { ...sample, messageId: '24602', imageUrl: 'http://127.0.0.1:9/a.png' })
    const [picture] = await messages(fromSigner(image), c)
    expect(picture.attachments).toEqual([{ kind: 'image', fetch: { url: 'http://127.0.0.1:9/a.png' } }])
  })

  it('keeps text that looks like XML or CDATA intact', async () => {
    const text = 'a <b> & ]]> c'
    const [m] = await messages(fromSigner(wechatAdapter.sign(SAFE, { ...sample, text })), SAFE)
    expect(m.event.payload?.text).toBe(text)
  })

  it('makes dev credentials that the schema accepts and that sign', async () => {
    const random = (n: number) => 'ab'.repeat(n)
    const dev = wechatAdapter.devCredentials(random)
    expect([...Value.Errors(wechatAdapter.credentials, dev)]).toEqual([])
    expect(await messages(fromSigner(wechatAdapter.sign(dev, sample)), dev)).toHaveLength(1)
  })
})
