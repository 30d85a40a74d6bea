import { Kvm } from '@nats-io/kv';
/** A save raced another one: the wall is not at the revision the caller read (or exists when it should not). */
export class WallConflict extends Error {
    id;
    current;
    constructor(id, current) {
        super(current === undefined
            ? `wall ${id} no longer exists`
            : `wall ${id} was saved by someone else meanwhile (revision ${current}); reload it and save again`);
        this.id = id;
        this.current = current;
        this.name = 'WallConflict';
    }
}
const keyOf = (tenant, id) => `${tenant}.${id}`;
/**
 * Binds the walls bucket (it must exist: system/system.ts declares it). `log` hears of an `onChange` that threw (the
 * watch goes on).
 */
export async function openWallStore(js, bucket, log = console.error) {
    return wallStoreOn(await new Kvm(js).open(bucket), log);
}
function wallStoreOn(kv, log = console.error) {
    const decoder = new TextDecoder();
    const decode = (value, revision) => ({
        ...JSON.parse(decoder.decode(value)),
        revision,
    });
    const getWall = async (tenant, id) => {
        const entry = await kv.get(keyOf(tenant, id));
        return entry?.operation === 'PUT' ? decode(entry.value, entry.revision) : undefined;
    };
    return {
        async listWalls(tenant) {
            const keys = [];
            for await (const k of await kv.keys(`${tenant}.*`))
                keys.push(k);
            const walls = await Promise.all(keys.map((k) => getWall(tenant, k.slice(tenant.length + 1))));
            return walls.filter((w) => w !== undefined).sort((a, b) => a.id.localeCompare(b.id));
        },
        getWall,
        async putWall(wall, expectRevision) {
            // The revision is the store's, never part of the stored value.
            const { revision: _ignored, ...stored } = wall;
            const key = keyOf(wall.tenant, wall.id);
            const body = JSON.stringify(stored);
            let revision;
            try {
                revision =
                    expectRevision === undefined
                        ? await kv.put(key, body)
                        : expectRevision === 0
                            ? await kv.create(key, body)
                            : await kv.update(key, body, expectRevision);
            }
            catch (err) {
                if (expectRevision === undefined)
                    throw err;
                const now = await kv.get(key);
                throw new WallConflict(wall.id, now?.operation === 'PUT' ? now.revision : undefined);
            }
            return { ...stored, revision };
        },
        async deleteWall(tenant, id) {
            if (!(await getWall(tenant, id)))
                return false;
            await kv.delete(keyOf(tenant, id));
            return true;
        },
        async watchWalls(onChange) {
            const watch = await kv.watch({ key: '*.*' });
            void (async () => {
                for await (const e of watch) {
                    const dot = e.key.indexOf('.');
                    const change = {
                        tenant: e.key.slice(0, dot),
                        id: e.key.slice(dot + 1),
                        wall: e.operation === 'PUT' ? decode(e.value, e.revision) : null,
                    };
                    try {
                        onChange(change);
                    }
                    catch (err) {
                        log(`walls: a watcher failed on ${e.key}: ${err.message}`);
                    }
                }
            })();
            return () => watch.stop();
        },
    };
}
//# sourceMappingURL=wall-store.js.map