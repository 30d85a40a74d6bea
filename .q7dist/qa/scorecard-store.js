import { KvWatchInclude } from '@nats-io/kv';
import { compileScorecard } from './scorecard.js';
/** A queue or channel name a scorecard may be scoped to ('' = any): KV key characters, short enough for the id. */
export const SCOPE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,29}$/;
const ANY = '_any';
const part = (name) => name || ANY;
const unpart = (name) => (name === ANY ? '' : name);
const scopeKey = (tenant, s) => `${tenant}.${part(s.queue)}.${part(s.channel)}`;
/** The id a stored scorecard carries: its scope, so results name where their scorecard came from. */
export const scopeId = (tenant, s) => `${tenant}/${s.queue || '*'}/${s.channel || '*'}`;
export class ScorecardVersionTaken extends Error {
    version;
    constructor(version) {
        super(`version ${version} was saved by someone else meanwhile: reload and save again`);
        this.version = version;
    }
}
/** Opens the store on a KV bucket: reads every version, then follows the updates. */
export async function openScorecardStore(kv, log) {
    /** scope key → versions, ascending. */
    const versions = new Map();
    /** scope key → the latest version compiled. */
    const latest = new Map();
    const apply = (tenant, v) => {
        const key = scopeKey(tenant, v);
        const list = versions.get(key) ?? [];
        if (list.some((x) => x.version === v.version))
            return;
        list.push(v);
        list.sort((a, b) => a.version - b.version);
        versions.set(key, list);
        const newest = list[list.length - 1];
        try {
            latest.set(key, compileScorecard(newest.spec, `${scopeId(tenant, v)} v${newest.version}`));
        }
        catch (err) {
            // Saved through the API or the setting, both validate: only a hand-edited bucket gets here.
            log(`qa: stored scorecard ${scopeId(tenant, v)} v${newest.version} ignored: ${err.message}`);
        }
    };
    const fromEntry = (e) => {
        if (e.operation !== 'PUT')
            return;
        const [tenant, queue, channel, version] = e.key.split('.');
        const value = e.json();
        apply(tenant, { queue: unpart(queue), channel: unpart(channel), version: Number(version), ...value });
    };
    // Watch first, then read what is there: a version saved in between arrives by either path (apply is idempotent).
    const watch = await kv.watch({ include: KvWatchInclude.UpdatesOnly });
    const following = (async () => {
        for await (const e of watch)
            fromEntry(e);
    })().catch((err) => log(`qa: scorecard watch ended: ${err.message}`));
    for await (const key of await kv.keys()) {
        const e = await kv.get(key);
        if (e)
            fromEntry(e);
    }
    const tenantOf = (key) => key.slice(0, key.indexOf('.'));
    const newestFirst = (list) => [...list].reverse();
    return {
        list: (tenant) => [...versions]
            .filter(([key]) => tenantOf(key) === tenant)
            .map(([, list]) => list[list.length - 1])
            .sort((a, b) => a.queue.localeCompare(b.queue) || a.channel.localeCompare(b.channel)),
        versions: (tenant, scope) => newestFirst(versions.get(scopeKey(tenant, scope)) ?? []),
        async save(tenant, scope, spec, savedBy) {
            const version = (versions.get(scopeKey(tenant, scope))?.at(-1)?.version ?? 0) + 1;
            const stored = {
                spec: { ...spec, id: scopeId(tenant, scope), version },
                saved_by: savedBy,
                saved_at: Date.now(),
            };
            try {
                await kv.create(`${scopeKey(tenant, scope)}.${version}`, JSON.stringify(stored));
            }
            catch (err) {
                // JetStream's answer when the key exists: the expected last sequence (none) did not hold.
                if (/wrong last sequence/i.test(err.message))
                    throw new ScorecardVersionTaken(version);
                throw err;
            }
            const saved = { queue: scope.queue, channel: scope.channel, version, ...stored };
            apply(tenant, saved);
            return saved;
        },
        cardFor(tenant, queue, channel) {
            const scopes = [
                { queue, channel },
                { queue, channel: '' },
                { queue: '', channel },
                { queue: '', channel: '' },
            ];
            for (const s of scopes) {
                const card = latest.get(scopeKey(tenant, s));
                if (card)
                    return card;
            }
            return undefined;
        },
        async stop() {
            watch.stop();
            await following;
        },
    };
}
//# sourceMappingURL=scorecard-store.js.map