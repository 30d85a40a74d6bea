import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Value } from '@sinclair/typebox/value'
import { validateEvent } from '../../core/index.js'
import { ChannelRefusal, type AdapterContext, type ChannelRequest } from '../adapter.js'
import { ReplayWindow } from '../replay.js'
import { dingtalkAdapter } from './adapter.js'
import * as fx from './fixtures.js'

const APP_SECRET = 'gP0Vx3sZbN8qLr2TfW6yHk9cJd4mA7eUoQ1iS5vB'
const credentials = { app_secret: APP_SECRET }
const ctx: AdapterContext = {
  replay: new ReplayWindow(),
  fetch: () => Promise.reject(new Error('no robot_code: the adapter must not call DingTalk')),
  state: { get: async () => undefined, put: async () => {} },
}
const HOUR = 3_600_000

/** The sign DingTalk sends, computed here from the document's recipe rather than by the adapter's code. */
const signOf = (timestamp: string, secret = APP_SECRET) =>
  createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64')

/** A POST as DingTalk sends it, sent at `sentAt` and received at `now`. */
function post(body: string | object, opts: { sentAt?: number; now?: number; headers?: Record<string, string> } = {}) {
  const sentAt = String(opts.sentAt ?? fx.CREATED_AT)
  const req: ChannelRequest = {
    method: 'POST',
    url: new URL('http://localhost/v1/channels/acme/dingtalk'),
    headers: opts.headers ?? {
      'content-type': 'application/json; charset=utf-8',
      timestamp: sentAt,
      sign: signOf(sentAt),
    },
    body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    now: opts.now ?? fx.CREATED_AT + 800,
  }
  return req
}

async function messageOf(req: ChannelRequest) {
  const result = await dingtalkAdapter.handle(req, credentials, ctx)
  if (result.kind !== 'messages' || result.messages.length !== 1) throw new Error('expected one message')
  return result.messages[0]
}
async function refusal(req: ChannelRequest) {
  try {
    await dingtalkAdapter.handle(req, credentials, ctx)
  } catch (err) {
    if (err instanceof ChannelRefusal) return err
    throw err
  }
  throw new Error('expected a refusal')
}

describe('DingTalk adapter: documented payloads', () => {
  it("maps the document's group text to a chat.message of the sender's staff id, named by senderNick", async () => {
    const m = await messageOf(post(fx.groupText, { sentAt: 1613630252700, now: 1613630253000 }))
    expect(m).toEqual({
      messageId: 'msg0xxxxx',
      conversation: { kind: 'session', user: 'user123' },
      event: {
        type: 'chat.message',
        channel: 'dingtalk',
        ts: 1613630252678,
        customer: { dingtalk_id: 'user123' },
        customer_name: '杨xx',
        payload: { role: 'customer', text: '你好', message_id: 'msg0xxxxx' },
      },
    })
  })

  it('falls back to senderId for someone outside the organisation (no senderStaffId)', async () => {
    const { senderStaffId: _, ...outsider } = fx.groupText
    const m = await messageOf(post(outsider, { sentAt: 1613630252700, now: 1613630253000 }))
    expect(m.conversation).toEqual({ kind: 'session', user: '$:LWCP_v1:$Ff09GIxxxxx' })
    expect(m.event.customer).toEqual({ dingtalk_id: '$:LWCP_v1:$Ff09GIxxxxx' })
  })

  it('maps pictures, rich text, voice (by its recognised words), video and files, without fetching (no robot_code)', async () => {
    const bodies = [fx.picture, fx.richText, fx.audio, fx.video, fx.file]
    const [picture, rich, audio, video, file] = await Promise.all(bodies.map((b) => messageOf(post(b))))
    expect(picture.event.payload).toMatchObject({ text: '[image]' })
    expect(picture.attachments).toEqual([{ kind: 'image' }])
    expect(rich.event.payload).toMatchObject({ text: 'abc' })
    expect(rich.attachments).toEqual([{ kind: 'image' }])
    expect(audio.event.payload).toMatchObject({ text: '钉钉，让进步发生' })
    expect(audio.attachments).toEqual([{ kind: 'audio' }])
    expect(video.event.payload).toMatchObject({ text: '[video]' })
    expect(file.event.payload).toMatchObject({ text: '[file] 一种跨站脚本漏洞攻击防御方法及装置' })
    expect(file.attachments).toEqual([{ kind: 'file', name: '一种跨站脚本漏洞攻击防御方法及装置' }])
    expect(picture).toMatchObject({
      messageId: 'msgmJpewjjmDF5LPJdRs9n/ZA==',
      conversation: { user: fx.STAFF_ID },
      event: { ts: fx.CREATED_AT, customer_name: '赵文浩 022-3819' },
    })
  })

  it('maps every documented message to a valid Mofang event', async () => {
    const bodies = [fx.picture, fx.richText, fx.audio, fx.video, fx.file]
    const messages = await Promise.all(bodies.map((b) => messageOf(post(b))))
    messages.push(await messageOf(post(fx.groupText, { sentAt: 1613630252700, now: 1613630253000 })))
    for (const m of messages) {
      const event = { ...m.event, tenant: 'acme', interaction_id: 'dingtalk-1', event_id: 'dingtalk:1' }
      expect(validateEvent(event)).toMatchObject({ ok: true })
    }
  })
})

describe('DingTalk adapter: refusals', () => {
  it('refuses a missing timestamp or sign', async () => {
    const t = String(fx.CREATED_AT)
    expect(await refusal(post(fx.picture, { headers: { sign: signOf(t) } }))).toMatchObject({
      code: 'missing_signature',
      field: 'timestamp',
    })
    expect(await refusal(post(fx.picture, { headers: { timestamp: t } }))).toMatchObject({
      code: 'missing_signature',
      field: 'sign',
    })
  })

  it('refuses a sign made with another secret, or for another timestamp', async () => {
    const t = String(fx.CREATED_AT)
    const other = { timestamp: t, sign: signOf(t, 'another-app-secret-0123456789') }
    expect((await refusal(post(fx.picture, { headers: other }))).code).toBe('bad_signature')
    const moved = { timestamp: String(fx.CREATED_AT + 1), sign: signOf(t) }
    expect((await refusal(post(fx.picture, { headers: moved }))).code).toBe('bad_signature')
  })

  it('refuses a signed timestamp more than an hour from the clock, either way, and accepts one within', async () => {
    const sentAt = fx.CREATED_AT
    expect((await refusal(post(fx.picture, { sentAt, now: sentAt + HOUR + 1 }))).code).toBe('stale')
    expect((await refusal(post(fx.picture, { sentAt, now: sentAt - HOUR - 1 }))).code).toBe('stale')
    expect((await messageOf(post(fx.picture, { sentAt, now: sentAt + HOUR - 1 }))).messageId).toBe(fx.picture.msgId)
  })

  it('refuses a body that is not JSON, lacks a field it maps, or has no sender', async () => {
    expect(await refusal(post('{"msgtype":'))).toMatchObject({ code: 'malformed', field: 'body' })
    expect(await refusal(post({ ...fx.picture, msgId: undefined }))).toMatchObject({
      code: 'malformed',
      field: 'msgId',
    })
    expect(await refusal(post({ ...fx.picture, content: {} }))).toMatchObject({
      code: 'malformed',
      field: 'content.downloadCode',
    })
    const { senderStaffId: _s, senderId: _i, ...nobody } = fx.picture
    expect(await refusal(post(nobody))).toMatchObject({ code: 'malformed', field: 'senderId' })
  })

  it('refuses a msgtype it does not map', async () => {
    expect(await refusal(post(fx.interactiveCard))).toMatchObject({ code: 'unknown_type', field: 'msgtype' })
  })
})

describe('DingTalk adapter: credentials and signer', () => {
  it('accepts its generated dev credentials and fills the API default', () => {
    const dev = dingtalkAdapter.devCredentials((n) => 'ef'.repeat(n))
    expect(Value.Check(dingtalkAdapter.credentials, dev)).toBe(true)
    expect(Value.Default(dingtalkAdapter.credentials, dev)).toMatchObject({ api_base: 'https://api.dingtalk.com' })
    expect(Value.Check(dingtalkAdapter.credentials, { app_secret: APP_SECRET, api_base: 'ftp://x' })).toBe(false)
  })

  it('signs as DingTalk does: base64 HMAC-SHA256 of timestamp + "\\n" + secret, under the secret', () => {
    const signed = dingtalkAdapter.sign(credentials, { userId: 'u1', messageId: 'msg1', ts: fx.CREATED_AT, text: 'hi' })
    expect(signed.headers).toMatchObject({ timestamp: String(fx.CREATED_AT), sign: signOf(String(fx.CREATED_AT)) })
  })

  it('round-trips samples (text; text with a picture, as rich text) through handle', async () => {
    const sample = { userId: 'staff-7', messageId: 'msgSample1==', ts: fx.CREATED_AT, text: '打印机坏了', name: '王伟' }
    for (const s of [sample, { ...sample, imageUrl: 'https://cdn.example/printer.jpg' }]) {
      const signed = dingtalkAdapter.sign(credentials, s)
      const m = await messageOf({ ...post(''), headers: signed.headers, body: Buffer.from(signed.body) })
      expect(m).toMatchObject({
        messageId: 'msgSample1==',
        conversation: { kind: 'session', user: 'staff-7' },
        event: { ts: fx.CREATED_AT, customer: { dingtalk_id: 'staff-7' }, customer_name: '王伟' },
      })
      expect(m.event.payload).toMatchObject({ role: 'customer', text: '打印机坏了' })
    }
  })
})
