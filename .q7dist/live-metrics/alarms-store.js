import { loadQuery } from '../warehouse/index.js';
const fromRow = (r) => ({
    version: Number(r.version),
    alarm: {
        key: r.key,
        tenant: r.tenant,
        rule: JSON.parse(r.rule),
        owner: r.owner,
        row: r.row,
        severity: r.severity,
        text: r.text,
        value: r.value,
        started_at: Number(r.started_at),
        ...(r.acknowledged_at !== null && { acknowledged_at: Number(r.acknowledged_at) }),
        ...(r.acknowledged_by !== null && { acknowledged_by: r.acknowledged_by }),
        ...(r.ended_at !== null && { ended_at: Number(r.ended_at) }),
    },
});
/** Writes one change of an alarm as its row of version `version`. */
export async function writeAlarmChange(wh, { change, alarm }, version) {
    await wh.insert('alarms', [
        {
            tenant: alarm.tenant,
            key: alarm.key,
            started_at: alarm.started_at,
            version,
            change,
            owner: alarm.owner,
            row: alarm.row,
            severity: alarm.severity,
            text: alarm.text,
            value: alarm.value,
            rule: JSON.stringify(alarm.rule),
            acknowledged_at: alarm.acknowledged_at ?? null,
            acknowledged_by: alarm.acknowledged_by ?? null,
            ended_at: alarm.ended_at ?? null,
        },
    ]);
}
/** Every tenant's active alarms, as stored last. */
export async function loadActiveAlarms(wh) {
    return (await wh.query(loadQuery('alarm_active'))).map(fromRow);
}
/** One tenant's alarms in the states asked for: active first, then the newest. */
export async function listAlarms(wh, tenant, f) {
    const rows = await wh.query(loadQuery('alarm_list'), {
        tenant,
        since_ms: f.sinceMs,
        active: Number(f.active),
        acknowledged: Number(f.acknowledged),
        ended: Number(f.ended),
        limit: f.limit,
    });
    return rows.map((r) => fromRow(r).alarm);
}
//# sourceMappingURL=alarms-store.js.map