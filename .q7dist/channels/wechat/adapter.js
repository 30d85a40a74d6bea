/**
 * WeChat Official Account (公众号) message push. The server configuration's URL is `/v1/channels/<tenant>/wechat`:
 * WeChat checks it with a signed GET (answer the echostr), then POSTs each message as XML, signed in the query and,
 * in safe mode, encrypted (WXBizMsgCrypt, ./crypto.ts). Access guide:
 * https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
 *
 * Modes: plain (明文) when the tenant has no encoding_aes_key; with one, pushes must be encrypted (安全模式, or
 * 兼容模式 whose plaintext copy is ignored, since only the ciphertext is covered by msg_signature).
 * Nothing is answered to the customer here: the reply is "success", and agents answer through the customer-service
 * API.
 */
import { Type } from '@sinclair/typebox';
import { ChannelRefusal, defineAdapter, } from '../adapter.js';
import { checkPush, decryptMessage, encryptMessage, newNonce, wxSignature } from './crypto.js';
import { DEFAULT_API_BASE, mapPush } from './messages.js';
import { buildXml, parseXml, requiredField } from './xml.js';
export const WeChatCredentials = Type.Object({
    /** The Token of the server configuration (3-32 letters and digits): it keys every signature. */
    token: Type.String({ pattern: '^[A-Za-z0-9]{3,32}$' }),
    /** The AppID (wx…): safe-mode messages are encrypted for it, and the adapter checks that they were. */
    app_id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    /** The EncodingAESKey (43 letters and digits): set it for safe or compatible mode, leave it out for plain. */
    encoding_aes_key: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{43}$' })),
    /**
     * An access token for downloading voice notes (cgi-bin/media/get). It lives two hours: whoever refreshes it
     * (a token service) must rewrite the credentials; without it, voice notes are recorded but not downloaded.
     */
    access_token: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    /** The server API's base URL. Default https://api.weixin.qq.com. */
    api_base: Type.Optional(Type.String({ pattern: '^https?://', default: DEFAULT_API_BASE })),
}, { additionalProperties: false });
const OK = { body: 'success', contentType: 'text/plain; charset=utf-8' };
/** The push's XML: checked and, in safe mode, decrypted. */
function readPush(req, c, ctx) {
    const scope = `wechat:${c.app_id}`;
    if (req.url.searchParams.get('encrypt_type') !== 'aes') {
        // A plain push's signature covers no part of the body, so a tenant in safe mode takes encrypted pushes only.
        if (c.encoding_aes_key)
            throw new ChannelRefusal('missing_signature', 'safe mode: the push must be encrypted', 'msg_signature');
        checkPush(req, ctx, { param: 'signature', token: c.token, scope });
        return parseXml(req.body);
    }
    const key = c.encoding_aes_key;
    if (!key)
        throw new ChannelRefusal('malformed', 'an encrypted push, but no encoding_aes_key', 'encrypt_type');
    const covered = () => requiredField(parseXml(req.body), 'Encrypt');
    const encrypted = checkPush(req, ctx, { param: 'msg_signature', token: c.token, covered, scope });
    return parseXml(decryptMessage(key, encrypted, c.app_id));
}
/** A customer's message as WeChat pushes it: encrypted when the credentials have an EncodingAESKey. */
function signPush(c, sample) {
    if (sample.text === undefined && sample.imageUrl === undefined)
        throw new Error('a sample needs text or imageUrl');
    const timestamp = String(Math.floor(sample.ts / 1000));
    const nonce = newNonce();
    // ToUserName is the account's original id (gh_…), which the credentials do not hold; nothing reads it.
    const to = `gh_${c.app_id}`;
    const xml = buildXml({
        ToUserName: to,
        FromUserName: sample.userId,
        CreateTime: Number(timestamp),
        // A WeChat picture carries no caption: a sample with an image is an image message.
        ...(sample.imageUrl !== undefined
            ? { MsgType: 'image', PicUrl: sample.imageUrl, MediaId: `media-${sample.messageId}` }
            : { MsgType: 'text', Content: sample.text }),
        MsgId: sample.messageId,
    });
    const query = { signature: wxSignature([c.token, timestamp, nonce]), timestamp, nonce, openid: sample.userId };
    const headers = { 'content-type': 'text/xml; charset=utf-8' };
    if (!c.encoding_aes_key)
        return { method: 'POST', query, headers, body: xml };
    const encrypted = encryptMessage(c.encoding_aes_key, xml, c.app_id);
    const msg_signature = wxSignature([c.token, timestamp, nonce, encrypted]);
    return {
        method: 'POST',
        query: { ...query, encrypt_type: 'aes', msg_signature },
        headers,
        body: buildXml({ ToUserName: to, Encrypt: encrypted }),
    };
}
export const wechatAdapter = defineAdapter({
    platform: 'wechat',
    channel: 'wechat',
    identity: 'wechat_openid',
    credentials: WeChatCredentials,
    devCredentials: (random) => ({
        token: random(16),
        app_id: `wx${random(8)}`,
        // Hex is a subset of the key's alphabet; 22 bytes give 44 characters, one more than needed.
        encoding_aes_key: random(22).slice(0, 43),
    }),
    handle(req, c, ctx) {
        if (req.method === 'GET') {
            // URL verification: signed like a plain push, whatever the mode; the answer is the echostr as sent.
            checkPush(req, ctx, { param: 'signature', token: c.token, scope: `wechat:${c.app_id}` });
            const echostr = req.url.searchParams.get('echostr');
            if (!echostr)
                throw new ChannelRefusal('malformed', 'echostr is missing', 'echostr');
            return { kind: 'reply', status: 200, body: echostr, contentType: 'text/plain; charset=utf-8' };
        }
        const message = mapPush(readPush(req, c, ctx), c);
        return { kind: 'messages', messages: message ? [message] : [], reply: OK };
    },
    sign: signPush,
});
//# sourceMappingURL=adapter.js.map