/**
 * The e-mail adapter over HTTP. Mailgun's raw-MIME route form and signature are written from
 * https://documentation.mailgun.com/docs/mailgun/user-manual/receive-forward-store/receive-http ("MIME Messages
 * Parameters": recipient, sender, from, subject, body-mime, timestamp, token, signature) and
 * https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks (hex HMAC-SHA256 of
 * timestamp + token under the webhook signing key); the relay contract is relay.ts's. Signatures are computed here.
 */
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ChannelRefusal, type AdapterContext, type ChannelRequest, type PlatformRequest } from '../adapter.js'
import { ReplayWindow } from '../replay.js'
import { emailAdapter } from './adapter.js'
import { signRelay } from './relay.js'
import { PDF_TINY, RFC5322_MESSAGE, RFC5322_REPLY, composeMail } from './test-helpers/mails.js'

const KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0'
const credentials = { signing_key: KEY }
const NOW = Date.parse('2026-06-02T08:00:00Z')
const NOW_S = String(NOW / 1000)
const hmac = (...parts: (string | Buffer)[]) => {
  const mac = createHmac('sha256', KEY)
  for (const p of parts) mac.update(p)
  return mac.digest('hex')
}

function context(): AdapterContext {
  const kept = new Map<string, string>()
  return {
    replay: new ReplayWindow(),
    fetch: () => Promise.reject(new Error('the e-mail adapter fetches nothing')),
    state: { get: async (k) => kept.get(k), put: async (k, v) => void kept.set(k, v) },
  }
}

const request = (
  body: Buffer | string,
  headers: Record<string, string>,
  now = NOW,
  method: 'GET' | 'POST' = 'POST',
): ChannelRequest => ({
  method,
  url: new URL('http://localhost/v1/channels/acme/email/mime'),
  headers,
  body: Buffer.isBuffer(body) ? body : Buffer.from(body),
  now,
})
const fromPlatform = (p: PlatformRequest, now = NOW) => request(p.body, p.headers, now, p.method)

/** A Mailgun post as its documentation lists the fields, multipart/form-data. */
function mailgunForm(fields: Record<string, string | Buffer>): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----mailgun-test-boundary'
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
      Buffer.from(value),
      Buffer.from('\r\n'),
    ]),
  )
  return {
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}
const token = (n: number) => `${n}`.padStart(50, 'e0b5477167110d68991efc6b9f89f0a11066af27834600e123')
function signedMailgun(mime: Buffer, opts: { token?: string; timestamp?: string } = {}) {
  const tok = opts.token ?? token(1)
  const timestamp = opts.timestamp ?? NOW_S
  return mailgunForm({
    recipient: 'support@acme.example',
    sender: 'jdoe@machine.example',
    from: 'John Doe <jdoe@machine.example>',
    subject: 'Saying Hello',
    'body-mime': mime,
    timestamp,
    token: tok,
    signature: hmac(timestamp, tok),
  })
}

async function refusal(p: Promise<unknown> | unknown) {
  const err = await Promise.resolve(p).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ChannelRefusal)
  return err as ChannelRefusal
}
const handle = (req: ChannelRequest, ctx = context()) => emailAdapter.handle(req, credentials, ctx)

describe('email adapter: Mailgun raw-MIME route', () => {
  it('accepts a signed post and maps the mail in body-mime', async () => {
    const form = signedMailgun(RFC5322_MESSAGE)
    const result = await handle(request(form.body, form.headers))
    expect(result.kind).toBe('messages')
    if (result.kind !== 'messages') return
    expect(result.messages.map((m) => [m.messageId, m.event.type])).toEqual([
      ['1234@local.machine.example#created', 'ticket.created'],
      ['1234@local.machine.example#comment', 'ticket.comment'],
    ])
  })
  it('reads a form-urlencoded post too', async () => {
    const tok = token(2)
    const body = new URLSearchParams({
      'body-mime': RFC5322_MESSAGE.toString(),
      timestamp: NOW_S,
      token: tok,
      signature: hmac(NOW_S, tok),
    }).toString()
    const result = await handle(request(body, { 'content-type': 'application/x-www-form-urlencoded' }))
    expect(result.kind === 'messages' && result.messages).toHaveLength(2)
  })
  it('keeps the bytes of a mail with attachments over busboy’s 1 MB field default', async () => {
    const big = Buffer.alloc(1_500_000, 7)
    const mime = await composeMail({
      from: 'ana@customer.example',
      subject: 'logs',
      text: 'logs attached',
      attachments: [
        { filename: 'dump.bin', content: big },
        { filename: 'r.pdf', content: PDF_TINY },
      ],
    })
    const form = signedMailgun(mime)
    const result = await handle(request(form.body, form.headers))
    if (result.kind !== 'messages') throw new Error('expected messages')
    const files = result.messages[1].attachments!
    expect(files.map((f) => [f.name, f.bytes!.length])).toEqual([
      ['dump.bin', big.length],
      ['r.pdf', PDF_TINY.length],
    ])
  })
  it('reads body-mime sent as a file part', async () => {
    const tok = token(9)
    const boundary = 'file-part-boundary'
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="body-mime"; filename="message.eml"\r\n`),
      Buffer.from('Content-Type: message/rfc822\r\n\r\n'),
      RFC5322_REPLY,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="timestamp"\r\n\r\n${NOW_S}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="token"\r\n\r\n${tok}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="signature"\r\n\r\n${hmac(NOW_S, tok)}\r\n`),
      Buffer.from(`--${boundary}--\r\n`),
    ])
    const result = await handle(request(body, { 'content-type': `multipart/form-data; boundary=${boundary}` }))
    expect(result.kind === 'messages' && result.messages.map((m) => m.messageId)).toEqual(['3456@example.net#comment'])
  })
  it('passes an 8-bit mail in another charset through byte for byte (GBK)', async () => {
    const gbk = Buffer.concat([
      Buffer.from('From: li@customer.example\r\nSubject: hi\r\nContent-Type: text/plain; charset=gbk\r\n'),
      Buffer.from('Content-Transfer-Encoding: 8bit\r\n\r\n'),
      Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), // 你好 in GBK
      Buffer.from('\r\n'),
    ])
    const form = signedMailgun(gbk, { token: token(8) })
    const result = await handle(request(form.body, form.headers))
    expect(result.kind === 'messages' && result.messages[1].event.payload).toMatchObject({ text: '你好' })
  })
  it('refuses a bad, a missing and a stale signature, and a replayed token', async () => {
    const forged = signedMailgun(RFC5322_MESSAGE)
    const bad = Buffer.from(forged.body.toString('latin1').replace(/[0-9a-f]{64}/, '0'.repeat(64)), 'latin1')
    expect(await refusal(handle(request(bad, forged.headers)))).toMatchObject({ code: 'bad_signature', status: 401 })

    const unsigned = mailgunForm({ 'body-mime': RFC5322_MESSAGE, timestamp: NOW_S, token: token(3) })
    expect(await refusal(handle(request(unsigned.body, unsigned.headers)))).toMatchObject({
      code: 'missing_signature',
      field: 'signature',
    })

    const old = signedMailgun(RFC5322_MESSAGE, { timestamp: String(NOW / 1000 - 301), token: token(4) })
    expect(await refusal(handle(request(old.body, old.headers)))).toMatchObject({ code: 'stale', status: 401 })

    const ctx = context()
    const once = signedMailgun(RFC5322_MESSAGE, { token: token(5) })
    await handle(request(once.body, once.headers), ctx)
    expect(await refusal(handle(request(once.body, once.headers, NOW + 1000), ctx))).toMatchObject({
      code: 'replayed',
      status: 409,
    })
  })
  it('refuses a signed post without body-mime, and a body that is not a form', async () => {
    const tok = token(6)
    const parsed = mailgunForm({ 'body-plain': 'hello', timestamp: NOW_S, token: tok, signature: hmac(NOW_S, tok) })
    expect(await refusal(handle(request(parsed.body, parsed.headers)))).toMatchObject({
      code: 'malformed',
      field: 'body-mime',
    })
    const cut = signedMailgun(RFC5322_MESSAGE)
    const truncated = request(cut.body.subarray(0, 200), cut.headers)
    expect(await refusal(handle(truncated))).toMatchObject({ code: 'malformed' })
    const noBoundary = request(cut.body, { 'content-type': 'multipart/form-data' })
    expect(await refusal(handle(noBoundary))).toMatchObject({ code: 'malformed' })
  })
  it('refuses malformed MIME in a well-signed post', async () => {
    const form = signedMailgun(Buffer.from('this is not an e-mail'), { token: token(7) })
    expect(await refusal(handle(request(form.body, form.headers)))).toMatchObject({ code: 'malformed', status: 400 })
  })
})

describe('email adapter: the signed message/rfc822 relay', () => {
  const relayed = (body: Buffer, t = NOW_S, v1 = hmac(`${t}.`, body)) =>
    request(body, { 'content-type': 'message/rfc822', 'x-mofang-signature': `t=${t},v1=${v1}` })

  it('accepts a signed raw mail', async () => {
    const result = await handle(relayed(RFC5322_MESSAGE))
    expect(result.kind === 'messages' && result.messages.map((m) => m.event.type)).toEqual([
      'ticket.created',
      'ticket.comment',
    ])
  })
  it('refuses a bad, a missing and a stale signature, and a repeat', async () => {
    expect(await refusal(handle(relayed(RFC5322_MESSAGE, NOW_S, 'ab'.repeat(32))))).toMatchObject({
      code: 'bad_signature',
    })
    const tampered = relayed(RFC5322_MESSAGE)
    tampered.body = Buffer.from(tampered.body.toString().replace('hello', 'HELLO'))
    expect(await refusal(handle(tampered))).toMatchObject({ code: 'bad_signature' })
    const unsigned = request(RFC5322_MESSAGE, { 'content-type': 'message/rfc822' })
    expect(await refusal(handle(unsigned))).toMatchObject({ code: 'missing_signature', field: 'x-mofang-signature' })
    const future = String(NOW / 1000 + 301)
    expect(await refusal(handle(relayed(RFC5322_MESSAGE, future)))).toMatchObject({ code: 'stale' })
    const ctx = context()
    await handle(relayed(RFC5322_MESSAGE), ctx)
    expect(await refusal(handle(relayed(RFC5322_MESSAGE), ctx))).toMatchObject({ code: 'replayed' })
  })
  it('refuses malformed MIME, other media types and GET', async () => {
    expect(await refusal(handle(relayed(Buffer.from('garbage without headers'))))).toMatchObject({ code: 'malformed' })
    const json = request('{"from":"a@b.example"}', { 'content-type': 'application/json' })
    expect(await refusal(handle(json))).toMatchObject({ code: 'unsupported_media_type', status: 415 })
    expect(await refusal(handle(request('', {}, NOW, 'GET')))).toMatchObject({ code: 'malformed' })
  })
})

describe('email adapter: signers round-trip through handle', () => {
  const sample = {
    userId: 'wei.wang@customer.example',
    messageId: 'sample-1@customer.example',
    ts: NOW,
    text: '我的订单还没有送到',
    name: '王伟',
    subject: '订单问题',
  }
  it('sign (Mailgun) → handle gives the sample back', async () => {
    const result = await handle(fromPlatform(emailAdapter.sign(credentials, sample)))
    if (result.kind !== 'messages') throw new Error('expected messages')
    const [created, comment] = result.messages
    expect(created.event).toMatchObject({
      ts: NOW,
      customer: { email: 'wei.wang@customer.example' },
      customer_name: '王伟',
      payload: { subject: '订单问题' },
    })
    expect(comment.event.payload).toMatchObject({ text: '我的订单还没有送到' })
  })
  it('signRelay → handle, and a reply joins the thread it names', async () => {
    const reply = { ...sample, messageId: 'sample-2@customer.example', inReplyTo: 'sample-1@customer.example' }
    const result = await handle(fromPlatform(signRelay(KEY, reply)))
    if (result.kind !== 'messages') throw new Error('expected messages')
    expect(result.messages).toHaveLength(1)
    expect(result.messages[0].conversation).toEqual({ kind: 'thread', id: 'sample-1@customer.example' })
  })
  it('devCredentials pass the schema, and the IMAP settings have their defaults', async () => {
    const { Value } = await import('@sinclair/typebox/value')
    const dev = emailAdapter.devCredentials((n) => 'ab'.repeat(n))
    expect(Value.Check(emailAdapter.credentials, dev)).toBe(true)
    expect(Value.Check(emailAdapter.credentials, { signing_key: 'short' })).toBe(false)
    const imap = { host: 'imap.acme.example', user: 'support@acme.example', password: 'p' }
    expect(Value.Default(emailAdapter.credentials, { signing_key: KEY, imap })).toEqual({
      signing_key: KEY,
      imap: { ...imap, port: 993, secure: true, mailbox: 'INBOX', poll_s: 60 },
    })
  })
})
