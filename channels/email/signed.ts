/**
 * The checks both e-mail relay formats share once their signed fields are read: the HMAC (channels/signature.ts,
 * compared in constant time), the timestamp's age, then the replay memory. In that order, so an unsigned request
 * can neither fill the replay memory nor learn whether its timestamp would have passed.
 */
import { ChannelRefusal, type ChannelRequest, type ReplayGuard } from '../adapter.js'
import { checkSignature } from '../signature.js'

export interface SignedFields {
  /** The signature the request carries (hex). */
  given: string
  /** The signature its signed fields should have (lower-case hex). */
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
  checkSignature(signed.given.toLowerCase(), signed.expected, signed.field)
  const seconds = Number(signed.timestamp)
  if (!/^\d{1,12}$/.test(signed.timestamp) || Math.abs(req.now - seconds * 1000) > replay.windowMs)
    throw new ChannelRefusal('stale', `the signed timestamp is outside ${replay.windowMs / 1000} s of now`, 'timestamp')
  if (replay.seen(`email:${signed.nonce}`, req.now))
    throw new ChannelRefusal('replayed', 'this signed request was already received', signed.field)
}
