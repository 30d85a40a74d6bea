/**
 * Messenger webhook events mapped to Mofang messages, from the Messenger Platform's webhook reference
 * (https://developers.facebook.com/docs/messenger-platform/reference/webhook-events: messages, message_echoes,
 * messaging_postbacks, message_deliveries, message_reads, message_reactions…). Only the fields mapped are checked.
 */
import { Type } from '@sinclair/typebox';
import { MAX_ATTACHMENTS } from '../../core/index.js';
import { ChannelRefusal } from '../adapter.js';
const Party = Type.Object({ id: Type.Optional(Type.String({ minLength: 1 })) });
const Attachment = Type.Object({
    type: Type.String(),
    /** Absent or null for a share Messenger cannot describe (a `fallback` without payload). */
    payload: Type.Optional(Type.Union([
        Type.Null(),
        Type.Object({
            url: Type.Optional(Type.String({ minLength: 1 })),
            title: Type.Optional(Type.String()),
            sticker_id: Type.Optional(Type.Union([Type.Number(), Type.String()])),
        }),
    ])),
});
const Messaging = Type.Object({
    sender: Type.Optional(Party),
    recipient: Type.Optional(Party),
    /** ms since the epoch. */
    timestamp: Type.Optional(Type.Number()),
    message: Type.Optional(Type.Object({
        mid: Type.String({ minLength: 1 }),
        text: Type.Optional(Type.String()),
        /** The Page's own message (sent from the Page inbox or by an app), echoed back. */
        is_echo: Type.Optional(Type.Boolean()),
        attachments: Type.Optional(Type.Array(Attachment)),
    })),
    postback: Type.Optional(Type.Object({
        mid: Type.Optional(Type.String({ minLength: 1 })),
        title: Type.Optional(Type.String()),
        payload: Type.Optional(Type.String()),
    })),
});
const Entry = Type.Object({
    /** The Page id. */
    id: Type.String(),
    time: Type.Optional(Type.Number()),
    messaging: Type.Optional(Type.Array(Messaging)),
    /** The same events while another app owns the thread (handover protocol). */
    standby: Type.Optional(Type.Array(Messaging)),
});
export const MessengerBody = Type.Object({ object: Type.String(), entry: Type.Array(Entry) });
/**
 * Events that are not something said in the conversation: receipts, reactions, referrals, opt-ins, account links,
 * policy notices, thread control (handover), edits, games. Acknowledged, not kept.
 */
const IGNORED = [
    'delivery',
    'read',
    'reaction',
    'referral',
    'optin',
    'account_linking',
    'policy_enforcement',
    'pass_thread_control',
    'take_thread_control',
    'request_thread_control',
    'app_roles',
    'message_edit',
    'game_play',
];
const MEDIA = {
    image: { kind: 'image', text: '[image]' },
    audio: { kind: 'audio', text: '[voice]' },
    video: { kind: 'video', text: '[video]' },
    file: { kind: 'file', text: '[file]' },
};
/** A sticker arrives as `sticker`, or (until the 2026 transition ends) as an `image` with a sticker_id. */
const isSticker = (a) => a.type === 'sticker' || a.payload?.sticker_id !== undefined;
/** What an attachment says in words: media by kind, a shared link by its title or URL, anything else by its type. */
function wordsOf(a) {
    if (isSticker(a))
        return '[sticker]';
    if (MEDIA[a.type])
        return MEDIA[a.type].text;
    if (a.type === 'fallback')
        return `[link] ${a.payload?.title ?? a.payload?.url ?? ''}`.trim();
    return `[${a.type}]`;
}
/** The files Messenger serves at the attachment's URL (the CDN URL needs no token). */
function filesOf(attachments) {
    const files = [];
    for (const a of attachments) {
        const media = MEDIA[a.type];
        if (media && !isSticker(a) && a.payload?.url)
            files.push({ kind: media.kind, fetch: { url: a.payload.url } });
    }
    return files.slice(0, MAX_ATTACHMENTS);
}
function mapped(where, psid, role, messageId, ts, text, files = []) {
    if (!psid)
        throw new ChannelRefusal('malformed', 'no PSID of the person in the conversation', where);
    return {
        messageId,
        conversation: { kind: 'session', user: psid },
        event: {
            type: 'chat.message',
            channel: 'facebook',
            ts,
            customer: { facebook_psid: psid },
            payload: { role, text, message_id: messageId },
        },
        ...(files.length && { attachments: files }),
    };
}
function mapItem(item, where, ts) {
    if (item.message) {
        const m = item.message;
        const attachments = m.attachments ?? [];
        // Each kind once: a sticker sent under two types in the 2026 transition, or three photos, read "[image]".
        const text = m.text?.trim() || [...new Set(attachments.map(wordsOf))].join(' ') || '[message]';
        // An echo is the Page talking to the person (recipient): the Page's agents answering from Meta's inbox, which
        // Mofang has no other way to see. Kept as the agent's message, so response times and QA cover the answers.
        if (m.is_echo)
            return mapped(`${where}.recipient`, item.recipient?.id, 'agent', m.mid, ts, text, filesOf(attachments));
        return mapped(`${where}.sender`, item.sender?.id, 'customer', m.mid, ts, text, filesOf(attachments));
    }
    if (item.postback) {
        // A tapped button (postback button, Get Started, persistent menu): the customer's choice, by its title.
        const psid = item.sender?.id;
        const text = item.postback.title?.trim() || `[postback] ${item.postback.payload ?? ''}`.trim();
        // Older postbacks have no mid: sender and time identify the tap, and are the same on a resend.
        return mapped(`${where}.sender`, psid, 'customer', item.postback.mid ?? `postback:${psid}:${ts}`, ts, text);
    }
    if (IGNORED.some((key) => key in item))
        return undefined;
    const keys = Object.keys(item).filter((k) => !['sender', 'recipient', 'timestamp'].includes(k));
    throw new ChannelRefusal('unknown_type', `Messenger event "${keys.join(', ') || '(empty)'}" is not mapped`, where);
}
/** The Mofang messages of a webhook body (one body may batch events of several entries and people). */
export function messengerMessages(body, now) {
    if (body.object !== 'page')
        throw new ChannelRefusal('unknown_type', `object "${body.object}" is not Messenger (expected "page")`, 'object');
    const out = [];
    body.entry.forEach((entry, e) => {
        for (const key of ['messaging', 'standby'])
            entry[key]?.forEach((item, i) => {
                const m = mapItem(item, `entry.${e}.${key}.${i}`, item.timestamp ?? entry.time ?? now);
                if (m)
                    out.push(m);
            });
    });
    return out;
}
//# sourceMappingURL=events.js.map