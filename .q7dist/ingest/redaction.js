/**
 * Per-tenant redaction at ingest (MOFANG_REDACT_TENANTS, kits/pii/policy.ts). For the tenants the setting names,
 * every event is redacted after identity merge (which needs the raw identities) and before packing, so neither
 * JetStream's files, nor ClickHouse's `events` (payload, identities), nor any consumer ever holds the raw values:
 *
 * - free text (message and comment text, ticket subjects, resolutions and reopen reasons, survey comments, the
 *   caller's and callback numbers) is PII-masked with '*' of the same length (kits/pii: the QA's own detector);
 * - customer identities become `h:<digest>`, the digest identity merge keys its KV entries with (of the normalised
 *   value, ingest/identity.ts), so the stored events still join with the identity store and one customer's events
 *   still share values.
 *
 * `customer_name` is kept: the QA's address-by-surname check and the review desk read it.
 */
import { digest, IDENTITY_KINDS } from '../core/index.js';
import { redact } from '../kits/pii/index.js';
import { normalizeIdentity } from './identity.js';
/** The free-text payload fields of each event type. */
export const FREE_TEXT_FIELDS = {
    'voice.offered': ['from', 'to'],
    'voice.callback_requested': ['number'],
    'chat.message': ['text'],
    'ticket.created': ['subject'],
    'ticket.comment': ['text'],
    'ticket.resolved': ['resolution'],
    'ticket.reopened': ['reason'],
    'survey.nps': ['comment'],
    'survey.csat': ['comment'],
    'survey.comment': ['text'],
};
/** The prefix of a hashed identity value. */
export const HASHED = 'h:';
/** Redacts one event in place (the parsed body is ingest's own), once: every identity value is hashed. */
export function redactEvent(e) {
    const fields = FREE_TEXT_FIELDS[e.type];
    if (fields) {
        for (const f of fields) {
            const value = e.payload[f];
            if (typeof value === 'string')
                e.payload[f] = redact(value).text;
        }
    }
    if (e.customer) {
        for (const kind of IDENTITY_KINDS) {
            const value = e.customer[kind];
            if (value)
                e.customer[kind] = HASHED + digest(normalizeIdentity(kind, value));
        }
    }
}
//# sourceMappingURL=redaction.js.map