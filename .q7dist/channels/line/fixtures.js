/**
 * Webhook bodies as LINE documents them, for the tests. Sources:
 * - https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects (message, follow, unfollow,
 *   postback, unsend events; text, image, audio, file, location and sticker message objects; deliveryContext)
 * - https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature/ (the empty `events` of the
 *   console's "Verify" request)
 * - https://github.com/line/line-openapi/blob/main/webhook.yml (the schema: required fields, contentProvider)
 * - https://github.com/line/line-bot-sdk-python/blob/master/tests/text/webhook.json (the SDK's sample events)
 */
const USER = 'U206d25c2ea6bd87c17655609a1c37cb8';
const GROUP = 'Ca56f94637cc4347f90a25382909b24b9';
export const LINE_USER = USER;
export const LINE_TIMESTAMP = 1462629479859;
const event = (type, extra, webhookEventId = '01FZ74A0TDDPYRVKNK77XKC3ZR') => ({
    replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
    type,
    mode: 'active',
    timestamp: LINE_TIMESTAMP,
    source: { type: 'user', userId: USER },
    webhookEventId,
    deliveryContext: { isRedelivery: false },
    ...extra,
});
export const textEvent = event('message', {
    source: { type: 'group', groupId: GROUP, userId: USER },
    message: {
        id: '444573844083572737',
        type: 'text',
        quoteToken: 'q3Plxr4AgKd',
        text: '@All @example Good Morning!! (love)',
        emojis: [{ index: 29, length: 6, productId: '5ac1bfd5040ab15980c9b435', emojiId: '001' }],
    },
});
/** An image the customer sent from the LINE app: its bytes are at the content API. */
export const imageEvent = event('message', {
    message: {
        type: 'image',
        id: '354718705033693859',
        quoteToken: 'q3Plxr4AgKd',
        contentProvider: { type: 'line' },
        imageSet: { id: 'E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855', index: 1, total: 2 },
    },
}, '01FZ74A0TDDPYRVKNK77XKC3ZS');
/** An image sent through LIFF or another external provider: its bytes are at originalContentUrl. */
export const externalImageEvent = event('message', {
    message: {
        id: '325708',
        type: 'image',
        quoteToken: 'q3Plxr4AgKd',
        contentProvider: {
            type: 'external',
            originalContentUrl: 'https://example.com/original.jpg',
            previewImageUrl: 'https://example.com/preview.jpg',
        },
    },
});
export const audioEvent = event('message', {
    message: { id: '325709', type: 'audio', duration: 60000, contentProvider: { type: 'line' } },
});
export const fileEvent = event('message', {
    message: { id: '325710', type: 'file', fileName: 'file.txt', fileSize: 2138 },
});
export const locationEvent = event('message', {
    message: {
        id: '325711',
        type: 'location',
        title: 'my location',
        address: 'Tokyo',
        latitude: 35.65910807942215,
        longitude: 139.70372892916203,
    },
});
export const stickerEvent = event('message', {
    message: {
        type: 'sticker',
        id: '1501597916',
        quoteToken: 'q3Plxr4AgKd',
        stickerId: '52002738',
        packageId: '11537',
        stickerResourceType: 'ANIMATION',
        keywords: ['cony', 'sally', 'Staring', 'hi', 'whatsup', 'line', 'howdy', 'HEY', 'Peeking', 'wave', 'peek', 'Hello'],
    },
});
export const postbackEvent = event('postback', { postback: { data: 'action=buy&itemid=111', params: { datetime: '2017-12-25T01:00' } } }, '01FZ74A0TDDPYRVKNK77XKC3ZT');
export const followEvent = event('follow', { follow: { isUnblocked: false } });
export const unfollowEvent = event('unfollow', {});
export const unsendEvent = event('unsend', { unsend: { messageId: '325708' } });
/** A type LINE has not documented (LINE's own SDK tests use this shape for "a future event"). */
export const futureEvent = event('greatNewEvent', { greatNewField: 'aaaa' });
/** A message object of a type LINE has not documented. */
export const futureMessageEvent = event('message', { message: { id: '325712', type: 'hologram' } });
/** A body of events, as LINE posts it. */
export const lineBody = (...events) => ({ destination: 'U44d64355f3d939f4db74649d82d0ffff', events });
//# sourceMappingURL=fixtures.js.map