/**
 * The audit log of who did what with personal data (privacy/audit.ts writes it, GET /api/admin/audit answers it):
 * the actions it records and the JSON of the answer. Plain data and types only (the browser bundle imports it).
 */
/**
 * What is recorded. `customer.export` and `customer.erase` record themselves (privacy/); `transcript.open` is the
 * QA desk opening an interaction's transcript, `report.export` a report downloaded or sent.
 */
export const AUDIT_ACTIONS = ['customer.export', 'customer.erase', 'transcript.open', 'report.export'];
//# sourceMappingURL=audit.js.map