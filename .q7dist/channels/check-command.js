/**
 * `mofang channels check`: each configured channel's credentials, proven by signing a sample message with them and
 * running it through the adapter offline (nothing is stored), and, when a server owns the data directory, each
 * channel's traffic from its /healthz.
 */
import { loadConfig } from '../core/index.js';
import { readLiveLock } from '../kits/cli/index.js';
import { loadChannelCredentials } from './config.js';
import { ReplayWindow } from './replay.js';
import { ADAPTERS } from './registry.js';
/** Signs a sample with the credentials and runs it through the adapter, offline. */
async function selfTest(adapter, credentials) {
    const now = Date.now();
    const userId = adapter.identity === 'email' ? 'check@mofang.invalid' : 'mofang-check';
    const sample = { userId, messageId: `check-${now}`, ts: now, text: 'mofang channels check' };
    const signed = adapter.sign(credentials, sample);
    const url = new URL(`http://localhost/v1/channels/check/${adapter.platform}`);
    for (const [k, v] of Object.entries(signed.query))
        url.searchParams.set(k, v);
    const state = new Map();
    const ctx = {
        replay: new ReplayWindow(),
        // Platforms that are asked for their messages (WeCom) are not called from a check: it answers with none.
        fetch: async () => Response.json({ errcode: 0, msg_list: [], has_more: 0, next_cursor: '' }),
        state: { get: async (k) => state.get(k), put: async (k, v) => void state.set(k, v) },
    };
    try {
        const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
        await adapter.handle({ method: signed.method, url, headers, body: Buffer.from(signed.body), now }, credentials, ctx);
        return undefined;
    }
    catch (err) {
        return err.message;
    }
}
async function serverBoard(dataDir) {
    const lock = readLiveLock(dataDir);
    if (!lock)
        return undefined;
    try {
        const res = await fetch(`${lock.url}/healthz`, { headers: { authorization: `Bearer ${lock.adminToken}` } });
        const body = (await res.json());
        return body.components?.channels?.detail?.channels;
    }
    catch {
        return undefined;
    }
}
export async function checkChannels(opts) {
    const config = loadConfig();
    const credentials = loadChannelCredentials(config, ADAPTERS);
    const board = await serverBoard(config.dataDir);
    const rows = [];
    for (const [tenant, platforms] of credentials)
        for (const [platform, creds] of platforms) {
            const problem = await selfTest(ADAPTERS.get(platform), creds);
            const seen = board?.find((r) => r.tenant === tenant && r.platform === platform);
            rows.push({
                tenant,
                platform,
                path: `/v1/channels/${tenant}/${platform}`,
                ok: !problem,
                ...(problem && { problem }),
                ...(seen && {
                    last_message_at: seen.last_message_at,
                    messages: seen.messages,
                    errors: Object.values(seen.errors).reduce((a, b) => a + (b ?? 0), 0),
                }),
            });
        }
    if (opts.json)
        console.log(JSON.stringify(rows, null, 2));
    else {
        const source = config.channelsConfig ? `MOFANG_CHANNELS=${config.channelsConfig}` : 'dev credentials (tenant demo)';
        console.log(`Channels from ${source}${board ? '' : ' (no server running on this data directory: no traffic shown)'}`);
        for (const r of rows) {
            const traffic = r.messages === undefined ? '' : `  ${r.messages} messages, ${r.errors} errors, last ${when(r.last_message_at)}`;
            console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.tenant.padEnd(12)} ${r.platform.padEnd(9)} ${r.path}${traffic}`);
            if (r.problem)
                console.log(`     ${r.problem}`);
        }
    }
    return rows.every((r) => r.ok) ? 0 : 1;
}
const when = (ts) => (ts ? new Date(ts).toISOString() : 'never');
//# sourceMappingURL=check-command.js.map