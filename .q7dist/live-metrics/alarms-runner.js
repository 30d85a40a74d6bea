import { alarmAckSubject, GROUP_RULES_OWNER, } from '../core/contracts/index.js';
import { publishAlarmChange } from '../bus/index.js';
import { createAlarmEvaluator } from './alarms.js';
import { loadActiveAlarms, writeAlarmChange } from './alarms-store.js';
/** Starts once the active alarms are read back; `changed(tenant)` hears of anything that changes its alarms. */
export async function startAlarms(ctx, opts, changed) {
    const { warehouse, js, nats, topology, log } = ctx;
    const evaluator = createAlarmEvaluator({ updateEveryMs: opts.updateEveryMs });
    /** The version of each active alarm's stored row, by `<tenant> <key> <started_at>`. */
    const versions = new Map();
    const idOf = ({ alarm: a }) => `${a.tenant} ${a.key} ${a.started_at}`;
    const counts = { raised: 0, ended: 0, store_failures: 0, publish_failures: 0, rules_unknown: 0 };
    const stored = await loadActiveAlarms(warehouse);
    evaluator.restore(stored.map((s) => s.alarm));
    for (const s of stored)
        versions.set(`${s.alarm.tenant} ${s.alarm.key} ${s.alarm.started_at}`, s.version);
    if (stored.length)
        log(`live metrics: ${stored.length} active alarms taken back`);
    // One change at a time, in order: a later change of an alarm must not be stored or published before an earlier.
    let queue = Promise.resolve();
    const record = (changes) => (queue = queue.then(async () => {
        for (const change of changes) {
            const id = idOf(change);
            const version = (versions.get(id) ?? 0) + 1;
            if (change.change === 'ended')
                versions.delete(id);
            else
                versions.set(id, version);
            if (change.change === 'raised')
                counts.raised++;
            if (change.change === 'ended')
                counts.ended++;
            await writeAlarmChange(warehouse, change, version).catch((err) => {
                if (counts.store_failures++ === 0)
                    log(`live metrics: storing an alarm failed: ${err.message}`);
            });
            await publishAlarmChange(js, topology, change, version).catch((err) => {
                if (counts.publish_failures++ === 0)
                    log(`live metrics: publishing an alarm failed: ${err.message}`);
            });
        }
    }));
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    const ackPrefix = alarmAckSubject(topology, '');
    const acks = nats.nc.subscribe(alarmAckSubject(topology, '*'), {
        callback: (_err, msg) => {
            const reply = (answer) => msg.respond(encoder.encode(JSON.stringify(answer)));
            void (async () => {
                const tenant = msg.subject.slice(ackPrefix.length);
                const req = JSON.parse(decoder.decode(msg.data));
                const acked = evaluator.acknowledge(tenant, req.key, req.by, Date.now());
                if (!acked)
                    return reply({ error: 'not_found' });
                if (acked.changed) {
                    await record([{ change: 'acknowledged', alarm: acked.alarm }]);
                    changed(tenant);
                }
                reply({ alarm: acked.alarm });
            })().catch((err) => log(`live metrics: an alarm acknowledgement failed: ${err.message}`));
        },
    });
    const unwatch = opts.walls.onChange(changed);
    return {
        evaluate(snap, now, settled) {
            const walls = opts.walls.rules(snap.tenant);
            if (settled && walls) {
                const group = opts.group?.rulesOf(snap.tenant) ?? [];
                const sets = group.length ? [...walls, { owner: GROUP_RULES_OWNER, rules: group }] : walls;
                const changes = evaluator.evaluate(snap, sets, now);
                if (changes.length)
                    void record(changes);
            }
            else if (settled)
                counts.rules_unknown++;
            snap.alarms = evaluator.active(snap.tenant);
        },
        health: () => ({ ...counts, active: versions.size }),
        async stop() {
            unwatch();
            opts.walls.close();
            acks.unsubscribe();
            await queue;
        },
    };
}
//# sourceMappingURL=alarms-runner.js.map