import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createWallboardHandler, type WallboardHandler } from './handler.js'
import { SESSION_COOKIE, SessionSigner } from '../../kits/auth/index.js'
import { createHttpServer } from '../../kits/http/index.js'
import type { Snapshot } from '../../core/contracts/index.js'

describe('a malformed cookie on /api routes', () => {
  const secret = 'test-secret-test-secret-test-secret'
  let server: Server
  let handler: WallboardHandler
  let base: string
  const logged: string[] = []

  beforeAll(async () => {
    handler = createWallboardHandler({
      getSnapshot: (tenant) => ({ tenant }) as unknown as Snapshot,
      subscribe: () => () => {},
      getHistory: async () => [],
      auth: {
        displayTokens: new Map([['wall-token-acme-0001', 'acme']]),
        users: new Map([['lin', { passwordHash: 'x', tenant: 'acme', roles: ['supervisor'] }]]),
      },
      sessionSecret: secret,
      onError: () => {},
    })
    server = createHttpServer([handler], (msg) => logged.push(msg))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    handler.close()
    await new Promise((r) => server.close(r))
  })

  it('is ignored: 401 without credentials, never 500, nothing logged', async () => {
    const res = await fetch(`${base}/api/me`, { headers: { cookie: 'other=%zz' } })
    expect(res.status).toBe(401)
    expect(logged).toEqual([])
  })

  it('does not hide a valid session or display token sent beside it', async () => {
    const session = new SessionSigner(Buffer.from(secret)).sign({
      u: 'lin',
      t: 'acme',
      r: ['supervisor'],
      exp: Date.now() + 60_000,
    })
    const me = await fetch(`${base}/api/me`, { headers: { cookie: `other=%zz; ${SESSION_COOKIE}=${session}` } })
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ kind: 'user', user: 'lin' })
    const wall = await fetch(`${base}/api/snapshot?token=wall-token-acme-0001`, { headers: { cookie: 'other=%zz' } })
    expect(wall.status).toBe(200)
  })
})
