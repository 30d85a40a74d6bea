const json = (res, body, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
async function readBody(req) {
    const chunks = [];
    for await (const chunk of req)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString();
}
/** The msg_list entry WeCom would hold for a customer's sample message. */
function entryOf(sample, openKfId) {
    const base = {
        msgid: sample.messageId,
        open_kfid: openKfId,
        external_userid: sample.userId,
        send_time: Math.floor(sample.ts / 1000),
        origin: 3,
    };
    if (sample.imageUrl !== undefined)
        return { ...base, msgtype: 'image', image: { media_id: mediaIdOf(sample) } };
    return { ...base, msgtype: 'text', text: { content: sample.text ?? '' } };
}
const mediaIdOf = (sample) => `media-${sample.messageId}`;
export function createKfStandIn(opts) {
    const log = [];
    /** media_id → where the sample's file really is (media/get redirects there). */
    const media = new Map();
    const issued = new Set(opts.accessToken ? [opts.accessToken] : []);
    const calls = { gettoken: 0, sync_msg: 0 };
    const answer = async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://stand-in');
        if (url.pathname.endsWith('/cgi-bin/gettoken')) {
            if (url.searchParams.get('corpid') !== opts.corpId || url.searchParams.get('corpsecret') !== opts.secret)
                return json(res, { errcode: 40001, errmsg: 'invalid credential' });
            const token = `tok-${++calls.gettoken}`;
            issued.add(token);
            return json(res, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
        }
        if (!issued.has(url.searchParams.get('access_token') ?? ''))
            return json(res, { errcode: 40014, errmsg: 'invalid access_token' });
        if (url.pathname.endsWith('/cgi-bin/media/get')) {
            const to = media.get(url.searchParams.get('media_id') ?? '');
            if (!to)
                return json(res, { errcode: 40007, errmsg: 'invalid media_id' });
            return res.writeHead(302, { location: to }).end();
        }
        if (url.pathname.endsWith('/cgi-bin/kf/sync_msg') && req.method === 'POST') {
            calls.sync_msg++;
            const body = JSON.parse((await readBody(req)) || '{}');
            const mine = log.filter((e) => !body.open_kfid || e.open_kfid === body.open_kfid);
            // The cursor is opaque to the caller; here it is the position in this account's messages.
            const from = Number(body.cursor ?? 0);
            const to = Math.min(mine.length, from + Math.min(body.limit ?? 1000, opts.pageSize ?? 1000));
            return json(res, {
                errcode: 0,
                errmsg: 'ok',
                next_cursor: String(to),
                has_more: to < mine.length ? 1 : 0,
                msg_list: mine.slice(from, to),
            });
        }
        json(res, { errcode: 404, errmsg: `no such API: ${url.pathname}` }, 404);
    };
    return {
        /** Holds a customer's message for sync_msg (as an image message when it has an imageUrl). */
        push(sample, openKfId) {
            log.push(entryOf(sample, openKfId));
            if (sample.imageUrl !== undefined)
                media.set(mediaIdOf(sample), sample.imageUrl);
        },
        /** Holds an entry as given (system events, agents' messages, types the samples do not make). */
        pushEntry(entry) {
            log.push(entry);
        },
        /** Makes the tokens gettoken issued invalid, as when WeCom expires them early. */
        revokeTokens() {
            issued.clear();
            if (opts.accessToken)
                issued.add(opts.accessToken);
        },
        calls,
        listener: ((req, res) => {
            answer(req, res).catch((err) => json(res, { errcode: -1, errmsg: err.message }, 500));
        }),
    };
}
//# sourceMappingURL=kf-stand-in.js.map