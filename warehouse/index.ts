/**
 * The public API of warehouse/ (ClickHouse access (chDB or HTTP), migrations, named queries, event rows, the warehouse
 * HTTP endpoints).
 * Other folders import only this file.
 */
export { openWarehouse } from './client.js'
export type { Warehouse } from './client.js'
export { eventRows, insertEventRows, messageRows } from './event-rows.js'
export { warehouseOptions, withWarehouse } from './from-config.js'
export { warehouseHandlers } from './http.js'
export { classifyInsertError } from './insert-errors.js'
export { migrate } from './migrate.js'
export { loadQuery } from './queries.js'
