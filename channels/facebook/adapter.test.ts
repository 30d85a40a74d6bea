import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Value } from '@sinclair/typebox/value'
import { validateEvent } from '../../core/index.js'
import { ChannelRefusal, type AdapterContext, type ChannelRequest } from '../adapter.js'
import { ReplayWindow } from '../replay.js'
import { facebookAdapter } from './adapter.js'
import * as fx from './fixtures.js'

const APP_SECRET = '3b1f0e4a9c2d7e6f8a5b4c3d2e1f0a9b'
const credentials = { app_secret: APP_SECRET, verify_token: 'mofang-verify-7f3a' }
const ctx: AdapterContext = {
  replay: new ReplayWindow(),
  fetch: () => Promise.reject(new Error('the Messenger adapter calls no API')),
  state: { get: async () => undefined, put: async () => {} },
}
const NOW = 1_458_692_753_000

/** A POST as Messenger sends it: the raw body signed with the app secret, unless headers say otherwise. */
function post(body: string | object, headers?: Record<string, string>): ChannelRequest {
  const raw = typeof body === 'string' ? body : JSON.stringify(body)
  const hex = createHmac('sha256', APP_SECRET).update(raw).digest('hex')
  return {
    method: 'POST',
    url: new URL('http://localhost/v1/channels/acme/facebook'),
    headers: headers ?? { 'x-hub-signature-256': `sha256=${hex}` },
    body: Buffer.from(raw),
    now: NOW,
  }
}
const get = (query: Record<string, string>): ChannelRequest => ({
  method: 'GET',
  url: new URL(`http://localhost/v1/channels/acme/facebook?${new URLSearchParams(query)}`),
  headers: {},
  body: Buffer.alloc(0),
  now: NOW,
})

async function messagesOf(req: ChannelRequest) {
  const result = await facebookAdapter.handle(req, credentials, ctx)
  if (result.kind !== 'messages') throw new Error(`expected messages, got ${result.kind}`)
  return result.messages
}
async function refusal(req: ChannelRequest) {
  try {
    await facebookAdapter.handle(req, credentials, ctx)
  } catch (err) {
    if (err instanceof ChannelRefusal) return err
    throw err
  }
  throw new Error('expected a refusal')
}

describe('Messenger adapter: verification handshake', () => {
  const handshake = {
    'hub.mode': 'subscribe',
    'hub.verify_token': credentials.verify_token,
    'hub.challenge': '1158201444',
  }

  it('answers the challenge when the verify token matches', async () => {
    expect(await facebookAdapter.handle(get(handshake), credentials, ctx)).toEqual({
      kind: 'reply',
      status: 200,
      body: '1158201444',
      contentType: 'text/plain; charset=utf-8',
    })
  })

  it('refuses a wrong or missing verify token, and a request that is not a subscription', async () => {
    expect((await refusal(get({ ...handshake, 'hub.verify_token': 'guess' }))).code).toBe('bad_signature')
    expect((await refusal(get({ 'hub.mode': 'subscribe', 'hub.challenge': '1' }))).code).toBe('missing_signature')
    expect((await refusal(get({ ...handshake, 'hub.mode': 'unsubscribe' }))).code).toBe('malformed')
  })
})

describe('Messenger adapter: documented payloads', () => {
  it('maps a text message to a chat.message of the PSID, with the mid as message id', async () => {
    const result = await facebookAdapter.handle(post(fx.pageBody(fx.textItem)), credentials, ctx)
    expect(result).toEqual({
      kind: 'messages',
      reply: { body: 'EVENT_RECEIVED', contentType: 'text/plain; charset=utf-8' },
      messages: [
        {
          messageId: 'mid.1457764197618:41d102a3e1ae206a38',
          conversation: { kind: 'session', user: fx.PSID },
          event: {
            type: 'chat.message',
            channel: 'facebook',
            ts: 1458692752478,
            customer: { facebook_psid: fx.PSID },
            payload: { role: 'customer', text: 'hello, world!', message_id: 'mid.1457764197618:41d102a3e1ae206a38' },
          },
        },
      ],
    })
  })

  it('keeps images and voice as attachments fetched from their URL, with a placeholder text', async () => {
    const [image, audio] = await messagesOf(post(fx.pageBody(fx.imageItem, fx.audioItem)))
    expect(image.event.payload).toMatchObject({ text: '[image]' })
    expect(image.attachments).toEqual([
      { kind: 'image', fetch: { url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.png' } },
    ])
    expect(audio.event.payload).toMatchObject({ text: '[voice]' })
    expect(audio.attachments).toEqual([{ kind: 'audio', fetch: { url: expect.stringContaining('audioclip') } }])
  })

  it('names a sticker once without keeping it, and a shared link by its title', async () => {
    const [sticker, link] = await messagesOf(post(fx.pageBody(fx.stickerItem, fx.fallbackItem)))
    expect(sticker.event.payload).toMatchObject({ text: '[sticker]' })
    expect(sticker.attachments).toBeUndefined()
    expect(link.event.payload).toMatchObject({ text: '[link] Order #42' })
  })

  it("keeps the Page's echoed message as the agent's, in the person's conversation", async () => {
    const [echo] = await messagesOf(post(fx.pageBody(fx.echoItem)))
    expect(echo).toMatchObject({
      conversation: { kind: 'session', user: fx.PSID },
      event: { customer: { facebook_psid: fx.PSID }, payload: { role: 'agent', text: 'Your order ships today.' } },
    })
  })

  it('keeps a postback as the customer tapping its title', async () => {
    const [tap] = await messagesOf(post(fx.pageBody(fx.postbackItem)))
    expect(tap).toMatchObject({
      messageId: fx.postbackItem.postback.mid,
      event: { payload: { role: 'customer', text: 'Talk to an agent' } },
    })
  })

  it('acknowledges deliveries, reads and reactions without storing them', async () => {
    expect(await messagesOf(post(fx.pageBody(fx.deliveryItem, fx.readItem, fx.reactionItem)))).toEqual([])
  })

  it('maps events of several entries, and those in standby (another app owns the thread)', async () => {
    const body = {
      object: 'page',
      entry: [
        { id: fx.PAGE_ID, time: 1, messaging: [fx.textItem] },
        { id: fx.PAGE_ID, time: 2, standby: [fx.replyItem] },
      ],
    }
    const messages = await messagesOf(post(body))
    expect(messages.map((m) => m.messageId)).toEqual([fx.textItem.message.mid, fx.replyItem.message.mid])
  })

  it('maps every documented message to a valid Mofang event', async () => {
    const items = [fx.textItem, fx.replyItem, fx.imageItem, fx.audioItem, fx.stickerItem, fx.fallbackItem]
    const messages = await messagesOf(post(fx.pageBody(...items, fx.echoItem, fx.postbackItem)))
    expect(messages).toHaveLength(8)
    for (const m of messages) {
      const event = { ...m.event, tenant: 'acme', interaction_id: 'facebook-1', event_id: 'facebook:1' }
      expect(validateEvent(event)).toMatchObject({ ok: true })
    }
  })

  it('accepts a resent batch as the same messages (Messenger retries what got no 200)', async () => {
    const body = fx.pageBody(fx.textItem)
    expect(await messagesOf(post(body))).toEqual(await messagesOf(post(body)))
  })
})

describe('Messenger adapter: refusals', () => {
  const body = fx.pageBody(fx.textItem)

  it('refuses a missing, malformed or wrong X-Hub-Signature-256', async () => {
    expect((await refusal(post(body, {}))).code).toBe('missing_signature')
    const hex = createHmac('sha256', APP_SECRET).update(JSON.stringify(body)).digest('hex')
    expect((await refusal(post(body, { 'x-hub-signature-256': hex }))).code).toBe('bad_signature')
    const forged = createHmac('sha256', 'not-the-app-secret').update(JSON.stringify(body)).digest('hex')
    expect((await refusal(post(body, { 'x-hub-signature-256': `sha256=${forged}` }))).code).toBe('bad_signature')
  })

  it('refuses a body changed after signing', async () => {
    const req = post(body)
    req.body = Buffer.from(req.body.toString().replace('hello', 'HELLO'))
    expect((await refusal(req)).code).toBe('bad_signature')
  })

  it('refuses a signed body that is not JSON or not a webhook body', async () => {
    expect(await refusal(post('not json'))).toMatchObject({ code: 'malformed', field: 'body' })
    expect(await refusal(post({ object: 'page' }))).toMatchObject({ code: 'malformed', field: 'entry' })
    const noSender = { ...fx.textItem, sender: {} }
    expect(await refusal(post(fx.pageBody(noSender)))).toMatchObject({
      code: 'malformed',
      field: 'entry.0.messaging.0.sender',
    })
  })

  it('refuses events of another product, and kinds of event it does not know', async () => {
    expect(await refusal(post({ object: 'instagram', entry: [] }))).toMatchObject({ code: 'unknown_type' })
    expect(await refusal(post(fx.pageBody(fx.futureItem)))).toMatchObject({
      code: 'unknown_type',
      field: 'entry.0.messaging.0',
    })
  })
})

describe('Messenger adapter: credentials and signer', () => {
  it('accepts its generated dev credentials and fills the Graph API default', () => {
    const dev = facebookAdapter.devCredentials((n) => 'cd'.repeat(n))
    expect(Value.Check(facebookAdapter.credentials, dev)).toBe(true)
    expect(Value.Default(facebookAdapter.credentials, dev)).toMatchObject({ api_base: 'https://graph.facebook.com' })
  })

  it('signs as Messenger does: sha256= and the hex HMAC-SHA256 of the raw body under the app secret', () => {
    const signed = facebookAdapter.sign(credentials, { userId: fx.PSID, messageId: 'm_1', ts: NOW, text: 'hi' })
    const hex = createHmac('sha256', APP_SECRET).update(signed.body).digest('hex')
    expect(signed.headers['x-hub-signature-256']).toBe(`sha256=${hex}`)
  })

  it('round-trips a sample with text and an image through handle', async () => {
    const sample = {
      userId: fx.PSID,
      messageId: 'm_sample_1',
      ts: NOW,
      text: 'Où est ma commande ?',
      imageUrl: 'https://cdn.example/s.png',
    }
    const signed = facebookAdapter.sign(credentials, sample)
    expect(signed.body).toContain('O\\u00f9 est ma commande ?')
    const req: ChannelRequest = { ...post(''), headers: signed.headers, body: Buffer.from(signed.body) }
    const [m] = await messagesOf(req)
    expect(m).toMatchObject({
      messageId: 'm_sample_1',
      conversation: { kind: 'session', user: fx.PSID },
      event: { ts: NOW, payload: { role: 'customer', text: 'Où est ma commande ?' } },
      attachments: [{ kind: 'image', fetch: { url: 'https://cdn.example/s.png' } }],
    })
  })
})
