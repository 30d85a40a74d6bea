/**
 * DingTalk robot messages (机器人接收消息, https://open.dingtalk.com/document/orgapp/receive-message) mapped to Mofang
 * messages. The shapes follow the document and the official Stream SDK's ChatbotMessage
 * (https://github.com/open-dingtalk/dingtalk-stream-sdk-python, dingtalk_stream/chatbot.py): `text.content` for
 * text, `content.downloadCode` for pictures, `content.richText[]` (text and picture parts) for rich text,
 * `content.recognition` (DingTalk's speech recognition) for voice, `content.fileName` for files.
 */
import { Type } from '@sinclair/typebox';
import { MAX_ATTACHMENTS } from '../../core/index.js';
import { ChannelRefusal } from '../adapter.js';
import { shaped } from '../signature.js';
export const DingTalkBody = Type.Object({
    msgtype: Type.String(),
    /** Encrypted message id. */
    msgId: Type.String({ minLength: 1 }),
    /** ms since the epoch (a number in practice; the document types it as a string). */
    createAt: Type.Optional(Type.Union([Type.Number(), Type.String()])),
    /** 1 = one-to-one, 2 = group. */
    conversationType: Type.Optional(Type.String()),
    /** The sender's user id in the organisation: present for members of the robot's organisation. */
    senderStaffId: Type.Optional(Type.String({ minLength: 1 })),
    /** The sender's encrypted DingTalk id: always present. */
    senderId: Type.Optional(Type.String({ minLength: 1 })),
    senderNick: Type.Optional(Type.String()),
    text: Type.Optional(Type.Object({ content: Type.String() })),
    /** Shaped by msgtype: checked once the type is known. */
    content: Type.Optional(Type.Unknown()),
});
const Media = Type.Object({
    downloadCode: Type.String({ minLength: 1 }),
    fileName: Type.Optional(Type.String()),
    recognition: Type.Optional(Type.String()),
});
const RichText = Type.Object({
    richText: Type.Array(Type.Object({ text: Type.Optional(Type.String()), downloadCode: Type.Optional(Type.String({ minLength: 1 })) })),
});
/** The words and files of a message, by msgtype; a type not listed here → `unknown_type`. */
export function contentsOf(body) {
    const media = (kind) => {
        const c = shaped(Media, body.content, 'content');
        return { c, files: [{ kind, downloadCode: c.downloadCode, ...(c.fileName && { name: c.fileName }) }] };
    };
    switch (body.msgtype) {
        case 'text': {
            if (!body.text)
                throw new ChannelRefusal('malformed', 'a text message without text', 'text');
            // A group message starts with the robot's @-mention stripped to a space: " 你好".
            return { text: body.text.content.trim() || '[text]', files: [] };
        }
        case 'picture':
            return { text: '[image]', files: media('image').files };
        case 'richText': {
            const parts = shaped(RichText, body.content, 'content').richText;
            const text = parts
                .map((p) => p.text ?? '')
                .join('')
                .trim();
            const files = parts.flatMap((p) => p.downloadCode ? [{ kind: 'image', downloadCode: p.downloadCode }] : []);
            return { text: text || '[image]', files: files.slice(0, MAX_ATTACHMENTS) };
        }
        case 'audio': {
            const { c, files } = media('audio');
            return { text: c.recognition?.trim() || '[voice]', files };
        }
        case 'video':
            return { text: '[video]', files: media('video').files };
        case 'file': {
            const { c, files } = media('file');
            return { text: c.fileName ? `[file] ${c.fileName}` : '[file]', files };
        }
        default:
            throw new ChannelRefusal('unknown_type', `DingTalk msgtype "${body.msgtype}" is not mapped`, 'msgtype');
    }
}
//# sourceMappingURL=messages.js.map