/**
 * Event validation: compiled once, run per event on the ingest hot path.
 * A bad event is a value ({ field, reason }), never an exception.
 */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Envelope, PAYLOADS, EVENT_TYPES, ID_FORBIDDEN_CLASS, ID_PATTERN, familyAllowsChannel, needsInteraction, } from './events.js';
const DAY_MS = 86_400_000;
/** The settings' defaults as a range, for callers without a Config (the settings themselves live in core/config.ts). */
export const DEFAULT_TS_RANGE = { maxFutureMs: 300_000, maxPastMs: 1830 * DAY_MS };
const FORBIDDEN_CHAR = new RegExp(`[${ID_FORBIDDEN_CLASS}]`);
/**
 * Why `value` is not a valid id, or undefined when it is: the id rule of core/events.ts (ID_PATTERN) as a
 * sentence naming the offending code point. Off the hot path: only called to explain a failure, and by HTTP
 * handlers checking ids taken from paths and query strings.
 */
export function idProblem(value, maxLength = 128) {
    if (value.length === 0)
        return 'must not be empty';
    if (value.length > maxLength)
        return `longer than ${maxLength} characters`;
    const bad = FORBIDDEN_CHAR.exec(value)?.[0] ?? /\s/.exec(value)?.[0];
    return bad === undefined ? undefined : forbiddenReason(bad);
}
const codePoint = (ch) => `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
const forbiddenReason = (ch) => FORBIDDEN_CHAR.test(ch)
    ? `contains ${codePoint(ch)}: control and invisible formatting characters (bidi overrides, zero-width…) are not allowed in ids`
    : `contains whitespace (${codePoint(ch)}): not allowed in ids`;
const envelopeCheck = TypeCompiler.Compile(Envelope);
const payloadChecks = new Map(EVENT_TYPES.map((t) => [t, TypeCompiler.Compile(PAYLOADS[t])]));
function firstError(check, value, prefix) {
    const err = check.Errors(value).First();
    if (!err)
        return { field: prefix || '(event)', reason: 'invalid' };
    const path = err.path.replace(/^\//, '').replaceAll('/', '.');
    const field = [prefix, path].filter(Boolean).join('.') || '(event)';
    if (/unexpected property/i.test(err.message))
        return { field, reason: 'unknown field' };
    if (err.value === undefined)
        return { field, reason: 'required' };
    if (path === 'type' && prefix === '')
        return { field: 'type', reason: `unknown event type; expected one of ${EVENT_TYPES.join(', ')}` };
    // A pattern failure caused by a control or invisible character says which one, instead of echoing the regex.
    if (typeof err.value === 'string' && err.schema.pattern !== undefined) {
        const bad = FORBIDDEN_CHAR.exec(err.value)?.[0] ?? (err.schema.pattern === ID_PATTERN ? /\s/.exec(err.value)?.[0] : undefined);
        if (bad !== undefined)
            return { field, reason: forbiddenReason(bad) };
    }
    return { field, reason: err.message.toLowerCase() };
}
export function validateEvent(value, opts = {}) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return { ok: false, error: { field: '(event)', reason: 'expected a JSON object' } };
    }
    const raw = value;
    if (raw.tenant === undefined)
        return { ok: false, error: { field: 'tenant', reason: 'required' } };
    // The accepted window first: a ts in 2100 is told the bound and its setting, not the schema's outer limit.
    if (opts.tsRange && typeof raw.ts === 'number') {
        const now = opts.now ?? Date.now();
        const { maxFutureMs, maxPastMs } = opts.tsRange;
        if (raw.ts > now + maxFutureMs) {
            return {
                ok: false,
                error: {
                    field: 'ts',
                    reason: `more than ${maxFutureMs / 1000} s ahead of the server clock (MOFANG_MAX_FUTURE_S)`,
                },
            };
        }
        if (raw.ts < now - maxPastMs) {
            return {
                ok: false,
                error: {
                    field: 'ts',
                    reason: `more than ${+(maxPastMs / DAY_MS).toFixed(3)} days in the past (MOFANG_MAX_PAST_DAYS)`,
                },
            };
        }
    }
    if (!envelopeCheck.Check(raw))
        return { ok: false, error: firstError(envelopeCheck, raw, '') };
    const event = raw;
    if (!familyAllowsChannel(event.type, event.channel)) {
        return {
            ok: false,
            error: { field: 'channel', reason: `event type ${event.type} cannot occur on channel ${event.channel}` },
        };
    }
    if (needsInteraction(event.type) && !event.interaction_id) {
        return { ok: false, error: { field: 'interaction_id', reason: `required for ${event.type}` } };
    }
    if (event.type.startsWith('agent.') && !event.agent_id) {
        return { ok: false, error: { field: 'agent_id', reason: `required for ${event.type}` } };
    }
    if (event.type === 'identity.identify' && Object.keys(event.customer ?? {}).length < 2) {
        return { ok: false, error: { field: 'customer', reason: 'identity.identify links at least two identities' } };
    }
    const payload = event.payload ?? {};
    const check = payloadChecks.get(event.type);
    if (!check.Check(payload))
        return { ok: false, error: firstError(check, payload, 'payload') };
    return { ok: true, event };
}
//# sourceMappingURL=validate.js.map