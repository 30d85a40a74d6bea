import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Value } from '@sinclair/typebox/value'
import { validateEvent } from '../../core/index.js'
import { ChannelRefusal, type AdapterContext, type ChannelRequest, type PlatformRequest } from '../adapter.js'
import { ReplayWindow } from '../replay.js'
import { lineAdapter } from './adapter.js'
import * as fx from './fixtures.js'

const SECRET = '8c570fa6dd201bb328f1c1eac23a96d8'
const TOKEN = 'channel-access-token'
const credentials = { channel_secret: SECRET, channel_access_token: TOKEN, data_api_base: 'http://127.0.0.1:9' }
const ctx: AdapterContext = {
  replay: new ReplayWindow(),
  fetch: () => Promise.reject(new Error('the LINE adapter calls no API')),
  state: { get: async () => undefined, put: async () => {} },
}

/** A request as the endpoint hands it over; signed with the channel secret unless headers say otherwise. */
function request(body: string | object, headers?: Record<string, string>, method: 'GET' | 'POST' = 'POST') {
  const raw = typeof body === 'string' ? body : JSON.stringify(body)
  const signature = createHmac('sha256', SECRET).update(raw).digest('base64')
  const req: ChannelRequest = {
    method,
    url: new URL('http://localhost/v1/channels/acme/line'),
    headers: headers ?? { 'x-line-signature': signature },
    body: Buffer.from(raw),
    now: fx.LINE_TIMESTAMP + 1000,
  }
  return req
}
const fromSigned = (r: PlatformRequest, now: number): ChannelRequest => ({
  method: r.method,
  url: new URL('http://localhost/v1/channels/acme/line'),
  headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])),
  body: Buffer.from(r.body),
  now,
})

async function messagesOf(req: ChannelRequest) {
  const result = await lineAdapter.handle(req, credentials, ctx)
  if (result.kind !== 'messages') throw new Error(`expected messages, got ${result.kind}`)
  return result.messages
}
async function refusal(req: ChannelRequest, creds: typeof credentials = credentials) {
  try {
    await lineAdapter.handle(req, creds, ctx)
  } catch (err) {
    if (err instanceof ChannelRefusal) return err
    throw err
  }
  throw new Error('expected a refusal')
}

describe('LINE adapter: documented payloads', () => {
  it('maps a text message to a chat.message of the LINE user, with the message id', async () => {
    const [m] = await messagesOf(request(fx.lineBody(fx.textEvent)))
    expect(m).toEqual({
      messageId: '444573844083572737',
      conversation: { kind: 'session', user: fx.LINE_USER },
      event: {
        type: 'chat.message',
        channel: 'line',
        ts: fx.LINE_TIMESTAMP,
        customer: { line_user_id: fx.LINE_USER },
        payload: { role: 'customer', text: '@All @example Good Morning!! (love)', message_id: '444573844083572737' },
      },
    })
  })

  it('fetches images, voice and files from the content API with the channel access token', async () => {
    const [image, audio, file] = await messagesOf(request(fx.lineBody(fx.imageEvent, fx.audioEvent, fx.fileEvent)))
    const auth = { authorization: `Bearer ${TOKEN}` }
    expect(image.event.payload).toMatchObject({ text: '[image]' })
    expect(image.attachments).toEqual([
      { kind: 'image', fetch: { url: 'http://127.0.0.1:9/v2/bot/message/354718705033693859/content', headers: auth } },
    ])
    expect(audio.event.payload).toMatchObject({ text: '[voice]' })
    expect(audio.attachments?.[0]).toMatchObject({ kind: 'audio', fetch: { headers: auth } })
    expect(file.event.payload).toMatchObject({ text: '[file] file.txt' })
    expect(file.attachments?.[0]).toMatchObject({ kind: 'file', name: 'file.txt' })
  })

  it('takes an external image from its originalContentUrl, and records content without a token unfetched', async () => {
    const [external] = await messagesOf(request(fx.lineBody(fx.externalImageEvent)))
    expect(external.attachments).toEqual([{ kind: 'image', fetch: { url: 'https://example.com/original.jpg' } }])
    const withoutToken = { channel_secret: SECRET }
    const result = await lineAdapter.handle(request(fx.lineBody(fx.imageEvent)), withoutToken, ctx)
    expect(result.kind === 'messages' && result.messages[0].attachments).toEqual([{ kind: 'image' }])
  })

  it('describes locations and stickers in words, and keeps a postback as what the customer tapped', async () => {
    const [location, sticker, postback] = await messagesOf(
      request(fx.lineBody(fx.locationEvent, fx.stickerEvent, fx.postbackEvent)),
    )
    expect(location.event.payload).toMatchObject({
      text: '[location] my location, Tokyo (35.65910807942215, 139.70372892916203)',
    })
    expect(sticker.event.payload).toMatchObject({ text: '[sticker]' })
    expect(sticker.attachments).toBeUndefined()
    expect(postback).toMatchObject({
      messageId: '01FZ74A0TDDPYRVKNK77XKC3ZT',
      event: { payload: { role: 'customer', text: '[postback] action=buy&itemid=111' } },
    })
  })

  it('acknowledges follow, unfollow and unsend events without storing them', async () => {
    expect(await messagesOf(request(fx.lineBody(fx.followEvent, fx.unfollowEvent, fx.unsendEvent)))).toEqual([])
  })

  it("answers LINE's URL verification (an empty events array) with nothing to store", async () => {
    expect(await messagesOf(request(fx.lineBody()))).toEqual([])
  })

  it('maps every documented message to a valid Mofang event', async () => {
    const all = [fx.textEvent, fx.imageEvent, fx.audioEvent, fx.fileEvent, fx.locationEvent, fx.stickerEvent]
    const messages = await messagesOf(request(fx.lineBody(...all, fx.postbackEvent)))
    expect(messages).toHaveLength(7)
    for (const m of messages) {
      const event = { ...m.event, tenant: 'acme', interaction_id: 'line-1', event_id: `line:${m.messageId}` }
      expect(validateEvent(event)).toMatchObject({ ok: true })
    }
  })

  it('accepts a redelivered event as the same message, for the dedup window to absorb', async () => {
    const redelivered = { ...fx.textEvent, deliveryContext: { isRedelivery: true } }
    const [first] = await messagesOf(request(fx.lineBody(fx.textEvent)))
    const [again] = await messagesOf(request(fx.lineBody(redelivered)))
    expect(again).toEqual(first)
  })
})

describe('LINE adapter: refusals', () => {
  it('refuses a missing or wrong x-line-signature', async () => {
    const body = fx.lineBody(fx.textEvent)
    expect((await refusal(request(body, {}))).code).toBe('missing_signature')
    const forged = createHmac('sha256', 'another-channel-secret').update(JSON.stringify(body)).digest('base64')
    expect((await refusal(request(body, { 'x-line-signature': forged }))).code).toBe('bad_signature')
  })

  it('refuses a body changed after signing', async () => {
    const req = request(fx.lineBody(fx.textEvent))
    req.body = Buffer.from(req.body.toString().replace('Good Morning', 'Good Evening'))
    expect((await refusal(req)).code).toBe('bad_signature')
  })

  it('refuses a signed body that is not JSON, or not a LINE body', async () => {
    expect(await refusal(request('{"events": ['))).toMatchObject({ code: 'malformed', field: 'body' })
    expect(await refusal(request({ destination: 'U1' }))).toMatchObject({ code: 'malformed', field: 'events' })
    const noSource = { ...fx.textEvent, source: undefined }
    expect(await refusal(request(fx.lineBody(noSource)))).toMatchObject({ code: 'malformed', field: 'events.0.source' })
  })

  it('refuses event and message types it does not know', async () => {
    expect(await refusal(request(fx.lineBody(fx.futureEvent)))).toMatchObject({
      code: 'unknown_type',
      field: 'events.0.type',
    })
    expect(await refusal(request(fx.lineBody(fx.futureMessageEvent)))).toMatchObject({
      code: 'unknown_type',
      field: 'events.0.message.type',
    })
  })

  it('refuses a GET (LINE only POSTs)', async () => {
    expect((await refusal(request('', undefined, 'GET'))).code).toBe('malformed')
  })
})

describe('LINE adapter: credentials and signer', () => {
  it('accepts its generated dev credentials and fills the content API default', () => {
    const dev = lineAdapter.devCredentials((n) => 'ab'.repeat(n))
    expect(Value.Check(lineAdapter.credentials, dev)).toBe(true)
    expect(Value.Default(lineAdapter.credentials, dev)).toMatchObject({ data_api_base: 'https://api-data.line.me' })
    expect(Value.Check(lineAdapter.credentials, { channel_secret: 'short' })).toBe(false)
  })

  it('signs as LINE does: the signature is base64 HMAC-SHA256 of the body under the channel secret', () => {
    const signed = lineAdapter.sign(credentials, {
      userId: fx.LINE_USER,
      messageId: '1',
      ts: fx.LINE_TIMESTAMP,
      text: 'hi',
    })
    const expected = createHmac('sha256', SECRET).update(signed.body).digest('base64')
    expect(signed.headers['x-line-signature']).toBe(expected)
  })

  it('round-trips a sample with text and an image through handle', async () => {
    const sample = {
      userId: fx.LINE_USER,
      messageId: '7001',
      ts: 1_760_000_000_000,
      text: '我的订单没到',
      imageUrl: 'https://cdn.example/s.png',
    }
    const messages = await messagesOf(fromSigned(lineAdapter.sign(credentials, sample), sample.ts + 500))
    expect(messages.map((m) => [m.messageId, m.event.payload?.text, m.attachments])).toEqual([
      ['7001', '我的订单没到', undefined],
      ['70011', '[image]', [{ kind: 'image', fetch: { url: 'https://cdn.example/s.png' } }]],
    ])
    expect(messages[0].event).toMatchObject({ ts: sample.ts, customer: { line_user_id: fx.LINE_USER } })
  })
})
