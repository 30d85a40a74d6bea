import { digest } from '../core/index.js';
import { BodyTooLarge, readBody, sendJson } from '../kits/http/index.js';
import { SubmitError } from '../ingest/index.js';
import { ChannelRefusal, } from './adapter.js';
import { ReplayWindow } from './replay.js';
const EVENT_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** The event id of a platform message: readable when the platform's id allows it, a digest otherwise. */
export function eventIdOf(platform, messageId) {
    return EVENT_ID.test(messageId) ? `${platform}:${messageId}` : `${platform}:h:${digest(messageId, 32)}`;
}
/** The interaction of a thread the platform names (an e-mail thread, a WeCom conversation). */
export const threadInteractionId = (tenant, platform, thread) => `${platform}-${digest(`${tenant}\u0000${thread}`, 20)}`;
/**
 * The adapter's state as it sees it, written through only once the messages are stored: a sync cursor moved past
 * messages that then failed to publish would skip them when the platform calls again.
 */
function heldState(store) {
    const puts = new Map();
    return {
        get: async (key) => puts.get(key) ?? store.get(key),
        put: async (key, value) => void puts.set(key, value),
        async commit() {
            for (const [key, value] of puts)
                await store.put(key, value);
        },
    };
}
/**
 * The replay window as the adapter sees it, recording the request's nonces only once its messages are stored: a
 * platform resends a request that failed (503) with the same nonce, and that retry must get through.
 */
function heldReplay(window) {
    const keys = [];
    return {
        windowMs: window.windowMs,
        seen(key, now) {
            if (window.has(key, now) || keys.includes(key))
                return true;
            keys.push(key);
            return false;
        },
        commit(now) {
            for (const key of keys)
                window.seen(key, now);
        },
    };
}
export function createChannelEndpoint(deps) {
    const windows = new Map();
    const replayOf = (tenant, platform) => {
        const key = `${tenant}/${platform}`;
        let w = windows.get(key);
        if (!w)
            windows.set(key, (w = new ReplayWindow({ windowMs: deps.replayWindowMs })));
        return w;
    };
    /** The events of one message: `chat.started` first when it opens a conversation, then the message. */
    async function eventsOf(tenant, platform, m) {
        const attachments = await Promise.all((m.attachments ?? []).map((a) => deps.attachments.put(tenant, a)));
        const payload = attachments.length ? { ...m.event.payload, attachments } : m.event.payload;
        const event_id = eventIdOf(platform, m.messageId);
        if (m.conversation.kind === 'thread') {
            const interaction_id = threadInteractionId(tenant, platform, m.conversation.id);
            return [{ ...m.event, tenant, event_id, interaction_id, ...(payload && { payload }) }];
        }
        const session = await deps.sessions.locate(tenant, platform, m.conversation.user, m.messageId, m.event.ts);
        const interaction_id = session.interactionId;
        const message = { ...m.event, tenant, event_id, interaction_id, ...(payload && { payload }) };
        if (!session.started || !m.event.type.startsWith('chat.'))
            return [message];
        const { customer, customer_name, channel, ts } = m.event;
        const started = {
            tenant,
            event_id: `${interaction_id}:started`,
            interaction_id,
            channel,
            ts,
            type: 'chat.started',
            ...(customer && { customer }),
            ...(customer_name && { customer_name }),
            payload: { entry: platform },
        };
        return [started, message];
    }
    /**
     * Stores mapped messages: attachments kept, conversations found, then published through ingest. Resolves once
     * JetStream acknowledged them; throws otherwise (the platform, or the IMAP poller, sends them again).
     */
    async function deliver(tenant, platform, messages, now = Date.now()) {
        const events = [];
        for (const m of messages)
            events.push(...(await eventsOf(tenant, platform, m)));
        if (events.length)
            await deps.submit(tenant, events);
        deps.board.stored(tenant, platform, messages.length, now);
    }
    /** Answers one webhook request (the route matched `tenant` and `platform`). */
    async function handle(req, res, tenant, platform) {
        const now = Date.now();
        const adapter = deps.adapters.get(platform);
        const credentials = deps.credentials.get(tenant)?.get(platform);
        try {
            if (!adapter || credentials === undefined)
                throw new ChannelRefusal('not_configured', `no ${platform} channel is configured for tenant ${tenant}`);
            let body;
            try {
                body = await readBody(req, deps.maxBodyBytes);
            }
            catch (err) {
                if (err instanceof BodyTooLarge)
                    throw new ChannelRefusal('too_large', `body larger than ${deps.maxBodyBytes} bytes`, 'body');
                throw err;
            }
            const url = new URL(req.url ?? '/', 'http://localhost');
            const method = req.method === 'GET' ? 'GET' : 'POST';
            const state = heldState(deps.state(tenant, platform));
            const replay = heldReplay(replayOf(tenant, platform));
            const ctx = { replay, fetch: deps.fetch ?? fetch, state };
            const result = await adapter.handle({ method, url, headers: req.headers, body, now }, credentials, ctx);
            if (result.kind === 'reply') {
                res.writeHead(result.status, { 'content-type': result.contentType ?? 'text/plain; charset=utf-8' });
                return void res.end(result.body);
            }
            await deliver(tenant, platform, result.messages, now);
            await state.commit();
            replay.commit(now);
            res.writeHead(200, { 'content-type': result.reply?.contentType ?? 'text/plain; charset=utf-8' });
            res.end(result.reply?.body ?? '');
        }
        catch (err) {
            answerFailure(res, err, tenant, platform, now, credentials !== undefined);
        }
    }
    function answerFailure(res, err, tenant, platform, now, configured) {
        // Rows exist only for configured channels: a stranger probing other paths must not grow the board.
        const count = (reason, text) => configured && deps.board.failed(tenant, platform, reason, text, now);
        if (err instanceof ChannelRefusal) {
            count(err.code, err.message);
            return sendJson(res, err.status, { error: err.code, reason: err.message, ...(err.field && { field: err.field }) });
        }
        if (err instanceof SubmitError && err.code === 'invalid') {
            count('mapping_invalid', err.message);
            deps.log?.(`channels: ${tenant}/${platform}: a mapped message is not a valid event: ${err.message}`);
            return sendJson(res, 422, { error: 'invalid_message', reason: err.message });
        }
        const reason = err.message;
        count('unavailable', reason);
        deps.log?.(`channels: ${tenant}/${platform}: not stored, the platform will resend: ${reason}`);
        sendJson(res, 503, { error: 'unavailable', reason: `not stored, retry: ${reason}` }, { 'retry-after': '5' });
    }
    return { handle, deliver };
}
//# sourceMappingURL=endpoint.js.map