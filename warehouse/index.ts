/**
 * The public API of warehouse/ (ClickHouse access (chDB or HTTP), migrations and retention TTLs, named queries, event
 * rows, customer ids across merges, the audit log, the warehouse HTTP endpoints).
 * Other folders import only this file.
 */
export { CLI_ADMIN, readAudit, recordAudit } from './audit.js'
export type { AuditEntry, AuditQuery } from './audit.js'
export { openWarehouse } from './client.js'
export type { Warehouse } from './client.js'
export { eventRows, insertEventRows, messageRows } from './event-rows.js'
export { warehouseOptions, withWarehouse } from './from-config.js'
export { warehouseHandlers } from './http.js'
export { ownerWarehouse } from './owner.js'
export { classifyInsertError } from './insert-errors.js'
export { customerIds } from './customers.js'
export { migrate } from './migrate.js'
export { loadQuery } from './queries.js'
export { applyRetention, tableRetention, TTL_RULES, ttlClause } from './retention.js'
export type { RetentionKind, TableRetention, TtlRule } from './retention.js'
