export async function wallAlarmRules(store, log) {
    /** tenant → wall id → its rules. */
    const walls = new Map();
    /** Walls the watch has told of (saved or deleted): a listing that raced it must not undo what it said. */
    const watched = new Map();
    const known = new Set();
    const loading = new Set();
    /** Tenants whose walls could not be read: said once, retried with each snapshot. */
    const failed = new Set();
    const listeners = new Set();
    const of = (m, tenant, empty) => m.get(tenant) ?? m.set(tenant, empty()).get(tenant);
    const stopWatch = await store.watchWalls(({ tenant, id, wall }) => {
        of(watched, tenant, () => new Set()).add(id);
        const mine = of(walls, tenant, () => new Map());
        if (wall)
            mine.set(id, wall.alarms);
        else
            mine.delete(id);
        for (const cb of listeners)
            cb(tenant);
    });
    /** The watch tells of every wall, but not when it has told them all: the first ask lists the tenant's walls. */
    function load(tenant) {
        if (loading.has(tenant))
            return;
        loading.add(tenant);
        store
            .listWalls(tenant)
            .then((list) => {
            const mine = of(walls, tenant, () => new Map());
            const told = watched.get(tenant);
            for (const w of list)
                if (!told?.has(w.id))
                    mine.set(w.id, w.alarms);
            known.add(tenant);
            if (failed.delete(tenant))
                log(`alarms: the walls of ${tenant} are read now`);
        })
            .catch((err) => {
            loading.delete(tenant); // asked again with the next snapshot
            if (!failed.has(tenant))
                log(`alarms: the walls of ${tenant} could not be read: ${err.message}`);
            failed.add(tenant);
        });
    }
    return {
        rules(tenant) {
            if (!known.has(tenant))
                return void load(tenant);
            return [...(walls.get(tenant) ?? [])].map(([owner, rules]) => ({ owner, rules }));
        },
        onChange(cb) {
            listeners.add(cb);
            return () => listeners.delete(cb);
        },
        close: () => stopWatch(),
    };
}
//# sourceMappingURL=alarms-rules.js.map