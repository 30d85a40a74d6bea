/** Signed session cookies: an HMAC-signed, expiring claim of who signed in, read back from the Cookie header. */
import { createHmac, timingSafeEqual } from 'node:crypto'

/** The session cookie's name, the same for every service of a process. */
export const SESSION_COOKIE = 'mofang_wb'

export interface SessionClaims {
  /** user */
  u: string
  /** tenant */
  t: string
  /** roles */
  r: string[]
  /** expiry, ms since the epoch */
  exp: number
}

export class SessionSigner {
  constructor(private readonly secret: Buffer) {}

  sign(claims: SessionClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
    return `${body}.${this.mac(body)}`
  }

  verify(value: string, now = Date.now()): { ok: true; claims: SessionClaims } | { ok: false; reason: string } {
    const dot = value.lastIndexOf('.')
    const body = value.slice(0, dot)
    const mac = Buffer.from(value.slice(dot + 1))
    const expected = Buffer.from(this.mac(body))
    if (dot < 1 || mac.length !== expected.length || !timingSafeEqual(mac, expected))
      return { ok: false, reason: 'session signature is invalid' }
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as SessionClaims
    if (claims.exp <= now) return { ok: false, reason: 'session expired: sign in again' }
    return { ok: true, claims }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url')
  }
}

/**
 * The Cookie header as name → value. A pair whose value does not percent-decode (e.g. `other=%zz`, set by
 * another app on the same host) is skipped as if absent: the browser sends every cookie of the host, so one
 * foreign malformed cookie must not fail every request (it used to answer 500 "URI malformed").
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const raw = part.slice(eq + 1).trim()
    try {
      out.set(part.slice(0, eq).trim(), decodeURIComponent(raw))
    } catch {
      // malformed percent-encoding: treated as absent
    }
  }
  return out
}
