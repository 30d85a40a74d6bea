/**
 * GET /api/admin/audit?from=&to=&action=&limit= : the tenant's audit log (warehouse/audit.ts), newest first.
 * `from` and `to` are YYYY-MM-DD (UTC midnight), ISO times or ms since the epoch; default the 30 days up to now.
 * `action` one of AUDIT_ACTIONS (default every action), `limit` 1-10,000 (default 1,000).
 */
import { AUDIT_ACTIONS } from '../core/contracts/index.js';
import { byRole, roleGate } from '../kits/auth/index.js';
import { BadRequest, intParam, routes } from '../kits/http/index.js';
import { readAudit } from '../warehouse/index.js';
const DAY_MS = 86_400_000;
/** A time parameter: YYYY-MM-DD, an ISO time or ms since the epoch; `fallback` when absent. */
export function timeParam(url, name, fallback) {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '')
        return fallback;
    const ms = /^\d{1,15}$/.test(raw) ? Number(raw) : Date.parse(raw);
    if (!Number.isFinite(ms))
        throw new BadRequest(name, `expected YYYY-MM-DD, an ISO time or ms since the epoch`);
    return ms;
}
export function auditRoutes(deps) {
    return routes({
        // Who looked at what is the operator's to read: admins only.
        'GET /api/admin/audit': {
            needs: ['admin'],
            handle: async ({ url, who }) => {
                const to = timeParam(url, 'to', Date.now());
                const from = timeParam(url, 'from', to - 30 * DAY_MS);
                if (from >= to)
                    throw new BadRequest('from', 'must be before to');
                const raw = url.searchParams.get('action') || undefined;
                if (raw !== undefined && !AUDIT_ACTIONS.includes(raw))
                    throw new BadRequest('action', `expected one of ${AUDIT_ACTIONS.join(', ')}`);
                const action = raw;
                const limit = intParam(url, 'limit', { min: 1, max: 10_000, default: 1_000 });
                const entries = await readAudit(deps.warehouse, { tenant: who.tenant, from, to, action, limit });
                return { tenant: who.tenant, from, to, ...(action && { action }), entries };
            },
        },
    }, { ...byRole(roleGate(deps.config)), headers: { 'cache-control': 'no-store' } });
}
//# sourceMappingURL=audit-api.js.map