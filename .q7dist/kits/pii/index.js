/**
 * The PII kit's public API: detection of phone, resident ID, bank card and email numbers through obfuscation
 * (full-width and other-script digits, separators, invisible characters), and same-length masking.
 */
export { findPii, luhnValid, mask, normalise, numberKind, redact, validCnId } from './pii.js';
export { redactionPolicy } from './policy.js';
//# sourceMappingURL=index.js.map