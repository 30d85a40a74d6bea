/**
 * WXBizMsgCrypt, the signing and encryption scheme of WeChat Official Accounts (safe mode) and WeCom callbacks,
 * written from Tencent's "消息加解密" technical notes and sample code:
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html
 * https://developer.work.weixin.qq.com/document/path/90968
 *
 * - signature: sha1 of the sorted, concatenated [token, timestamp, nonce] (plain mode), and msg_signature the same
 *   over [token, timestamp, nonce, Encrypt];
 * - AES-256-CBC, key = base64(EncodingAESKey + '='), IV = the key's first 16 bytes, PKCS#7 padding to 32-byte
 *   blocks; plaintext = 16 random bytes + 4-byte big-endian length + message + receive id (the app id or corp id).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { sameSecret } from '../../kits/auth/index.js';
import { ChannelRefusal } from '../adapter.js';
const BLOCK = 32;
/** sha1 hex of the parts sorted and concatenated (`signature`, `msg_signature`). */
export function wxSignature(parts) {
    return createHash('sha1')
        .update([...parts].sort().join(''))
        .digest('hex');
}
/**
 * Checks a push as the platforms sign it: the signature first (so an unsigned request cannot fill the replay
 * memory), then the timestamp against the replay window, then the nonce. Throws ChannelRefusal; returns what
 * `covered` read (the signed ciphertext), if anything.
 */
export function checkPush(req, ctx, check) {
    const query = req.url.searchParams;
    for (const name of [check.param, 'timestamp', 'nonce'])
        if (!query.get(name))
            throw new ChannelRefusal('missing_signature', `${name} is missing`, name);
    const timestamp = query.get('timestamp');
    const nonce = query.get('nonce');
    const covered = check.covered?.();
    const parts = covered === undefined ? [check.token, timestamp, nonce] : [check.token, timestamp, nonce, covered];
    // Compared in constant time; the platforms write hex in lower case.
    if (!sameSecret(query.get(check.param).toLowerCase(), wxSignature(parts)))
        throw new ChannelRefusal('bad_signature', `${check.param} does not match`, check.param);
    // The timestamp is in seconds; a non-numeric one cannot be inside the window.
    if (!(Math.abs(req.now - Number(timestamp) * 1000) <= ctx.replay.windowMs))
        throw new ChannelRefusal('stale', `timestamp ${timestamp} is outside the replay window`, 'timestamp');
    if (ctx.replay.seen(`${check.scope}:${nonce}`, req.now))
        throw new ChannelRefusal('replayed', `nonce ${nonce} was already used`, 'nonce');
    return covered;
}
function aesKey(encodingAesKey) {
    const key = Buffer.from(`${encodingAesKey}=`, 'base64');
    // The credentials schema asks for 43 letters and digits, which always decode to 32 bytes.
    if (key.length !== 32)
        throw new Error('EncodingAESKey must be 43 letters and digits (32 bytes in base64)');
    return key;
}
/**
 * Decrypts an `Encrypt` field (or WeCom's echostr) and checks that it was meant for `receiveId`.
 * Garbage is `malformed`; a message for another app or corp is `bad_signature`.
 */
export function decryptMessage(encodingAesKey, encrypted, receiveId) {
    const key = aesKey(encodingAesKey);
    let plain;
    try {
        const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
        plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    }
    catch {
        throw new ChannelRefusal('malformed', 'the encrypted message does not decrypt', 'Encrypt');
    }
    const pad = plain.at(-1) ?? 0;
    if (pad < 1 || pad > BLOCK || plain.length < 20 + pad)
        throw new ChannelRefusal('malformed', 'the encrypted message has bad padding', 'Encrypt');
    const content = plain.subarray(16, plain.length - pad);
    const length = content.readUInt32BE(0);
    if (4 + length > content.length)
        throw new ChannelRefusal('malformed', 'the encrypted message is shorter than it says', 'Encrypt');
    const to = content.subarray(4 + length).toString();
    if (to !== receiveId)
        throw new ChannelRefusal('bad_signature', `the message is encrypted for ${to}`, 'Encrypt');
    return content.subarray(4, 4 + length).toString();
}
/** Encrypts a message for `receiveId` as the platform does (the signers' side; also a passive reply's). */
export function encryptMessage(encodingAesKey, message, receiveId) {
    const key = aesKey(encodingAesKey);
    const body = Buffer.from(message);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const unpadded = Buffer.concat([randomBytes(16), length, body, Buffer.from(receiveId)]);
    const pad = BLOCK - (unpadded.length % BLOCK);
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([unpadded, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}
/** A nonce as the platforms send them: a random decimal string. */
export function newNonce() {
    return String(randomBytes(4).readUInt32BE(0));
}
//# sourceMappingURL=crypto.js.map