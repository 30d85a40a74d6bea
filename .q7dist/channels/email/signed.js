/**
 * The checks both e-mail relay formats share once their signed fields are read: the HMAC (channels/signature.ts,
 * compared in constant time), the timestamp's age, then the replay memory. In that order, so an unsigned request
 * can neither fill the replay memory nor learn whether its timestamp would have passed.
 */
import { ChannelRefusal } from '../adapter.js';
import { checkSignature } from '../signature.js';
/** Throws the refusal for a forged, stale or replayed request; returns for a good one. */
export function checkSigned(req, replay, signed) {
    checkSignature(signed.given.toLowerCase(), signed.expected, signed.field);
    const seconds = Number(signed.timestamp);
    if (!/^\d{1,12}$/.test(signed.timestamp) || Math.abs(req.now - seconds * 1000) > replay.windowMs)
        throw new ChannelRefusal('stale', `the signed timestamp is outside ${replay.windowMs / 1000} s of now`, 'timestamp');
    if (replay.seen(`email:${signed.nonce}`, req.now))
        throw new ChannelRefusal('replayed', 'this signed request was already received', signed.field);
}
//# sourceMappingURL=signed.js.map