/**
 * The public API of privacy/ (the data lifecycle: a customer's export and erasure across the warehouse, JetStream,
 * the identity KV bucket and the recordings; the NATS side of retention; the recordings sweep; the audit log's
 * route). The audit log itself (recordAudit) and the warehouse TTLs live in warehouse/.
 * Other folders import only this file.
 */
export { CUSTOMER_TABLES } from './customer-tables.js';
export { eraseCustomer } from './erase.js';
export { ErasureBlockedError, UnknownCustomerError } from './errors.js';
export { exportCustomer } from './export.js';
export { privacyService } from './service.js';
//# sourceMappingURL=index.js.map