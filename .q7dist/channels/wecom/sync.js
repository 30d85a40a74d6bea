import { apiUrl } from '../wechat/api.js';
import { DEFAULT_WECOM_API_BASE, WeComApiError, callApi, withAccessToken } from './api.js';
/** Messages asked for per page: the documented default and maximum. */
const PAGE_LIMIT = 1000;
/** Pages read per callback at most, so the answer comes within WeCom's five seconds; the next callback goes on. */
const MAX_PAGES = 10;
/** msg_list.origin of a message the WeChat customer sent (4: a system event, 5: an agent in the WeCom client). */
const FROM_CUSTOMER = 3;
const cursorKey = (openKfId) => `kf_cursor:${openKfId}`;
/**
 * Reads what is waiting for one customer-service account. The cursor is saved once every page is read: a failure
 * half-way reads the same pages again next time, and ingest's dedup on the message id absorbs the repeats.
 */
export async function syncMessages(ctx, access, callback, now) {
    const saved = await ctx.state.get(cursorKey(callback.openKfId));
    const { result, token } = await withAccessToken(ctx, access, now, async (accessToken) => {
        const entries = [];
        let cursor = saved;
        for (let page = 0; page < MAX_PAGES; page++) {
            const body = { cursor, token: callback.token, limit: PAGE_LIMIT, open_kfid: callback.openKfId };
            const answer = await callApi(ctx, access, '/cgi-bin/kf/sync_msg', { access_token: accessToken }, body);
            if (!Array.isArray(answer.msg_list))
                throw new WeComApiError('/cgi-bin/kf/sync_msg', undefined, 'no msg_list');
            entries.push(...answer.msg_list.filter((e) => typeof e === 'object' && e !== null));
            if (typeof answer.next_cursor === 'string' && answer.next_cursor)
                cursor = answer.next_cursor;
            // An empty page may still have more behind it: has_more decides, not the list.
            if (answer.has_more !== 1)
                break;
        }
        return { entries, cursor };
    });
    if (result.cursor && result.cursor !== saved)
        await ctx.state.put(cursorKey(callback.openKfId), result.cursor);
    return { entries: result.entries, token };
}
const str = (v) => (typeof v === 'string' && v ? v : undefined);
const words = (...parts) => parts.filter((p) => typeof p === 'string' && p).join(' ');
function file(body, kind, url, name) {
    const mediaId = str(body.media_id);
    return { kind, ...(name && { name }), ...(mediaId && { fetch: { url: url(mediaId) } }) };
}
/** The words and file of each documented msgtype; any other type keeps its name as the placeholder. */
const CONTENT = {
    text: (b) => ({ text: str(b.content) ?? '[text]' }),
    image: (b, url) => ({ text: '[image]', attachment: file(b, 'image', url) }),
    // sync_msg is asked for the default voice_format 0: AMR.
    voice: (b, url) => ({
        text: '[voice]',
        attachment: { ...file(b, 'audio', url, 'voice.amr'), contentType: 'audio/amr' },
    }),
    video: (b, url) => ({ text: '[video]', attachment: file(b, 'video', url) }),
    file: (b, url) => ({ text: '[file]', attachment: file(b, 'file', url) }),
    location: (b) => {
        const where = typeof b.latitude === 'number' ? `(${b.latitude}, ${b.longitude})` : undefined;
        return { text: words('[location]', b.name, b.address, where) };
    },
    link: (b) => ({ text: words('[link]', b.title, b.url) }),
    miniprogram: (b) => ({ text: words('[miniprogram]', b.title) }),
};
/**
 * Maps one entry. Only the customer's own messages become events: system events (enter_session, msg_send_fail…)
 * and what agents typed in the WeCom client are not the customer's words. An entry without its ids cannot be keyed
 * and is skipped; it cannot be refused, since the rest of the page is good.
 */
export function mapEntry(entry, access, token) {
    const msgid = str(entry.msgid);
    const user = str(entry.external_userid);
    const sent = entry.send_time;
    const type = str(entry.msgtype);
    // The documents' own examples show events with origin 3: the type decides too.
    if (entry.origin !== FROM_CUSTOMER || type === 'event')
        return null;
    if (!msgid || !user || typeof sent !== 'number' || !type)
        return null;
    const body = (typeof entry[type] === 'object' && entry[type]) || {};
    const base = access.api_base ?? DEFAULT_WECOM_API_BASE;
    const url = (media_id) => apiUrl(base, '/cgi-bin/media/get', { access_token: token, media_id });
    // Own keys only: a msgtype named like an Object method ("constructor") is just another unknown type.
    const content = Object.hasOwn(CONTENT, type) ? CONTENT[type] : undefined;
    const { text, attachment } = content?.(body, url) ?? { text: `[${type}]` };
    return {
        messageId: msgid,
        // Not open_kfid + user as a thread: a customer who comes back later starts a new contact, as on WeChat.
        conversation: { kind: 'session', user },
        event: {
            type: 'chat.message',
            channel: 'wecom',
            ts: sent * 1000,
            customer: { wecom_external_userid: user },
            payload: { role: 'customer', text, message_id: msgid },
        },
        ...(attachment && { attachments: [attachment] }),
    };
}
//# sourceMappingURL=sync.js.map