/** Shared set-up for integration tests: temp dirs, a test config, a real nats-server. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../core/config.js';
import { startLocalNats } from '../bus/nats-server.js';
export const TEST_TENANT = 'acme';
/** The accepted future of event times when a simulator runs faster than the clock: the largest MOFANG_MAX_FUTURE_S. */
export const SIMULATED_FUTURE_S = 31_622_400;
export const TEST_KEY = 'test-key-0123456789abcdef';
export function tempDir(label) {
    const path = mkdtempSync(join(tmpdir(), `mofang-${label}-`));
    return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
/** A unique namespace so streams and consumers never collide between tests. */
export function uniqueNamespace() {
    return `t${randomBytes(4).toString('hex')}`;
}
/** A config on temp data with one API key, port 0 and the given overrides. */
export function testConfig(dataDir, env = {}) {
    return loadConfig({
        MOFANG_DATA_DIR: dataDir,
        MOFANG_PORT: '0',
        MOFANG_API_KEYS: `${TEST_TENANT}:${TEST_KEY}`,
        MOFANG_SINK_FLUSH_MS: '50',
        // Tests run the simulator faster than the clock, so its events are ahead of the server's time.
        MOFANG_MAX_FUTURE_S: String(SIMULATED_FUTURE_S),
        ...env,
    });
}
export async function testNats(dir, port) {
    return startLocalNats({ storeDir: join(dir, 'nats'), port });
}
/** Polls `fn` until it returns a truthy value or the deadline passes. */
export async function eventually(fn, { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
        try {
            const v = await fn();
            if (v)
                return v;
        }
        catch (err) {
            last = err;
        }
        if (Date.now() > deadline)
            throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
        await new Promise((r) => setTimeout(r, intervalMs));
    }
}
export function postEvents(url, body, headers = {}) {
    return fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json', ...headers },
        body,
    });
}
//# sourceMappingURL=env.js.map