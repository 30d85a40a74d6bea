/**
 * A WeChat Official Account push, mapped to a Mofang chat message. Written from 接收普通消息 and 接收事件推送:
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
 * Media downloads: 获取临时素材, https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_temporary_materials.html
 */
import { ChannelRefusal } from '../adapter.js';
import { apiUrl } from './api.js';
import { field, requiredField } from './xml.js';
export const DEFAULT_API_BASE = 'https://api.weixin.qq.com';
/**
 * Where the media API (`cgi-bin/media/get`) serves a file. It takes the access token in the query (the attachment
 * store keeps the URL without its query). Without a token there is nowhere to fetch from: the file is recorded only.
 */
function mediaApi(mediaId, access) {
    if (!access.access_token)
        return undefined;
    const query = { access_token: access.access_token, media_id: mediaId };
    return { url: apiUrl(access.api_base ?? DEFAULT_API_BASE, '/cgi-bin/media/get', query) };
}
const VOICE_TYPES = { amr: 'audio/amr', speex: 'audio/speex', mp3: 'audio/mpeg' };
// The media API answers a video with JSON naming a download URL, not the file: recorded, not fetched.
const video = (xml) => ({
    text: '[video]',
    attachments: [{ kind: 'video', name: `${requiredField(xml, 'MediaId')}.mp4` }],
});
/** The words and files of each message type the platform documents (MsgType → content). */
const CONTENT = {
    text: (xml) => ({ text: requiredField(xml, 'Content') }),
    image: (xml) => ({ text: '[image]', attachments: [{ kind: 'image', fetch: { url: requiredField(xml, 'PicUrl') } }] }),
    voice: (xml, access) => {
        const format = field(xml, 'Format')?.toLowerCase() ?? 'amr';
        const note = {
            kind: 'audio',
            name: `voice.${format}`,
            contentType: VOICE_TYPES[format],
            fetch: mediaApi(requiredField(xml, 'MediaId'), access),
        };
        // With speech recognition switched on, WeChat sends its transcript of the note as Recognition.
        return { text: field(xml, 'Recognition') ?? '[voice]', attachments: [note] };
    },
    video,
    shortvideo: video,
    location: (xml) => {
        const where = `(${requiredField(xml, 'Location_X')}, ${requiredField(xml, 'Location_Y')})`;
        return { text: ['[location]', field(xml, 'Label'), where].filter(Boolean).join(' ') };
    },
    link: (xml) => ({ text: ['[link]', field(xml, 'Title'), requiredField(xml, 'Url')].filter(Boolean).join(' ') }),
};
/**
 * Maps one push. Events (subscribe, unsubscribe, SCAN, LOCATION, CLICK, VIEW, template and mass-send reports…) are
 * not messages from a customer: they return null and are acknowledged without storing anything.
 */
export function mapPush(xml, access) {
    const type = requiredField(xml, 'MsgType');
    if (type === 'event')
        return null;
    // Own keys only: a MsgType named like an Object method ("constructor") is just another unknown type.
    const content = Object.hasOwn(CONTENT, type) ? CONTENT[type] : undefined;
    if (!content)
        throw new ChannelRefusal('unknown_type', `MsgType ${type} is not mapped`, 'MsgType');
    const openid = requiredField(xml, 'FromUserName');
    const created = Number(requiredField(xml, 'CreateTime'));
    if (!Number.isSafeInteger(created) || created <= 0)
        throw new ChannelRefusal('malformed', 'CreateTime is not a Unix time in seconds', 'CreateTime');
    // The documents spell it MsgId in the XML and MsgID in one table; accept both.
    const messageId = field(xml, 'MsgId') ?? field(xml, 'MsgID');
    if (!messageId)
        throw new ChannelRefusal('malformed', 'MsgId is missing', 'MsgId');
    const { text, attachments } = content(xml, access);
    return {
        messageId,
        conversation: { kind: 'session', user: openid },
        event: {
            type: 'chat.message',
            channel: 'wechat',
            ts: created * 1000,
            customer: { wechat_openid: openid },
            payload: { role: 'customer', text, message_id: messageId },
        },
        ...(attachments && { attachments }),
    };
}
//# sourceMappingURL=messages.js.map