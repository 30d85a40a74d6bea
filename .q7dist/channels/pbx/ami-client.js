/**
 * A long-lived AMI connection over TCP (node:net): read the banner, log in with `Action: Login` (Username, Secret,
 * `Events: on`), then hand every event over in order; reconnect with exponential backoff whenever the connection
 * drops, the login is refused or the PBX falls silent (a Ping every `pingIntervalMs` must be answered).
 * AMI keeps no backlog: events raised while disconnected are lost, which is why the mapper forgets calls whose end it
 * missed (map.ts sweep). The npm AMI clients (asterisk-manager, asterisk-ami-client) are untyped and barely
 * maintained; the protocol is a few lines of text (ami-parser.ts), so this client owns it.
 */
import { connect } from 'node:net';
import { AmiParser, amiAction } from './ami-parser.js';
const BANNER = 'Asterisk Call Manager/';
const LOGIN_ID = 'mofang-login';
export function connectAmi(opts) {
    const now = opts.now ?? Date.now;
    const pingMs = opts.pingIntervalMs ?? 30_000;
    let socket;
    let connected = false;
    let paused = false;
    let closed = false;
    let failures = 0;
    /** When the connection last delivered data (or reading resumed), for the liveness check. */
    let lastData = now();
    let retry;
    let finished = () => { };
    const done = new Promise((resolve) => (finished = resolve));
    function open() {
        const s = connect({ host: opts.host, port: opts.port ?? 5038 });
        socket = s;
        s.setKeepAlive(true, pingMs);
        const parser = new AmiParser();
        let reason = 'connection closed';
        lastData = now();
        const fail = (why) => {
            reason = why;
            s.destroy();
        };
        const loginTimer = setTimeout(() => fail(`no login within ${opts.connectTimeoutMs ?? 10_000} ms`), opts.connectTimeoutMs ?? 10_000);
        const pinger = setInterval(() => {
            if (!connected || paused)
                return;
            if (now() - lastData > 2 * pingMs)
                fail(`no answer for ${2 * pingMs} ms`);
            else if (now() - lastData > pingMs)
                s.write(amiAction({ Action: 'Ping', ActionID: 'mofang-ping' }));
        }, pingMs / 2);
        if (paused)
            s.pause();
        s.on('data', (chunk) => {
            lastData = now();
            let messages;
            try {
                const hadBanner = parser.banner !== undefined;
                messages = parser.push(chunk);
                if (!hadBanner && parser.banner !== undefined) {
                    if (!parser.banner.startsWith(BANNER))
                        return fail(`not an AMI server: ${parser.banner.slice(0, 80)}`);
                    s.write(amiAction({
                        Action: 'Login',
                        ActionID: LOGIN_ID,
                        Username: opts.username,
                        Secret: opts.secret,
                        Events: 'on',
                    }));
                }
            }
            catch (err) {
                return fail(err.message);
            }
            for (const msg of messages) {
                if (msg.fields.Event !== undefined) {
                    if (connected)
                        opts.onEvent(msg, lastData);
                }
                else if (msg.fields.ActionID === LOGIN_ID) {
                    if (msg.fields.Response !== 'Success')
                        return fail(`login refused: ${msg.fields.Message ?? msg.fields.Response ?? 'no reason given'}`);
                    clearTimeout(loginTimer);
                    connected = true;
                    failures = 0;
                    opts.log?.(`AMI: logged in to ${opts.host}:${opts.port ?? 5038} (${parser.banner})`);
                    opts.onConnected?.();
                }
            }
        });
        s.on('error', (err) => (reason = err.message));
        s.on('close', () => {
            clearTimeout(loginTimer);
            clearInterval(pinger);
            connected = false;
            socket = undefined;
            if (closed)
                return finished();
            opts.onDisconnected?.(reason);
            const wait = Math.min(opts.maxDelayMs ?? 30_000, (opts.initialDelayMs ?? 500) * 2 ** failures++);
            opts.log?.(`AMI: ${opts.host}:${opts.port ?? 5038}: ${reason}; reconnecting in ${wait} ms`);
            retry = setTimeout(open, wait);
        });
    }
    open();
    return {
        get connected() {
            return connected;
        },
        pause() {
            paused = true;
            socket?.pause();
        },
        resume() {
            paused = false;
            // Silence while paused was ours, not the PBX's.
            lastData = now();
            socket?.resume();
        },
        async close() {
            if (closed)
                return done;
            closed = true;
            clearTimeout(retry);
            const s = socket;
            if (!s) {
                finished();
                return done;
            }
            if (!connected)
                s.destroy();
            else {
                s.end(amiAction({ Action: 'Logoff', ActionID: 'mofang-logoff' }));
                // A PBX that does not close its side in time is cut off.
                setTimeout(() => s.destroy(), 1_000).unref();
            }
            return done;
        },
    };
}
//# sourceMappingURL=ami-client.js.map