/**
 * PII redaction: the first step of the QA pipeline, so no check, model, log or store ever sees the raw values.
 * The detector is the shared PII kit (kits/pii/pii.ts: normalisation with an index map, digit chains, checksums,
 * order labels); ingest uses the same one for its per-tenant redaction.
 */
export { findPii, luhnValid, mask, normalise, numberKind, redact, validCnId } from '../kits/pii/index.js'
