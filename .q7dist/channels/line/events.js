/**
 * LINE webhook events mapped to Mofang messages. The shapes are those of LINE's webhook definition
 * (https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects, line/line-openapi webhook.yml):
 * only the fields mapped are checked, the rest pass through untouched.
 */
import { Type } from '@sinclair/typebox';
import { ChannelRefusal } from '../adapter.js';
const Source = Type.Object({
    type: Type.String(),
    userId: Type.Optional(Type.String({ minLength: 1 })),
    groupId: Type.Optional(Type.String({ minLength: 1 })),
    roomId: Type.Optional(Type.String({ minLength: 1 })),
});
const Message = Type.Object({
    id: Type.String({ minLength: 1 }),
    type: Type.String(),
    text: Type.Optional(Type.String()),
    fileName: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    address: Type.Optional(Type.String()),
    latitude: Type.Optional(Type.Number()),
    longitude: Type.Optional(Type.Number()),
    /** Images, video and audio: `line` (fetch from the content API) or `external` (originalContentUrl). */
    contentProvider: Type.Optional(Type.Object({ type: Type.String(), originalContentUrl: Type.Optional(Type.String({ minLength: 1 })) })),
});
const Event = Type.Object({
    type: Type.String(),
    /** ms since the epoch. */
    timestamp: Type.Integer(),
    /** ULID of the event, the same on a redelivery (absent from payloads before 2021). */
    webhookEventId: Type.Optional(Type.String({ minLength: 1 })),
    source: Type.Optional(Source),
    message: Type.Optional(Message),
    postback: Type.Optional(Type.Object({ data: Type.String() })),
});
/** The request body: `events` is empty when LINE checks the webhook URL (the console's "Verify" button). */
export const LineBody = Type.Object({ destination: Type.Optional(Type.String()), events: Type.Array(Event) });
/**
 * Events that are not something the customer said: friendship (follow, unfollow), group membership, unsend, beacons,
 * account links, memberships, module control and delivery receipts. They are acknowledged and not kept; follow and
 * unfollow open or close no conversation, since the customer has not written yet (or any more).
 */
const IGNORED = new Set([
    'follow',
    'unfollow',
    'join',
    'leave',
    'memberJoined',
    'memberLeft',
    'unsend',
    'videoPlayComplete',
    'beacon',
    'accountLink',
    'membership',
    'module',
    'activated',
    'deactivated',
    'botSuspended',
    'botResumed',
    'delivery',
    'things',
]);
function contentOf(m, src) {
    if (m.contentProvider?.type === 'external' && m.contentProvider.originalContentUrl)
        return { url: m.contentProvider.originalContentUrl };
    if (!src.accessToken)
        return undefined;
    return {
        url: `${src.dataApiBase}/v2/bot/message/${encodeURIComponent(m.id)}/content`,
        headers: { authorization: `Bearer ${src.accessToken}` },
    };
}
/** The words of a message and its file, by message type; undefined for a type LINE added after this was written. */
function contentsOf(m, src) {
    const file = (kind, name) => {
        const fetch = contentOf(m, src);
        return { kind, ...(name && { name }), ...(fetch && { fetch }) };
    };
    switch (m.type) {
        case 'text':
            return { text: m.text?.trim() || '[text]' };
        case 'image':
            return { text: '[image]', attachment: file('image') };
        case 'video':
            return { text: '[video]', attachment: file('video') };
        case 'audio':
            return { text: '[voice]', attachment: file('audio') };
        case 'file':
            return { text: m.fileName ? `[file] ${m.fileName}` : '[file]', attachment: file('file', m.fileName) };
        case 'location': {
            const place = [m.title, m.address].filter(Boolean).join(', ');
            return { text: `[location] ${place ? `${place} ` : ''}(${m.latitude}, ${m.longitude})` };
        }
        case 'sticker':
            // A message sticker carries the words the customer typed on it.
            return { text: m.text?.trim() ? `[sticker] ${m.text.trim()}` : '[sticker]' };
        default:
            return undefined;
    }
}
/** Who wrote: the user, or (a group member on LINE for PC has no userId) the group or room, unnamed. */
function speakerOf(e, i) {
    const speaker = e.source?.userId ?? e.source?.groupId ?? e.source?.roomId;
    if (!speaker)
        throw new ChannelRefusal('malformed', 'the event has no source user, group or room', `events.${i}.source`);
    return speaker;
}
function mapped(e, speaker, messageId, text, attachment) {
    const user = e.source?.userId;
    const message = {
        messageId,
        conversation: { kind: 'session', user: speaker },
        event: {
            type: 'chat.message',
            channel: 'line',
            ts: e.timestamp,
            ...(user && { customer: { line_user_id: user } }),
            payload: { role: 'customer', text, message_id: messageId },
        },
        ...(attachment && { attachments: [attachment] }),
    };
    return message;
}
/** The Mofang messages of a webhook body; a redelivered event (deliveryContext.isRedelivery) maps as the first. */
export function lineMessages(body, src) {
    const out = [];
    body.events.forEach((e, i) => {
        if (IGNORED.has(e.type))
            return;
        if (e.type === 'postback') {
            if (!e.postback)
                throw new ChannelRefusal('malformed', 'a postback event without postback', `events.${i}.postback`);
            // The customer tapped a button (rich menu, template): its data says what the button asks for. A postback has
            // no message id; its event id is the same on a redelivery.
            const speaker = speakerOf(e, i);
            const id = e.webhookEventId ?? `${speaker}:${e.timestamp}`;
            out.push(mapped(e, speaker, id, `[postback] ${e.postback.data}`));
            return;
        }
        if (e.type !== 'message')
            throw new ChannelRefusal('unknown_type', `LINE event type "${e.type}" is not mapped`, `events.${i}.type`);
        if (!e.message)
            throw new ChannelRefusal('malformed', 'a message event without a message', `events.${i}.message`);
        const contents = contentsOf(e.message, src);
        if (!contents)
            throw new ChannelRefusal('unknown_type', `LINE message type "${e.message.type}" is not mapped`, `events.${i}.message.type`);
        out.push(mapped(e, speakerOf(e, i), e.message.id, contents.text, contents.attachment));
    });
    return out;
}
//# sourceMappingURL=events.js.map