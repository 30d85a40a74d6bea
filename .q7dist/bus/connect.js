/**
 * The NATS connection every component shares: reconnects forever (a restarted
 * nats-server must not need a restarted Mofang) and tracks whether it is
 * connected right now, so ingest can answer 503 at once instead of waiting.
 */
import { connect } from '@nats-io/transport-node';
import { NatsUnavailableError } from '../core/index.js';
export async function connectNats(opts, log = () => { }) {
    let nc;
    try {
        nc = await connect({
            servers: opts.servers.split(',').map((s) => s.trim()),
            user: opts.user,
            pass: opts.pass,
            token: opts.token,
            name: opts.name ?? 'mofang',
            maxReconnectAttempts: -1,
            reconnectTimeWait: 250,
            waitOnFirstConnect: false,
            // An Error per request for async stack traces costs ~5% CPU at ingest rates.
            noAsyncTraces: true,
        });
    }
    catch (err) {
        throw new NatsUnavailableError(`cannot connect to NATS at ${opts.servers}: ${err.message}`, err);
    }
    let connected = true;
    void (async () => {
        for await (const s of nc.status()) {
            if (s.type === 'disconnect') {
                connected = false;
                log('NATS disconnected; reconnecting…');
            }
            else if (s.type === 'reconnect') {
                connected = true;
                log('NATS reconnected');
            }
        }
    })();
    return {
        nc,
        isConnected: () => connected && !nc.isClosed(),
        async close() {
            if (!nc.isClosed())
                await nc.drain().catch(() => nc.close());
        },
    };
}
//# sourceMappingURL=connect.js.map