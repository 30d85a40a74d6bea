/**
 * Messenger Platform webhooks (https://developers.facebook.com/docs/messenger-platform/webhooks). Saving the
 * callback URL in the app dashboard sends a GET with hub.mode=subscribe, hub.verify_token (the token typed there) and
 * hub.challenge, answered with the challenge. Events are POSTed as JSON signed with
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads).
 *
 * No replay check: the signature covers no time or nonce, and Messenger resends a batch it got no 200 for (the same
 * body, byte for byte), which must not be refused; the resent message ids land on the same event ids, and ingest's
 * dedup window absorbs them. A replay guard on mid would refuse exactly those legitimate resends.
 */
import { Type } from '@sinclair/typebox';
import { sameSecret } from '../../kits/auth/index.js';
import { ChannelRefusal, defineAdapter } from '../adapter.js';
import { checkSignature, hmacSha256, jsonBody, signatureHeader } from '../signature.js';
import { MessengerBody, messengerMessages } from './events.js';
const SIGNATURE_HEADER = 'x-hub-signature-256';
/** The Graph API (https://developers.facebook.com/docs/graph-api). */
export const GRAPH_API = 'https://graph.facebook.com';
const MessengerCredentials = Type.Object({
    /** App settings → Basic → App secret: the signature key. */
    app_secret: Type.String({ minLength: 16 }),
    /** The Verify Token typed into the webhook settings; the GET handshake must present it. */
    verify_token: Type.String({ minLength: 1 }),
    /** The Page access token, for the Send API and profile look-ups (the agents' side; not used to receive). */
    page_access_token: Type.Optional(Type.String({ minLength: 1 })),
    /** The Graph API's base URL (a local stand-in in tests and the demo). Default https://graph.facebook.com. */
    api_base: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+(/\\S*)?$', default: GRAPH_API })),
}, { additionalProperties: false });
/** The webhook-verification GET: the challenge back when the verify token matches. */
function verification(req, verifyToken) {
    const q = req.url.searchParams;
    const token = q.get('hub.verify_token');
    if (!token)
        throw new ChannelRefusal('missing_signature', 'hub.verify_token is missing', 'hub.verify_token');
    if (!sameSecret(token, verifyToken))
        throw new ChannelRefusal('bad_signature', 'hub.verify_token does not match the verify token', 'hub.verify_token');
    const challenge = q.get('hub.challenge');
    if (q.get('hub.mode') !== 'subscribe' || !challenge)
        throw new ChannelRefusal('malformed', 'expected hub.mode=subscribe and a hub.challenge', 'hub.mode');
    return { kind: 'reply', status: 200, body: challenge, contentType: 'text/plain; charset=utf-8' };
}
/** The Page of a sample (the credentials do not name it): a stable made-up id. */
const SAMPLE_PAGE_ID = '104512345678901';
/**
 * JSON as Meta writes it: every non-ASCII UTF-16 unit escaped as \uXXXX with lowercase hex ("äöå" →
 * "\u00e4\u00f6\u00e5"), which is also what the signature is computed over (hence checking the raw bytes).
 */
const metaJson = (value) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** A customer's message as Messenger posts it: text and an image arrive as one message with an attachment. */
function sampleBody(sample) {
    if (sample.text === undefined && sample.imageUrl === undefined)
        throw new Error('a sample needs text or imageUrl');
    const message = {
        mid: sample.messageId,
        ...(sample.text !== undefined && { text: sample.text }),
        ...(sample.imageUrl !== undefined && { attachments: [{ type: 'image', payload: { url: sample.imageUrl } }] }),
    };
    const item = { sender: { id: sample.userId }, recipient: { id: SAMPLE_PAGE_ID }, timestamp: sample.ts, message };
    return metaJson({ object: 'page', entry: [{ id: SAMPLE_PAGE_ID, time: sample.ts, messaging: [item] }] });
}
export const facebookAdapter = defineAdapter({
    platform: 'facebook',
    channel: 'facebook',
    identity: 'facebook_psid',
    credentials: MessengerCredentials,
    devCredentials: (random) => ({ app_secret: random(16), verify_token: random(16) }),
    handle(req, credentials) {
        if (req.method === 'GET')
            return verification(req, credentials.verify_token);
        const header = signatureHeader(req, SIGNATURE_HEADER);
        const given = header.startsWith('sha256=') ? header.slice('sha256='.length).toLowerCase() : '';
        checkSignature(given, hmacSha256(credentials.app_secret, req.body, 'hex'), SIGNATURE_HEADER);
        const body = jsonBody(req, MessengerBody);
        // Messenger expects a 200 quickly; the body is not read ("EVENT_RECEIVED" as in Meta's sample app).
        const reply = { body: 'EVENT_RECEIVED', contentType: 'text/plain; charset=utf-8' };
        return { kind: 'messages', messages: messengerMessages(body, req.now), reply };
    },
    sign(credentials, sample) {
        const body = sampleBody(sample);
        return {
            method: 'POST',
            query: {},
            headers: {
                'content-type': 'application/json',
                [SIGNATURE_HEADER]: `sha256=${hmacSha256(credentials.app_secret, body, 'hex')}`,
            },
            body,
        };
    },
});
//# sourceMappingURL=adapter.js.map