/**
 * DingTalk (钉钉) robots receiving messages over HTTP (企业内部机器人接收消息,
 * https://open.dingtalk.com/document/orgapp/receive-message): DingTalk POSTs each message a person sends the robot
 * (one-to-one, or @-mentioning it in a group) as JSON, with headers `timestamp` (ms) and
 * `sign` = base64(HMAC-SHA256(appSecret, timestamp + "\n" + appSecret)). The document's checks: the sign must match
 * and the timestamp must lie within one hour of the server clock.
 *
 * The sign covers the timestamp only, not the body, so it proves the request came from someone holding the secret
 * within the hour but not what it says. A replay guard on (timestamp, sign) would not close that (the body can change
 * under the same headers) and would refuse real messages sent in the same millisecond, so there is none: an exact
 * replay carries the same msgId, which ingest's dedup window absorbs. The hour is DingTalk's, not the (shorter)
 * replay window's: DingTalk's own clock skew allowance is what a genuine request may need.
 */
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { ChannelRefusal, defineAdapter } from '../adapter.js';
import { checkSignature, hmacSha256, jsonBody, signatureHeader } from '../signature.js';
import { dingtalkAttachments } from './files.js';
import { DingTalkBody, contentsOf } from './messages.js';
/** The document's bound on |server clock − timestamp|, ms. */
export const DINGTALK_MAX_SKEW_MS = 3_600_000;
/** DingTalk's server API (https://open.dingtalk.com/document/orgapp/api-overview). */
export const DINGTALK_API = 'https://api.dingtalk.com';
const DingTalkCredentials = Type.Object({
    /** The robot app's AppSecret (应用凭证 Client Secret): the sign key. */
    app_secret: Type.String({ minLength: 16 }),
    /**
     * The robot's robotCode (an enterprise-internal robot's is its app's AppKey): set it to keep the pictures, voice
     * notes, videos and files people send, which DingTalk serves only through its API (./files.ts).
     */
    robot_code: Type.Optional(Type.String({ minLength: 1 })),
    /** DingTalk's API base URL (a local stand-in in tests and the demo). Default https://api.dingtalk.com. */
    api_base: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+(/\\S*)?$', default: DINGTALK_API })),
}, { additionalProperties: false });
const signOf = (appSecret, timestamp) => hmacSha256(appSecret, `${timestamp}\n${appSecret}`, 'base64');
const idOf = (seed) => createHash('sha256').update(seed).digest('base64').slice(0, 22);
/**
 * The body DingTalk posts for a sample, shaped as the document's example: text; a picture (its download code is
 * opaque to Mofang, made here from the URL so a stand-in file API can serve it); or both, as DingTalk's rich text.
 */
function sampleBody(sample, robotCode) {
    const code = sample.imageUrl !== undefined ? Buffer.from(sample.imageUrl).toString('base64') : undefined;
    const message = code === undefined
        ? { msgtype: 'text', text: { content: sample.text ?? '' } }
        : sample.text === undefined
            ? { msgtype: 'picture', content: { downloadCode: code } }
            : {
                msgtype: 'richText',
                content: { richText: [{ text: sample.text }, { downloadCode: code, type: 'picture' }] },
            };
    return {
        conversationId: `cid${idOf(`conversation:${sample.userId}`)}`,
        conversationType: '1',
        chatbotUserId: `$:LWCP_v1:$${idOf('robot')}`,
        msgId: sample.messageId,
        ...(sample.name !== undefined && { senderNick: sample.name }),
        isAdmin: false,
        senderStaffId: sample.userId,
        senderId: `$:LWCP_v1:$${idOf(`sender:${sample.userId}`)}`,
        createAt: sample.ts,
        sessionWebhook: `https://oapi.dingtalk.com/robot/sendBySession?session=${idOf(`session:${sample.messageId}`)}`,
        sessionWebhookExpiredTime: sample.ts + 5_400_000,
        ...(robotCode !== undefined && { robotCode }),
        ...message,
    };
}
export const dingtalkAdapter = defineAdapter({
    platform: 'dingtalk',
    channel: 'dingtalk',
    identity: 'dingtalk_id',
    credentials: DingTalkCredentials,
    devCredentials: (random) => ({ app_secret: random(32) }),
    async handle(req, credentials, ctx) {
        if (req.method !== 'POST')
            throw new ChannelRefusal('malformed', 'DingTalk robot messages are POST requests', 'method');
        const timestamp = signatureHeader(req, 'timestamp');
        checkSignature(signatureHeader(req, 'sign'), signOf(credentials.app_secret, timestamp), 'sign');
        const sentAt = Number(timestamp);
        if (!Number.isFinite(sentAt) || Math.abs(req.now - sentAt) > DINGTALK_MAX_SKEW_MS)
            throw new ChannelRefusal('stale', `timestamp ${timestamp} is more than an hour from the server clock`, 'timestamp');
        const body = jsonBody(req, DingTalkBody);
        const user = body.senderStaffId ?? body.senderId;
        if (!user)
            throw new ChannelRefusal('malformed', 'neither senderStaffId nor senderId', 'senderId');
        const { text, files } = contentsOf(body);
        const api = credentials.robot_code
            ? {
                base: credentials.api_base ?? DINGTALK_API,
                robotCode: credentials.robot_code,
                appSecret: credentials.app_secret,
            }
            : undefined;
        const attachments = await dingtalkAttachments(files, api, ctx, req.now);
        const createdAt = Number(body.createAt);
        const name = body.senderNick?.trim().slice(0, 128);
        return {
            kind: 'messages',
            messages: [
                {
                    messageId: body.msgId,
                    // One conversation per person, in a group too: colleagues @-mentioning the robot are separate contacts.
                    conversation: { kind: 'session', user },
                    event: {
                        type: 'chat.message',
                        channel: 'dingtalk',
                        ts: Number.isFinite(createdAt) && createdAt > 0 ? createdAt : sentAt,
                        customer: { dingtalk_id: user },
                        ...(name && { customer_name: name }),
                        payload: { role: 'customer', text, message_id: body.msgId },
                    },
                    ...(attachments.length && { attachments }),
                },
            ],
        };
    },
    sign(credentials, sample) {
        if (sample.text === undefined && sample.imageUrl === undefined)
            throw new Error('a sample needs text or imageUrl');
        const timestamp = String(sample.ts);
        return {
            method: 'POST',
            query: {},
            headers: {
                'content-type': 'application/json; charset=utf-8',
                timestamp,
                sign: signOf(credentials.app_secret, timestamp),
            },
            body: JSON.stringify(sampleBody(sample, credentials.robot_code)),
        };
    },
});
//# sourceMappingURL=adapter.js.map