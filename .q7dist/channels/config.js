/**
 * Channel credentials per tenant and platform: MOFANG_CHANNELS names a JSON file
 * `{ "<tenant>": { "<platform>": { …that platform's credentials… } } }`, checked at start against each adapter's
 * schema, every problem named with the variable, the tenant, the platform and the field. Without the setting the dev
 * tenant `demo` has every platform, with credentials generated once and kept in the data directory (like the dev API
 * key), so `npm start` and the simulator exercise every adapter.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { ConfigError } from '../core/index.js';
import { keptInDataDir } from '../kits/auth/index.js';
import { PLATFORMS } from './adapter.js';
const TENANT = /^[a-z0-9][a-z0-9_-]*$/;
const SETTING = 'MOFANG_CHANNELS';
export const DEV_CHANNELS_FILE = 'dev-channels.json';
export const DEV_TENANT = 'demo';
/** Checks parsed JSON against the adapters' schemas; throws ConfigError listing every problem. */
export function parseChannelCredentials(raw, adapters, source = SETTING) {
    const problems = [];
    const out = new Map();
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new ConfigError(source, 'expected an object of tenants, e.g. {"acme": {"line": {...}}}');
    for (const [tenant, platforms] of Object.entries(raw)) {
        if (!TENANT.test(tenant))
            problems.push(`tenant "${tenant}": lower-case letters, digits, - and _ only`);
        if (typeof platforms !== 'object' || platforms === null || Array.isArray(platforms)) {
            problems.push(`${tenant}: expected an object of platforms`);
            continue;
        }
        const mine = new Map();
        for (const [platform, credentials] of Object.entries(platforms)) {
            const adapter = adapters.get(platform);
            if (!adapter) {
                problems.push(`${tenant}.${platform}: unknown platform (known: ${PLATFORMS.join(', ')})`);
                continue;
            }
            const errors = [...Value.Errors(adapter.credentials, credentials)];
            for (const e of errors.slice(0, 5))
                problems.push(`${tenant}.${platform}${e.path.replaceAll('/', '.') || ''}: ${e.message}`);
            if (errors.length === 0)
                mine.set(platform, Value.Default(adapter.credentials, credentials));
        }
        out.set(tenant, mine);
    }
    if (problems.length)
        throw new ConfigError(source, problems.join('; '));
    return out;
}
/** Reads MOFANG_CHANNELS, or makes (once) the dev tenant's credentials for every platform. */
export function loadChannelCredentials(settings, adapters) {
    if (settings.channelsConfig) {
        let text;
        try {
            text = readFileSync(settings.channelsConfig, 'utf8');
        }
        catch (err) {
            throw new ConfigError(SETTING, `cannot read ${settings.channelsConfig}: ${err.message}`);
        }
        let raw;
        try {
            raw = JSON.parse(text);
        }
        catch (err) {
            throw new ConfigError(SETTING, `${settings.channelsConfig} is not JSON: ${err.message}`);
        }
        return parseChannelCredentials(raw, adapters, `${SETTING} (${settings.channelsConfig})`);
    }
    const random = (bytes) => randomBytes(bytes).toString('hex');
    const dev = keptInDataDir(settings.dataDir, DEV_CHANNELS_FILE, () => ({
        [DEV_TENANT]: Object.fromEntries([...adapters].map(([p, a]) => [p, a.devCredentials(random)])),
    }));
    // A data directory made before a platform existed gets that platform's credentials on top.
    const demo = dev[DEV_TENANT];
    for (const [p, a] of adapters)
        demo[p] ??= a.devCredentials(random);
    return parseChannelCredentials(dev, adapters, DEV_CHANNELS_FILE);
}
//# sourceMappingURL=config.js.map