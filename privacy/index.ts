/**
 * The public API of privacy/ (the data lifecycle: a customer's export and erasure across the warehouse, JetStream,
 * the identity KV bucket and the recordings; the NATS side of retention; the recordings sweep; the audit log's
 * route). The audit log itself (recordAudit) and the warehouse TTLs live in warehouse/.
 * Other folders import only this file.
 */
export { CUSTOMER_TABLES, type CustomerTable } from './customer-tables.js'
export { eraseCustomer, type EraseOptions, type ErasureReport } from './erase.js'
export { ErasureBlockedError, UnknownCustomerError } from './errors.js'
export { exportCustomer, type CustomerExport, type ExportOptions } from './export.js'
export { privacyService, type PrivacyServiceOptions } from './service.js'
export type { DataStores } from './stores.js'
