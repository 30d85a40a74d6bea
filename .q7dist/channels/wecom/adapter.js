/**
 * WeCom customer service (企业微信 · 微信客服): WeChat users writing to a company's customer-service account. The
 * callback URL is `/v1/channels/<tenant>/wecom`. WeCom checks it with a GET whose echostr is encrypted (answer the
 * plaintext), then POSTs an encrypted kf_msg_or_event notice whenever messages wait; the adapter reads them with
 * kf/sync_msg (./sync.ts). Crypto: WXBizMsgCrypt with the corp id as receive id (../wechat/crypto.ts).
 * https://developer.work.weixin.qq.com/document/path/90930 (回调配置), /94670 (接收消息和事件)
 */
import { randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { ChannelRefusal, defineAdapter, } from '../adapter.js';
import { checkPush, decryptMessage, encryptMessage, newNonce, wxSignature } from '../wechat/crypto.js';
import { buildXml, field, parseXml, requiredField } from '../wechat/xml.js';
import { DEFAULT_WECOM_API_BASE } from './api.js';
import { mapEntry, syncMessages } from './sync.js';
export const WeComCredentials = Type.Object({
    /** The CorpID (ww…): callbacks are encrypted for it, and the adapter checks that they were. */
    corp_id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    /** The callback's Token (up to 32 letters and digits): it keys every signature. */
    token: Type.String({ pattern: '^[A-Za-z0-9]{3,32}$' }),
    /** The callback's EncodingAESKey (43 letters and digits). */
    encoding_aes_key: Type.String({ pattern: '^[A-Za-z0-9]{43}$' }),
    /**
     * The 微信客服 app's secret: the adapter gets its access token with it (gettoken) and keeps it in the channel
     * state until it nears expiry. Give this or `access_token`.
     */
    secret: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    /**
     * A fixed access token, used as is (tests, or a token service outside Mofang that rewrites the credentials
     * before the two hours run out). Takes precedence over `secret`.
     */
    access_token: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    /** The server API's base URL. Default https://qyapi.weixin.qq.com. */
    api_base: Type.Optional(Type.String({ pattern: '^https?://', default: DEFAULT_WECOM_API_BASE })),
}, { additionalProperties: false });
/** The customer-service account the signer's notices name (a sample: the credentials do not hold one). */
export const SAMPLE_OPEN_KFID = 'wkMofangSample';
const scope = (c) => `wecom:${c.corp_id}`;
/** URL verification: msg_signature covers the encrypted echostr, whose plaintext is the answer. */
function verifyUrl(req, c, ctx) {
    const covered = () => {
        const echostr = req.url.searchParams.get('echostr');
        if (!echostr)
            throw new ChannelRefusal('malformed', 'echostr is missing', 'echostr');
        // Base64 has no spaces: a '+' sent without URL encoding arrives as one.
        return echostr.replaceAll(' ', '+');
    };
    const echostr = checkPush(req, ctx, { param: 'msg_signature', token: c.token, covered, scope: scope(c) });
    const plain = decryptMessage(c.encoding_aes_key, echostr, c.corp_id);
    return { kind: 'reply', status: 200, body: plain, contentType: 'text/plain; charset=utf-8' };
}
/** A kf_msg_or_event notice, as WeCom would POST it when a customer's message waits (the message is not in it). */
function signNotice(c, sample) {
    const timestamp = String(Math.floor(sample.ts / 1000));
    const nonce = newNonce();
    const notice = buildXml({
        ToUserName: c.corp_id,
        CreateTime: Number(timestamp),
        MsgType: 'event',
        Event: 'kf_msg_or_event',
        Token: `ENC${randomBytes(16).toString('hex')}`,
        OpenKfId: SAMPLE_OPEN_KFID,
    });
    const encrypted = encryptMessage(c.encoding_aes_key, notice, c.corp_id);
    return {
        method: 'POST',
        query: { msg_signature: wxSignature([c.token, timestamp, nonce, encrypted]), timestamp, nonce },
        headers: { 'content-type': 'text/xml; charset=utf-8' },
        body: buildXml({ ToUserName: c.corp_id, Encrypt: encrypted }),
    };
}
export const wecomAdapter = defineAdapter({
    platform: 'wecom',
    channel: 'wecom',
    identity: 'wecom_external_userid',
    credentials: WeComCredentials,
    devCredentials: (random) => ({
        corp_id: `ww${random(8)}`,
        token: random(16),
        encoding_aes_key: random(22).slice(0, 43),
        access_token: random(32),
    }),
    async handle(req, c, ctx) {
        if (req.method === 'GET')
            return verifyUrl(req, c, ctx);
        const covered = () => requiredField(parseXml(req.body), 'Encrypt');
        const encrypted = checkPush(req, ctx, { param: 'msg_signature', token: c.token, covered, scope: scope(c) });
        const notice = parseXml(decryptMessage(c.encoding_aes_key, encrypted, c.corp_id));
        const type = requiredField(notice, 'MsgType');
        if (type !== 'event')
            throw new ChannelRefusal('unknown_type', `MsgType ${type} is not a 微信客服 event`, 'MsgType');
        const empty = { body: '', contentType: 'text/plain; charset=utf-8' };
        // Other events (an account authorised or revoked for a component app) carry no customer message.
        if (field(notice, 'Event') !== 'kf_msg_or_event')
            return { kind: 'messages', messages: [], reply: empty };
        const callback = { token: requiredField(notice, 'Token'), openKfId: requiredField(notice, 'OpenKfId') };
        const { entries, token } = await syncMessages(ctx, c, callback, req.now);
        const messages = entries.flatMap((entry) => mapEntry(entry, c, token) ?? []);
        return { kind: 'messages', messages, reply: empty };
    },
    sign: signNotice,
});
//# sourceMappingURL=adapter.js.map