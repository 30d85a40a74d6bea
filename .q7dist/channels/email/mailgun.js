/**
 * Mailgun's inbound route in raw MIME mode: a route `forward("https://…/v1/channels/<tenant>/email/mime")` (the URL
 * must end in `mime`) posts the whole mail as the form field `body-mime`, beside `recipient`, `sender`, `from`,
 * `subject` and the signature fields `timestamp` (Unix seconds), `token` (50 random characters) and `signature` =
 * hex HMAC-SHA256(webhook signing key, timestamp + token).
 *   https://documentation.mailgun.com/docs/mailgun/user-manual/receive-forward-store/receive-http
 *   https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks
 * The form is multipart/form-data (or x-www-form-urlencoded), read with busboy.
 */
import { createHash } from 'node:crypto';
import busboy from 'busboy';
import { ChannelRefusal, } from '../adapter.js';
import { SAMPLE_RECIPIENT, sampleMime } from './compose.js';
import { hmacSha256 } from '../signature.js';
import { checkSigned } from './signed.js';
/** Whether a request is a form post (Mailgun's formats). */
export const isForm = (contentType) => /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType);
/**
 * The form's fields, each as the bytes sent. Fields are decoded as latin1, which maps bytes to characters one to
 * one, because a raw mail may be 8-bit in any charset (GBK, Big5…): read as UTF-8 it would lose bytes. A field
 * sent as a file part (with a file name) is read as bytes too.
 */
function readForm(req) {
    return new Promise((resolve, reject) => {
        const fields = new Map();
        let form;
        try {
            // The endpoint already caps the body; busboy's own 1 MB field cap would cut a mail with attachments.
            form = busboy({ headers: req.headers, defCharset: 'latin1', limits: { fieldSize: Infinity } });
        }
        catch (err) {
            return reject(err);
        }
        form.on('field', (name, value) => fields.set(name, Buffer.from(value, 'latin1')));
        form.on('file', (name, stream) => {
            const chunks = [];
            stream.on('data', (chunk) => chunks.push(chunk));
            stream.on('end', () => fields.set(name, Buffer.concat(chunks)));
        });
        form.on('error', reject);
        form.on('close', () => resolve(fields));
        form.end(req.body);
    });
}
/** Checks a Mailgun post and returns the raw mail it carries. */
export async function mailgunMime(req, signingKey, replay) {
    let fields;
    try {
        fields = await readForm(req);
    }
    catch (err) {
        throw new ChannelRefusal('malformed', `unreadable form: ${err.message}`);
    }
    const text = (name) => fields.get(name)?.toString('latin1');
    const [timestamp, token, signature] = [text('timestamp'), text('token'), text('signature')];
    if (!signature)
        throw new ChannelRefusal('missing_signature', 'the form has no Mailgun signature', 'signature');
    if (!timestamp || !token)
        throw new ChannelRefusal('missing_signature', 'the form has no timestamp or token', 'token');
    const expected = hmacSha256(signingKey, timestamp + token, 'hex');
    checkSigned(req, replay, { given: signature, expected, timestamp, nonce: `mailgun:${token}`, field: 'signature' });
    const mime = fields.get('body-mime');
    if (!mime?.length)
        throw new ChannelRefusal('malformed', 'no body-mime field: point the route at a URL ending in "mime"', 'body-mime');
    return mime;
}
/**
 * The post Mailgun sends for a sample mail. The token is derived from the message id (a real one is random), so
 * the same sample signs to the same request and a re-post is refused as a replay.
 */
export function signMailgun(signingKey, sample) {
    const timestamp = String(Math.floor(sample.ts / 1000));
    const token = createHash('sha256').update(sample.messageId).digest('hex').slice(0, 50);
    const fields = {
        recipient: SAMPLE_RECIPIENT,
        sender: sample.userId,
        from: sample.name ? `${sample.name} <${sample.userId}>` : sample.userId,
        subject: sample.subject ?? '',
        'body-mime': sampleMime(sample),
        timestamp,
        token,
        signature: hmacSha256(signingKey, timestamp + token, 'hex'),
    };
    const boundary = `mofang-${token.slice(0, 24)}`;
    const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    return {
        method: 'POST',
        query: {},
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: `${parts.join('')}--${boundary}--\r\n`,
    };
}
//# sourceMappingURL=mailgun.js.map