/**
 * Mofang's own relay contract, for a mail server that pipes mail to a command (Postfix `pipe`, Exim, a sieve
 * script) or any relay that can POST: the raw mail as the body, with
 *
 *   POST /v1/channels/<tenant>/email
 *   Content-Type: message/rfc822
 *   X-Mofang-Signature: t=<Unix seconds>,v1=<hex HMAC-SHA256(signing_key, t + "." + body)>
 *
 * the scheme Stripe signs its webhooks with: the timestamp is signed with the body, so a captured request is only
 * good for the replay window, and a repeat within it is refused as replayed (a relay's retry signs anew). For
 * example, from a shell:
 *
 *   t=$(date +%s); sig=$( (printf '%s.' "$t"; cat mail.eml) | openssl dgst -sha256 -hmac "$KEY" -r | cut -d' ' -f1)
 *   curl -H 'Content-Type: message/rfc822' -H "X-Mofang-Signature: t=$t,v1=$sig" --data-binary @mail.eml "$URL"
 */
import { ChannelRefusal, } from '../adapter.js';
import { sampleMime } from './compose.js';
import { hmacSha256 } from '../signature.js';
import { checkSigned } from './signed.js';
export const SIGNATURE_HEADER = 'x-mofang-signature';
/** Whether a request is a raw mail (this contract). */
export const isRawMail = (contentType) => /^message\/rfc822\b/i.test(contentType);
/** `t=…,v1=…` → its fields (later duplicates win; unknown keys are ignored, for later schemes). */
function parseSignature(header) {
    const fields = {};
    for (const item of header.split(',')) {
        const eq = item.indexOf('=');
        if (eq > 0)
            fields[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
    }
    return { t: fields.t, v1: fields.v1 };
}
/** Checks a relay post; its body is the raw mail. */
export function checkRelay(req, signingKey, replay) {
    const header = req.headers[SIGNATURE_HEADER];
    const { t = '', v1 } = parseSignature(Array.isArray(header) ? header[0] : (header ?? ''));
    if (!v1)
        throw new ChannelRefusal('missing_signature', 'no X-Mofang-Signature: t=…,v1=… header', SIGNATURE_HEADER);
    const expected = hmacSha256(signingKey, Buffer.concat([Buffer.from(`${t}.`), req.body]), 'hex');
    checkSigned(req, replay, { given: v1, expected, timestamp: t, nonce: `relay:${v1}`, field: SIGNATURE_HEADER });
}
/** The post a relay sends for a sample mail, signed at the sample's time. */
export function signRelay(signingKey, sample) {
    const body = sampleMime(sample);
    const t = String(Math.floor(sample.ts / 1000));
    return {
        method: 'POST',
        query: {},
        headers: {
            'content-type': 'message/rfc822',
            [SIGNATURE_HEADER]: `t=${t},v1=${hmacSha256(signingKey, `${t}.${body}`, 'hex')}`,
        },
        body,
    };
}
//# sourceMappingURL=relay.js.map