export class LiveHub {
    opts;
    tenants = new Map();
    constructor(opts) {
        this.opts = opts;
    }
    open(tenant, req, res) {
        res.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-transform',
            connection: 'keep-alive',
            'x-accel-buffering': 'no', // tell nginx-style proxies not to buffer the stream
        });
        res.write(`retry: ${this.opts.retryMs}\n\n`);
        req.socket.setNoDelay(true);
        const client = { res, blocked: false };
        res.on('drain', () => (client.blocked = false));
        const b = this.broadcaster(tenant);
        b.clients.add(client);
        // Resume the id sequence the client remembers, so ids keep increasing across reconnects.
        const lastId = Number(req.headers['last-event-id']);
        if (Number.isFinite(lastId) && lastId > b.seq)
            b.seq = lastId;
        this.sendTo(tenant, b, [client]);
        const close = () => {
            b.clients.delete(client);
            if (b.clients.size === 0)
                this.stop(tenant, b);
        };
        req.on('close', close);
        res.on('error', close);
    }
    /** Ends every stream (server shutdown). */
    closeAll() {
        for (const [tenant, b] of this.tenants) {
            for (const c of b.clients)
                c.res.end();
            this.stop(tenant, b);
        }
    }
    get connections() {
        let n = 0;
        for (const b of this.tenants.values())
            n += b.clients.size;
        return n;
    }
    broadcaster(tenant) {
        const b = this.tenants.get(tenant);
        if (b)
            return b;
        const created = {
            clients: new Set(),
            seq: 0,
            lastSent: 0,
            pending: null,
            unsubscribe: () => { },
            timer: setInterval(() => {
                if (Date.now() - created.lastSent >= this.opts.heartbeatMs - 50)
                    this.sendTo(tenant, created, created.clients);
            }, Math.max(100, Math.floor(this.opts.heartbeatMs / 4))),
        };
        created.unsubscribe = this.opts.subscribe(tenant, () => this.changed(tenant, created));
        this.tenants.set(tenant, created);
        return created;
    }
    changed(tenant, b) {
        if (b.pending)
            return;
        const wait = Math.max(0, b.lastSent + this.opts.minPushMs - Date.now());
        b.pending = setTimeout(() => {
            b.pending = null;
            this.sendTo(tenant, b, b.clients);
        }, wait);
    }
    sendTo(tenant, b, clients) {
        let message;
        try {
            const snap = this.opts.getSnapshot(tenant);
            message = `id: ${++b.seq}\nevent: snapshot\ndata: ${JSON.stringify(snap)}\n\n`;
        }
        catch (err) {
            this.opts.onError(err);
            return;
        }
        // Only a message to everyone resets the heartbeat clock; a greeting to one new screen does not.
        if (clients === b.clients)
            b.lastSent = Date.now();
        for (const c of clients) {
            if (c.blocked)
                continue;
            if (!c.res.write(message))
                c.blocked = true;
        }
    }
    stop(tenant, b) {
        clearInterval(b.timer);
        if (b.pending)
            clearTimeout(b.pending);
        b.unsubscribe();
        this.tenants.delete(tenant);
    }
}
//# sourceMappingURL=live.js.map