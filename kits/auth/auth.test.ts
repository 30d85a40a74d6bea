import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IncomingMessage } from 'node:http'
import {
  hashPassword,
  parseCookies,
  sameSecret,
  SESSION_COOKIE,
  SessionGenerations,
  sessionGenerations,
  SessionSigner,
  roleGate,
  verifyPassword,
} from './index.js'
import { HttpError } from '../http/index.js'

const CHEAP = { N: 1024, r: 8, p: 1 } // fast hashes for tests; production uses the default cost

describe('passwords', () => {
  it('hashes with scrypt and verifies', async () => {
    const h = await hashPassword('密码 pass', CHEAP)
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(await verifyPassword('密码 pass', h)).toBe(true)
    expect(await verifyPassword('wrong', h)).toBe(false)
  })
})

describe('parseCookies', () => {
  it('decodes well-formed pairs', () => {
    expect([...parseCookies('a=1; b=x%20y; c=')]).toEqual([
      ['a', '1'],
      ['b', 'x y'],
      ['c', ''],
    ])
    expect(parseCookies(undefined).size).toBe(0)
  })
  it('treats a pair that does not decode as absent, keeping the others', () => {
    expect([...parseCookies('other=%zz; mofang_session=abc.def; bad=%E0%A4%A')]).toEqual([
      ['mofang_session', 'abc.def'],
    ])
    expect(() => parseCookies('=%zz; %zz; x=%')).not.toThrow()
  })
})

describe('sameSecret', () => {
  it('is true only for the same text', () => {
    expect(sameSecret('admin-token-0123', 'admin-token-0123')).toBe(true)
    expect(sameSecret('admin-token-0124', 'admin-token-0123')).toBe(false)
    expect(sameSecret('admin', 'admin-token-0123')).toBe(false)
    expect(sameSecret('', 'x')).toBe(false)
    expect(sameSecret('密码', '密码')).toBe(true)
  })
})

describe('SessionSigner', () => {
  const signer = new SessionSigner(Buffer.from('test-secret-test-secret-test-secret'))
  it('verifies what it signed until it expires, and nothing forged', () => {
    const value = signer.sign({ u: 'lin', t: 'acme', r: ['qa'], exp: 2000 })
    expect(signer.verify(value, 1000)).toEqual({ ok: true, claims: { u: 'lin', t: 'acme', r: ['qa'], exp: 2000 } })
    expect(signer.verify(value, 2000)).toEqual({ ok: false, reason: 'session expired: sign in again' })
    const other = new SessionSigner(Buffer.from('another-secret-another-secret-0000')).sign({
      u: 'lin',
      t: 'acme',
      r: ['qa'],
      exp: 2000,
    })
    expect(signer.verify(other, 1000)).toEqual({ ok: false, reason: 'session signature is invalid' })
    expect(signer.verify('garbage', 1000)).toMatchObject({ ok: false })
  })
})

describe('roleGate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mofang-auth-'))
  const settings = {
    dataDir: dir,
    displayTokens: 'acme:wall-token-0123456789',
    users: 'lin:acme:qa_reviewer+supervisor:scrypt$1$1$1$x$y,wu:acme:exec:scrypt$1$1$1$x$y',
    sessionSecret: 'test-secret-test-secret-test-secret',
  }
  const signer = new SessionSigner(Buffer.from(settings.sessionSecret))
  const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage
  const url = (q = '') => new URL(`http://x/api/qa/queue${q}`)
  const cookie = (u: string, t = 'acme') =>
    `${SESSION_COOKIE}=${signer.sign({ u, t, r: [], exp: Date.now() + 60_000 })}`
  const refusal = (f: () => unknown) => {
    try {
      f()
    } catch (err) {
      return err as HttpError
    }
    throw new Error('admitted')
  }

  it('lets a signed-in user holding one of the roles in, with tenant, user and every role they hold', () => {
    const gate = roleGate(settings)
    expect(gate(req({ cookie: cookie('lin') }), url(), ['qa_reviewer', 'qa_manager'])).toEqual({
      kind: 'user',
      tenant: 'acme',
      user: 'lin',
      roles: ['qa_reviewer', 'supervisor'],
    })
    expect(gate(req({ authorization: 'Bearer wall-token-0123456789' }), url(), ['display'])).toEqual({
      kind: 'display',
      tenant: 'acme',
      roles: ['display'],
    })
  })

  it('refuses without a session (401), and a display token or a user without the roles (403) naming them', () => {
    const gate = roleGate(settings)
    expect(refusal(() => gate(req({}), url(), ['qa_reviewer']))).toMatchObject({
      status: 401,
      answer: { error: 'unauthorized', reason: expect.stringContaining('sign in') },
    })
    expect(refusal(() => gate(req({ cookie: cookie('gone') }), url(), ['qa_reviewer'])).message).toBe(
      'account no longer exists',
    )
    expect(
      refusal(() => gate(req({ authorization: 'Bearer wall-token-0123456789' }), url(), ['supervisor'])),
    ).toMatchObject({ status: 403, message: expect.stringContaining('display token') })
    expect(refusal(() => gate(req({ cookie: cookie('wu') }), url(), ['qa_reviewer', 'qa_manager']))).toMatchObject({
      status: 403,
      answer: { error: 'forbidden', reason: 'one of these roles is required: qa_reviewer, qa_manager' },
    })
  })

  it('refuses unknown roles and the old MOFANG_SUPERVISORS format at start, naming the variable', () => {
    expect(() => roleGate({ ...settings, users: 'lin:acme:qa:scrypt$1$1$1$x$y' })).toThrow(
      /MOFANG_USERS.*unknown role "qa"/,
    )
    expect(() => roleGate({ ...settings, users: 'lin:acme:scrypt$1$1$1$x$y' })).toThrow(/MOFANG_USERS/)
  })

  it('a sign-out seen by one service ends the session in the role gates of the others (one per data directory)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mofang-sessions-'))
    const local = { ...settings, dataDir: dir }
    // What the wallboard signs with (web/server/service.ts hands it sessionGenerations(dataDir)).
    const wallboard = new SessionSigner(Buffer.from(settings.sessionSecret), sessionGenerations(dir))
    const session = `${SESSION_COOKIE}=${wallboard.sign({ u: 'lin', t: 'acme', r: [], exp: Date.now() + 60_000 })}`
    const gate = roleGate(local)
    expect(gate(req({ cookie: session }), url(), ['supervisor'])).toMatchObject({ user: 'lin' })
    sessionGenerations(dir).revoke('lin') // POST /api/logout on the wallboard
    expect(refusal(() => gate(req({ cookie: session }), url(), ['supervisor'])).message).toBe(
      'session ended (signed out): sign in again',
    )
    rmSync(dir, { recursive: true, force: true })
  })

  it('cleans up', () => rmSync(dir, { recursive: true, force: true }))
})

describe('revocable sessions', () => {
  it('refuses a session signed at an older generation, and keeps generations in their file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mofang-sessions-'))
    const file = join(dir, 'session-generations.json')
    const generations = new SessionGenerations(file)
    const signer = new SessionSigner(Buffer.from('test-secret-test-secret-test-secret'), generations)
    const before = signer.sign({ u: 'lin', t: 'acme', r: ['qa'], exp: 2000 })
    expect(signer.verify(before, 1000)).toMatchObject({ ok: true, claims: { u: 'lin', g: 0 } })
    generations.revoke('lin')
    expect(signer.verify(before, 1000)).toEqual({ ok: false, reason: 'session ended (signed out): sign in again' })
    const after = signer.sign({ u: 'lin', t: 'acme', r: ['qa'], exp: 2000 })
    expect(signer.verify(after, 1000)).toMatchObject({ ok: true, claims: { g: 1 } })
    // Another user's sessions are untouched; a cookie from before generations (no g) counts as generation 0.
    const plain = new SessionSigner(Buffer.from('test-secret-test-secret-test-secret'))
    expect(signer.verify(plain.sign({ u: 'wu', t: 'acme', r: [], exp: 2000 }), 1000)).toMatchObject({ ok: true })
    expect(signer.verify(plain.sign({ u: 'lin', t: 'acme', r: [], exp: 2000 }), 1000)).toMatchObject({ ok: false })
    // After a restart the file still says lin signed out.
    expect(new SessionGenerations(file).of('lin')).toBe(1)
    rmSync(dir, { recursive: true, force: true })
  })
})
