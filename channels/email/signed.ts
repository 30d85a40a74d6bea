/**
 * The checks both e-mail relay formats share once their signed fields are read: the HMAC (compared in constant
 * time), the timestamp's age, then the replay memory. In that order, so an unsigned request can neither fill the
 * replay memory nor learn whether its timestamp would have passed.
 */
import { createHmac } from 'node:crypto'
import { sameSecret } from '../../kits/auth/index.js'
import { ChannelRefusal, type ChannelRequest, type ReplayGuard } from '../adapter.js'

/** Hex HMAC-SHA256 of `parts` (concatenated) under `key`. */
export function hmacHex(key: string, ...parts: (string | Buffer)[]): string {
  const mac = createHmac('sha256', key)
  for (const part of parts) mac.update(part)
  return mac.digest('hex')
}

export interface SignedFields {
  /** The signature the request carries (hex). */
  given: string
  /** The signature its signed fields should have (hex). */
  expected: string
  /** The signed timestamp, seconds since the epoch, as sent. */
  timestamp: string
  /** What must not be seen twice within the window (Mailgun's token, the relay's signature). */
  nonce: string
  /** Which field the signature came in, for the refusal. */
  field: string
}

/** Throws the refusal for a forged, stale or replayed request; returns for a good one. */
export function checkSigned(req: ChannelRequest, replay: ReplayGuard, signed: SignedFields): void {
  if (!sameSecret(signed.given.toLowerCase(), signed.expected))
    throw new ChannelRefusal('bad_signature', 'the signature does not match the signing key', signed.field)
  const seconds = Number(signed.timestamp)
  if (!/^\d{1,12}$/.test(signed.timestamp) || Math.abs(req.now - seconds * 1000) > replay.windowMs)
    throw new ChannelRefusal('stale', `the signed timestamp is outside ${replay.windowMs / 1000} s of now`, 'timestamp')
  if (replay.seen(`email:${signed.nonce}`, req.now))
    throw new ChannelRefusal('replayed', 'this signed request was already received', signed.field)
}
