import { describe, expect, it } from 'vitest'
import type { AdapterContext, ChannelRequest } from '../adapter.js'
import { ReplayWindow } from '../replay.js'
import { dingtalkAdapter } from './adapter.js'
import * as fx from './fixtures.js'

const API = 'http://dingtalk.test'
const credentials = {
  app_secret: 'gP0Vx3sZbN8qLr2TfW6yHk9cJd4mA7eUoQ1iS5vB',
  robot_code: 'dingf0apw4ibx5u5ktba',
  api_base: API,
}

/**
 * A stand-in for DingTalk's API: the token endpoint and the file endpoint as documented (POST, JSON in and out).
 * A download code made by the signer is the file URL in base64, so the stand-in hands that URL back.
 */
function standIn(opts: { failDownloads?: boolean } = {}) {
  const calls: Array<{ path: string; headers: Record<string, string>; body: Record<string, string> }> = []
  const kv = new Map<string, string>()
  const fetchStub = (async (input: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(input)).pathname
    const body = JSON.parse(String(init?.body)) as Record<string, string>
    calls.push({ path, headers: init?.headers as Record<string, string>, body })
    if (path === '/v1.0/oauth2/accessToken') {
      const ok = body.appKey === credentials.robot_code && body.appSecret === credentials.app_secret
      return Response.json(ok ? { accessToken: `token-${calls.length}`, expireIn: 7200 } : { code: 'invalid' }, {
        status: ok ? 200 : 400,
      })
    }
    if (path === '/v1.0/robot/messageFiles/download' && !opts.failDownloads)
      return Response.json({ downloadUrl: `https://files.example/${encodeURIComponent(body.downloadCode)}` })
    return new Response('{}', { status: 500 })
  }) as typeof fetch
  const ctx: AdapterContext = {
    replay: new ReplayWindow(),
    fetch: fetchStub,
    state: { get: async (k) => kv.get(k) || undefined, put: async (k, v) => void kv.set(k, v) },
  }
  return { calls, ctx, kv }
}

/** `body` with the headers DingTalk would send half a second before `now`. */
const post = (body: object, now = fx.CREATED_AT + 500): ChannelRequest => {
  const signed = dingtalkAdapter.sign(credentials, { userId: 'u', messageId: 'm', ts: now - 500, text: 'x' })
  return {
    method: 'POST',
    url: new URL('http://localhost/v1/channels/acme/dingtalk'),
    headers: signed.headers,
    body: Buffer.from(JSON.stringify(body)),
    now,
  }
}

async function attachmentsOf(req: ChannelRequest, ctx: AdapterContext) {
  const result = await dingtalkAdapter.handle(req, credentials, ctx)
  if (result.kind !== 'messages') throw new Error('expected messages')
  return result.messages[0].attachments
}

describe('DingTalk files (robot_code set)', () => {
  it('resolves a picture: an access token for robotCode + appSecret, then the download URL for its code', async () => {
    const { calls, ctx } = standIn()
    const attachments = await attachmentsOf(post(fx.picture), ctx)
    expect(calls.map((c) => c.path)).toEqual(['/v1.0/oauth2/accessToken', '/v1.0/robot/messageFiles/download'])
    expect(calls[1].headers).toMatchObject({ 'x-acs-dingtalk-access-token': 'token-1' })
    expect(calls[1].body).toEqual({ downloadCode: fx.picture.content.downloadCode, robotCode: credentials.robot_code })
    expect(attachments).toEqual([
      { kind: 'image', fetch: { url: `https://files.example/${encodeURIComponent(fx.picture.content.downloadCode)}` } },
    ])
  })

  it('keeps the token for the next messages until shortly before it expires', async () => {
    const { calls, ctx } = standIn()
    await attachmentsOf(post(fx.picture), ctx)
    await attachmentsOf(post(fx.file, fx.CREATED_AT + 60_000), ctx)
    expect(calls.filter((c) => c.path.endsWith('accessToken'))).toHaveLength(1)
    // 2 hours less the 5-minute margin later, a new token.
    await attachmentsOf(post(fx.audio, fx.CREATED_AT + 7200_000 - 299_000), ctx)
    expect(calls.filter((c) => c.path.endsWith('accessToken'))).toHaveLength(2)
  })

  it('keeps the message when DingTalk does not resolve the file, and forgets the token', async () => {
    const { ctx, kv } = standIn({ failDownloads: true })
    const attachments = await attachmentsOf(post(fx.file), ctx)
    expect(attachments).toEqual([{ kind: 'file', name: fx.file.content.fileName }])
    expect([...kv.values()]).toEqual([''])
  })

  it('round-trips a signed sample picture: the stand-in resolves its code to the sample URL', async () => {
    const { ctx } = standIn()
    const sample = {
      userId: 'staff-7',
      messageId: 'msgPic==',
      ts: fx.CREATED_AT,
      imageUrl: 'https://cdn.example/a.png',
    }
    const signed = dingtalkAdapter.sign(credentials, sample)
    const req = { ...post({}), headers: signed.headers, body: Buffer.from(signed.body) }
    const [attachment] = (await attachmentsOf(req, ctx)) ?? []
    const code = decodeURIComponent(new URL(attachment.fetch!.url).pathname.slice(1))
    expect(Buffer.from(code, 'base64').toString()).toBe(sample.imageUrl)
  })
})
