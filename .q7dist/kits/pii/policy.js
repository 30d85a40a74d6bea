/**
 * Which tenants' data is stored redacted (MOFANG_REDACT_TENANTS): ingest masks their events' free text and keeps
 * their customer identities only as hashes before publishing (ingest/redaction.ts), and the transcription service
 * masks their transcripts before storing them. The default is `*` (every tenant: PIPL and GDPR want personal data
 * kept only where needed); `none` stores everything as sent.
 */
import { ConfigError } from '../../core/index.js';
const TENANT = /^[a-z0-9][a-z0-9_-]*$/;
/** The policy of a MOFANG_REDACT_TENANTS value (`*` = every tenant, tenant names comma separated, or `none`). */
export function redactionPolicy(setting) {
    const names = (setting ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
    if (names.length === 0 || (names.length === 1 && names[0] === 'none'))
        return undefined;
    if (names.includes('*'))
        return { applies: () => true, describe: '*' };
    for (const n of names) {
        if (!TENANT.test(n)) {
            throw new ConfigError('MOFANG_REDACT_TENANTS', `bad tenant name "${n}": expected *, none or tenant names, comma separated`);
        }
    }
    const tenants = new Set(names);
    return { applies: (t) => tenants.has(t), describe: [...tenants].join(',') };
}
//# sourceMappingURL=policy.js.map