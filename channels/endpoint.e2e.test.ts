/**
 * The channel endpoint end to end on a real nats-server and chDB, with a minimal signed test platform (so this test
 * checks the endpoint's promises, and each real adapter is tested on its own documents beside it): a message opens a
 * conversation (chat.started + chat.message in one interaction), the next continues it, a platform retry stores
 * nothing twice, a picture is fetched, kept by its hash and served to the tenant's people only, an unreachable
 * picture is recorded with its error while the message is kept, and a bad signature or an unconfigured platform
 * stores nothing and is counted.
 */
import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Type } from '@sinclair/typebox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE, SessionSigner } from '../kits/auth/index.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { eventually, tempDir, testConfig, uniqueNamespace, TEST_TENANT } from '../testing/env.js'
import { ChannelRefusal, defineAdapter, type ChannelAdapter, type Platform } from './adapter.js'
import { channelsService } from './service.js'
import type { ChannelStatus } from './status.js'

const SECRET = 'channels-e2e-session-secret-0123456789'
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('a tiny test picture')])

/** A LINE-shaped test platform: JSON body, HMAC-SHA256 of the body in a header. */
const testAdapter = defineAdapter({
  platform: 'line',
  channel: 'line',
  identity: 'line_user_id',
  credentials: Type.Object({ secret: Type.String({ minLength: 8 }) }),
  devCredentials: (random) => ({ secret: random(16) }),
  sign: (c, m) => {
    const body = JSON.stringify({ id: m.messageId, user: m.userId, ts: m.ts, text: m.text, image: m.imageUrl })
    return { method: 'POST', query: {}, headers: { 'x-sig': hmac(c.secret, body) }, body }
  },
  handle(req, c) {
    const sig = req.headers['x-sig']
    if (!sig) throw new ChannelRefusal('missing_signature', 'x-sig missing', 'x-sig')
    if (sig !== hmac(c.secret, req.body.toString())) throw new ChannelRefusal('bad_signature', 'x-sig does not match')
    const m = JSON.parse(req.body.toString()) as { id: string; user: string; ts: number; text?: string; image?: string }
    return {
      kind: 'messages',
      messages: [
        {
          messageId: m.id,
          conversation: { kind: 'session', user: m.user },
          event: {
            channel: 'line',
            ts: m.ts,
            type: 'chat.message',
            customer: { line_user_id: m.user },
            payload: { role: 'customer', text: m.text ?? '[image]' },
          },
          attachments: m.image ? [{ kind: 'image', fetch: { url: m.image } }] : [],
        },
      ],
    }
  },
})
const hmac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64')

describe('channel endpoint', () => {
  const dir = tempDir('channels-e2e')
  let sys: RunningSystem
  let pictures: Server
  let pictureBase = ''
  const adapter = testAdapter as unknown as ChannelAdapter
  const credentials = { secret: 'test-secret-123' }
  const cookie = (tenant: string, role: string) =>
    `${SESSION_COOKIE}=${encodeURIComponent(
      new SessionSigner(Buffer.from(SECRET)).sign({
        u: tenant !== TEST_TENANT ? 'o' : role === 'exec' ? 'x' : 'u',
        t: tenant,
        r: [role],
        exp: Date.now() + 3_600_000,
      }),
    )}`
  const send = (msg: Parameters<typeof testAdapter.sign>[1], secret = credentials.secret, platform = 'line') => {
    const r = testAdapter.sign({ secret }, msg)
    return fetch(`${sys.url}/v1/channels/${TEST_TENANT}/${platform}`, {
      method: r.method,
      headers: r.headers,
      body: r.body,
    })
  }
  /** The events of the conversation the platform message `messageId` went to (identities are redacted). */
  const rows = (messageId: string) =>
    sys.warehouse.query<{ type: string; interaction_id: string; payload: string }>(
      `SELECT type, interaction_id, payload FROM events WHERE tenant = {t:String} AND interaction_id IN
         (SELECT interaction_id FROM events WHERE tenant = {t:String} AND event_id = {id:String}) ORDER BY ts, type`,
      { t: TEST_TENANT, id: `line:${messageId}` },
    )

  /** The conversation once it holds `n` events. */
  const conversation = async (messageId: string, n: number) => {
    await eventually(async () => (await rows(messageId)).length >= n, { what: `${n} events` })
    return rows(messageId)
  }

  beforeAll(async () => {
    pictures = createServer((req, res) => {
      if (req.url === '/pic.png') return res.end(PNG)
      res.writeHead(404).end()
    })
    await new Promise<void>((ok) => pictures.listen(0, '127.0.0.1', ok))
    pictureBase = `http://127.0.0.1:${(pictures.address() as { port: number }).port}`
    const file = join(dir.path, 'channels.json')
    writeFileSync(file, JSON.stringify({ [TEST_TENANT]: { line: credentials } }))
    sys = await startSystem({
      config: testConfig(dir.path, {
        MOFANG_CHANNELS: file,
        MOFANG_CHANNEL_MAX_BODY_BYTES: '4096',
        MOFANG_SESSION_SECRET: SECRET,
        MOFANG_USERS: `u:${TEST_TENANT}:supervisor:unused,x:${TEST_TENANT}:exec:unused,o:other:supervisor:unused`,
      }),
      namespace: uniqueNamespace(),
      services: [channelsService({ adapters: new Map<Platform, ChannelAdapter>([['line', adapter]]) })],
      log: () => {},
    })
  }, 120_000)

  afterAll(async () => {
    await sys?.stop()
    pictures?.close()
    dir.remove()
  })

  const t0 = Date.now() - 60_000

  it('opens a conversation, continues it, absorbs a retry, and keeps the picture', async () => {
    const first = {
      userId: 'U-anna',
      messageId: 'm1',
      ts: t0,
      text: '屏幕显示 0x0000007B',
      imageUrl: `${pictureBase}/pic.png`,
    }
    expect((await send(first)).status).toBe(200)
    expect((await send(first)).status).toBe(200) // the platform's retry
    expect((await send({ userId: 'U-anna', messageId: 'm2', ts: t0 + 5_000, text: '还在吗' })).status).toBe(200)
    const stored = await conversation('m1', 3)
    expect(stored.filter((r) => r.type === 'chat.started')).toHaveLength(1)
    expect(stored.filter((r) => r.type === 'chat.message')).toHaveLength(2)
    expect(new Set(stored.map((r) => r.interaction_id)).size).toBe(1)
    const withPicture = stored.map((r) => JSON.parse(r.payload)).find((p) => p.attachments)
    const [picture] = withPicture.attachments
    expect(picture).toMatchObject({ kind: 'image', content_type: 'image/png', size: PNG.length })
    const res = await fetch(`${sys.url}${picture.url}`, { headers: { cookie: cookie(TEST_TENANT, 'supervisor') } })
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG)
    // Another tenant's people never get it, nor does a role that does not read conversations.
    expect(
      (await fetch(`${sys.url}${picture.url}`, { headers: { cookie: cookie('other', 'supervisor') } })).status,
    ).toBe(404)
    expect((await fetch(`${sys.url}${picture.url}`, { headers: { cookie: cookie(TEST_TENANT, 'exec') } })).status).toBe(
      403,
    )
  })

  it('keeps the message when its picture cannot be fetched, with the reason', async () => {
    const msg = { userId: 'U-bo', messageId: 'm3', ts: t0, imageUrl: `${pictureBase}/gone.png?access_token=s3cret` }
    expect((await send(msg)).status).toBe(200)
    const stored = await conversation('m3', 2)
    const payload = JSON.parse(stored.find((r) => r.type === 'chat.message')!.payload)
    expect(payload.text).toBe('[image]')
    expect(payload.attachments[0].error).toMatch(/404/)
    // The platform's access token never reaches the stored event.
    expect(JSON.stringify(payload)).not.toContain('s3cret')
  })

  it('stores nothing for a bad or missing signature or an unconfigured platform, and counts the refusals', async () => {
    expect((await send({ userId: 'U-eve', messageId: 'x1', ts: t0, text: 'hi' }, 'wrong-secret')).status).toBe(401)
    const unsigned = await fetch(`${sys.url}/v1/channels/${TEST_TENANT}/line`, { method: 'POST', body: '{}' })
    expect(unsigned.status).toBe(401)
    expect(((await unsigned.json()) as { error: string }).error).toBe('missing_signature')
    expect(
      (await send({ userId: 'U-eve', messageId: 'x2', ts: t0, text: 'hi' }, credentials.secret, 'wechat')).status,
    ).toBe(404)
    expect((await fetch(`${sys.url}/v1/channels/${TEST_TENANT}/nope`, { method: 'POST' })).status).toBe(404)
    const huge = await send({ userId: 'U-eve', messageId: 'x3', ts: t0, text: 'x'.repeat(5_000) })
    expect(huge.status).toBe(413)
    await new Promise((r) => setTimeout(r, 300))
    expect([...(await rows('x1')), ...(await rows('x2')), ...(await rows('x3'))]).toHaveLength(0)
    const status = (await (
      await fetch(`${sys.url}/api/channels`, { headers: { cookie: cookie(TEST_TENANT, 'supervisor') } })
    ).json()) as { channels: ChannelStatus[] }
    const line = status.channels.find((c) => c.platform === 'line')!
    expect(line.errors).toMatchObject({ bad_signature: 1, missing_signature: 1, too_large: 1 })
    expect(line.messages).toBeGreaterThanOrEqual(4)
    expect(line.last_message_at).toBeGreaterThan(0)
  })
})
