import { loadQuery } from './queries.js';
/** The actor of the admin token, which the local commands (`mofang customer …`) use. */
export const CLI_ADMIN = 'cli:admin';
export async function recordAudit(wh, entry) {
    await wh.insert('audit_log', [
        {
            ts: entry.ts ?? Date.now(),
            tenant: entry.tenant,
            actor: entry.actor,
            action: entry.action,
            target: entry.target,
            detail: JSON.stringify(entry.detail ?? {}),
        },
    ]);
}
export async function readAudit(wh, q) {
    const rows = await wh.query(loadQuery('audit_log'), {
        ...q,
        action: q.action ?? '',
    });
    return rows.map((r) => ({
        ...r,
        ts: Date.parse(r.ts),
        detail: JSON.parse(r.detail || '{}'),
    }));
}
//# sourceMappingURL=audit.js.map