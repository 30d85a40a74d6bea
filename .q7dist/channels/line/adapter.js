/**
 * LINE Messaging API webhooks (https://developers.line.biz/en/reference/messaging-api/#webhooks): LINE POSTs a JSON
 * body of events signed with `x-line-signature` = base64(HMAC-SHA256(channel secret, raw body))
 * (https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature/). The body carries no signed time
 * and no nonce, so there is no stale or replay check: LINE redelivers an event it got no 200 for
 * (deliveryContext.isRedelivery), with the same message id, and ingest's dedup window absorbs it.
 * Images, video, audio and files are fetched from the content API with the channel access token.
 */
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { ChannelRefusal, defineAdapter } from '../adapter.js';
import { checkSignature, hmacSha256, jsonBody, signatureHeader } from '../signature.js';
import { LineBody, lineMessages } from './events.js';
const SIGNATURE_HEADER = 'x-line-signature';
/** Where LINE serves message content (https://developers.line.biz/en/reference/messaging-api/#get-content). */
export const LINE_DATA_API = 'https://api-data.line.me';
const LineCredentials = Type.Object({
    /** Basic settings → Channel secret (32 hex characters): the signature key. */
    channel_secret: Type.String({ minLength: 16 }),
    /** Messaging API → Channel access token: needed to fetch the customers' images, audio, video and files. */
    channel_access_token: Type.Optional(Type.String({ minLength: 1 })),
    /** The content API's base URL (a local stand-in in tests and the demo). Default https://api-data.line.me. */
    data_api_base: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+(/\\S*)?$', default: LINE_DATA_API })),
}, { additionalProperties: false });
/** A stable opaque token of `length` characters from a seed (reply and quote tokens, event ids of a sample). */
const tokenOf = (seed, length) => createHash('sha256').update(seed).digest('hex').slice(0, length);
/** The events LINE would send for a sample: its text, then its image, as two events (LINE sends one per message). */
function sampleEvents(sample) {
    const base = (id) => ({
        mode: 'active',
        timestamp: sample.ts,
        source: { type: 'user', userId: sample.userId },
        webhookEventId: tokenOf(`event:${id}`, 26).toUpperCase(),
        deliveryContext: { isRedelivery: false },
        replyToken: tokenOf(`reply:${id}`, 32),
    });
    const events = [];
    if (sample.text !== undefined)
        events.push({
            type: 'message',
            ...base(sample.messageId),
            message: { id: sample.messageId, type: 'text', text: sample.text, quoteToken: tokenOf(sample.messageId, 32) },
        });
    if (sample.imageUrl !== undefined) {
        const id = events.length ? `${sample.messageId}1` : sample.messageId;
        // `external`: the image is served by the sender's URL (as for images sent through LIFF), not the content API.
        const contentProvider = { type: 'external', originalContentUrl: sample.imageUrl, previewImageUrl: sample.imageUrl };
        events.push({ type: 'message', ...base(id), message: { id, type: 'image', contentProvider } });
    }
    if (!events.length)
        throw new Error('a LINE sample message needs text or imageUrl');
    return events;
}
export const lineAdapter = defineAdapter({
    platform: 'line',
    channel: 'line',
    identity: 'line_user_id',
    credentials: LineCredentials,
    devCredentials: (random) => ({ channel_secret: random(16) }),
    handle(req, credentials) {
        if (req.method !== 'POST')
            throw new ChannelRefusal('malformed', 'LINE webhooks are POST requests', 'method');
        const signature = signatureHeader(req, SIGNATURE_HEADER);
        checkSignature(signature, hmacSha256(credentials.channel_secret, req.body, 'base64'), SIGNATURE_HEADER);
        const body = jsonBody(req, LineBody);
        const src = {
            dataApiBase: credentials.data_api_base ?? LINE_DATA_API,
            accessToken: credentials.channel_access_token,
        };
        return { kind: 'messages', messages: lineMessages(body, src) };
    },
    sign(credentials, sample) {
        const body = JSON.stringify({ destination: `U${tokenOf('destination', 32)}`, events: sampleEvents(sample) });
        return {
            method: 'POST',
            query: {},
            headers: {
                'content-type': 'application/json; charset=utf-8',
                [SIGNATURE_HEADER]: hmacSha256(credentials.channel_secret, body, 'base64'),
            },
            body,
        };
    },
});
//# sourceMappingURL=adapter.js.map