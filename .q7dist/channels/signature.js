/**
 * What the webhook adapters share to check a request before trusting it: the HMAC-SHA256 signatures most platforms
 * send (DingTalk, Messenger, LINE), read from their header and compared in constant time, and the JSON body checked
 * against the shape the adapter maps (so a mapping never reads a field the platform did not send).
 */
import { createHmac } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { sameSecret } from '../kits/auth/index.js';
import { ChannelRefusal } from './adapter.js';
/** HMAC-SHA256 of `data` under `key` (both UTF-8 when strings), encoded as the platform writes it. */
export function hmacSha256(key, data, encoding) {
    return createHmac('sha256', key).update(data).digest(encoding);
}
/** A signature header's value; absent, empty or repeated → `missing_signature`. */
export function signatureHeader(req, name) {
    const value = req.headers[name.toLowerCase()];
    if (typeof value !== 'string' || value === '')
        throw new ChannelRefusal('missing_signature', `the ${name} header is missing`, name);
    return value;
}
/**
 * Refuses (`bad_signature`) unless the signature sent equals the one computed, in time that does not depend on where
 * they differ (a timing side channel would let a forger find the signature byte by byte).
 */
export function checkSignature(given, expected, header) {
    if (!sameSecret(given, expected))
        throw new ChannelRefusal('bad_signature', `the ${header} signature does not match`, header);
}
/** `value` as the given shape; anything else → `malformed`, naming the first wrong field (under `root`). */
export function shaped(schema, value, root = '') {
    const error = Value.Errors(schema, value).First();
    if (error) {
        const field = `${root}${error.path.replaceAll('/', '.')}`.replace(/^\./, '') || 'body';
        throw new ChannelRefusal('malformed', `${field}: ${error.message}`, field);
    }
    return value;
}
/** The body as JSON of the given shape; anything else → `malformed`. */
export function jsonBody(req, schema) {
    let parsed;
    try {
        parsed = JSON.parse(req.body.toString('utf8'));
    }
    catch (err) {
        throw new ChannelRefusal('malformed', `the body is not JSON: ${err.message}`, 'body');
    }
    return shaped(schema, parsed);
}
//# sourceMappingURL=signature.js.map