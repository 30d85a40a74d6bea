const isCustomerMessage = (e) => (e.type === 'chat.message' || e.type === 'ticket.comment') && e.payload?.role === 'customer';
/** A stable pick that draws nothing from the simulation's random stream (the seeded runs stay as they were). */
const picked = (id, share) => {
    let h = 2166136261;
    for (let i = 0; i < id.length; i++)
        h = Math.imul(h ^ id.charCodeAt(i), 16777619);
    return (h >>> 0) / 2 ** 32 < share;
};
export class ChannelRelay {
    opts;
    chats = new Map();
    outbox = [];
    sending;
    counts = { relayed: 0, refused: 0 };
    constructor(opts) {
        this.opts = opts;
    }
    stats() {
        return { ...this.counts, waiting: this.outbox.length };
    }
    /** The events for /v1/events; the customers' messages of relayed chats go to the outbox instead. */
    route(events) {
        const out = [];
        for (const e of events) {
            const id = e.interaction_id;
            let chat = id ? this.chats.get(id) : undefined;
            if (!chat && id && (e.type === 'chat.started' || e.type === 'ticket.created') && e.ts >= this.opts.liveFrom) {
                const platform = this.opts.platforms.get(e.channel);
                if (platform && picked(id, this.opts.share ?? 0.5))
                    this.chats.set(id, (chat = { platform, held: [] }));
            }
            if (!chat) {
                out.push(e);
                continue;
            }
            if (chat.held)
                this.hold(chat, e, out);
            else
                this.forward(chat, e, out);
            // A ticket may be reopened long after: its thread is kept (a few an hour in the demo).
            if (e.type === 'chat.ended')
                this.chats.delete(id);
        }
        return out;
    }
    hold(chat, e, out) {
        const payload = e.payload;
        const userId = e.customer?.[chat.platform.identity];
        if (e.type === 'ticket.created')
            chat.subject = payload?.subject;
        if (!isCustomerMessage(e))
            return void chat.held.push(e);
        const thread = chat.platform.thread;
        if (thread && userId) {
            chat.root = `${e.event_id}@sim.mofang`;
            chat.interactionId = thread.interactionIdOf(chat.root);
            for (const h of chat.held) {
                if (h.type === 'ticket.created')
                    h.event_id = thread.createdEventIdOf(chat.root);
                out.push({ ...h, interaction_id: chat.interactionId });
            }
            chat.held = undefined;
            return this.forward(chat, e, out);
        }
        if (!userId || !payload?.message_id) {
            // Nothing to sign with: this chat goes the usual way after all.
            out.push(...chat.held, e);
            chat.held = undefined;
            return void this.chats.delete(e.interaction_id);
        }
        chat.interactionId = this.opts.interactionIdOf(chat.platform.platform, userId, payload.message_id);
        for (const h of chat.held) {
            if (h.type === 'chat.started')
                h.event_id = `${chat.interactionId}:started`;
            out.push({ ...h, interaction_id: chat.interactionId });
        }
        chat.held = undefined;
        this.forward(chat, e, out);
    }
    forward(chat, e, out) {
        const payload = e.payload;
        const userId = e.customer?.[chat.platform.identity];
        const messageId = chat.root
            ? e.event_id === chat.root.split('@')[0]
                ? chat.root
                : `${e.event_id}@sim.mofang`
            : payload?.message_id;
        if (isCustomerMessage(e) && userId && messageId) {
            const request = chat.platform.sign({
                userId,
                messageId,
                ts: e.ts,
                text: payload?.text ?? '',
                name: e.customer_name,
                ...(chat.root && { subject: chat.subject, ...(messageId !== chat.root && { inReplyTo: chat.root }) }),
            });
            this.outbox.push({ platform: chat.platform.platform, request });
            return;
        }
        out.push({ ...e, interaction_id: chat.interactionId });
    }
    /**
     * Posts the outbox, in order, after the poster delivered what came before (so each chat's own events, its
     * chat.started first, are stored before the platform's copy of its messages). One sender at a time.
     */
    drain(poster, signal) {
        // Checked before starting: a run that finds nothing to send ends synchronously, before `sending` is set.
        if (this.sending || this.outbox.length === 0)
            return this.sending ?? Promise.resolve();
        this.sending = (async () => {
            try {
                while (this.outbox.length && !signal?.aborted) {
                    await poster.flush(Infinity, signal);
                    const { platform, request } = this.outbox[0];
                    if (await this.post(platform, request))
                        this.outbox.shift();
                    else
                        break; // the server is not taking requests now: the next tick tries again
                }
            }
            finally {
                this.sending = undefined;
            }
        })();
        return this.sending;
    }
    /** True when the request is done with (stored, or refused for good and logged). */
    async post(platform, r) {
        const url = new URL(`/v1/channels/${this.opts.tenant}/${platform}`, this.opts.url);
        for (const [k, v] of Object.entries(r.query))
            url.searchParams.set(k, v);
        try {
            const res = await fetch(url, { method: r.method, headers: r.headers, body: r.body });
            if (res.ok)
                return (this.counts.relayed++, true);
            if (res.status >= 500 || res.status === 429)
                return false;
            this.counts.refused++;
            this.opts.log(`simulate: ${platform} refused a relayed message: ${res.status} ${await res.text()}`);
            return true;
        }
        catch {
            return false;
        }
    }
}
//# sourceMappingURL=channel-relay.js.map