/**
 * Webhook bodies as the Messenger Platform documents them, for the tests (the documents' `<PSID>` and `<PAGE_ID>`
 * placeholders filled with ids of the documented form). Sources:
 * - https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messages (text, reply, message
 *   with attachment, sticker, fallback)
 * - https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-echoes
 * - https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messaging_postbacks
 * - https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/message-deliveries,
 *   …/message-reads, …/message-reactions
 * - https://developers.facebook.com/docs/messenger-platform/webhooks (the `object`/`entry` envelope, the GET
 *   verification request)
 */
export const PSID = '1254459154682919';
export const PAGE_ID = '682498302938465';
const party = { sender: { id: PSID }, recipient: { id: PAGE_ID } };
export const textItem = {
    ...party,
    timestamp: 1458692752478,
    message: {
        mid: 'mid.1457764197618:41d102a3e1ae206a38',
        text: 'hello, world!',
        quick_reply: { payload: '<DEVELOPER_DEFINED_PAYLOAD>' },
    },
};
export const replyItem = {
    ...party,
    timestamp: 1458692752478,
    message: {
        mid: 'm_1457764197618:41d102a3e1ae206a38',
        text: 'hello, world!',
        reply_to: { mid: 'm_1fTq8oLumEyIp3Q2MR-aY7IfLZDamVrALniheU', is_self_reply: false },
    },
};
export const imageItem = {
    ...party,
    timestamp: 1518479195308,
    message: {
        mid: 'mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c',
        attachments: [{ type: 'image', payload: { url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.png' } }],
    },
};
export const audioItem = {
    ...party,
    timestamp: 1518479195309,
    message: {
        mid: 'mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_d',
        attachments: [{ type: 'audio', payload: { url: 'https://cdn.fbsbx.com/v/t59.3654-21/audioclip.mp4' } }],
    },
};
/** The thumbs-up: a sticker, during the 2026 transition sent both as `sticker` and as an image with sticker_id. */
export const stickerItem = {
    ...party,
    timestamp: 1518479195310,
    message: {
        mid: 'mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_e',
        attachments: [
            {
                type: 'sticker',
                payload: { url: 'https://scontent.xx.fbcdn.net/v/t39.1997-6/like.png', sticker_id: 369239263222822 },
            },
            {
                type: 'image',
                payload: { url: 'https://scontent.xx.fbcdn.net/v/t39.1997-6/like.png', sticker_id: 369239263222822 },
            },
        ],
    },
};
/** A link the person shared: Messenger sends it as a `fallback` attachment. */
export const fallbackItem = {
    ...party,
    timestamp: 1518479195311,
    message: {
        mid: 'mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_f',
        attachments: [{ type: 'fallback', payload: { url: 'https://example.com/order/42', title: 'Order #42' } }],
    },
};
/** The Page's own message (from the Page inbox, or an app), echoed: sender is the Page, recipient the person. */
export const echoItem = {
    sender: { id: PAGE_ID },
    recipient: { id: PSID },
    timestamp: 1457764197627,
    message: {
        is_echo: true,
        app_id: 1517776481860111,
        metadata: '<DEVELOPER_DEFINED_METADATA_STRING>',
        mid: 'mid.1457764197618:41d102a3e1ae206a39',
        text: 'Your order ships today.',
    },
};
export const postbackItem = {
    ...party,
    timestamp: 1458692752478,
    postback: {
        mid: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P',
        title: 'Talk to an agent',
        payload: 'TALK_TO_AGENT',
        referral: { ref: '<USER_DEFINED_REFERRAL_PARAM>', source: 'SHORTLINK', type: 'OPEN_THREAD' },
    },
};
export const deliveryItem = {
    ...party,
    delivery: { mids: ['mid.1458668856218:ed81099e15d3f4f233'], watermark: 1458668856253 },
};
export const readItem = { ...party, timestamp: 1458668856463, read: { watermark: 1458668856253 } };
export const reactionItem = {
    ...party,
    timestamp: 1458668856463,
    reaction: { reaction: 'love', emoji: '\u2764\uFE0F', action: 'react', mid: 'mid.1457764197618:41d102a3e1ae206a38' },
};
/** An event of a kind the webhook reference does not list. */
export const futureItem = { ...party, timestamp: 1458668856463, hologram: { id: '1' } };
/** A body of events, as Messenger posts it (one entry per Page). */
export const pageBody = (...messaging) => ({
    object: 'page',
    entry: [{ id: PAGE_ID, time: 1458692752478, messaging }],
});
//# sourceMappingURL=fixtures.js.map