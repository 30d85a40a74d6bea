/**
 * Validation of routing configuration (JSON or YAML). Every problem is reported
 * with the path of the field, e.g. `queues.repair.expansion[1].after_s: must be ≥ 0`,
 * and all problems are listed at once so a user fixes a file in one pass.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { BadInputError, CHANNELS } from '../core/index.js';
import { POLICY_NAMES } from './config.js';
import { arrayOf, bool, num, obj, oneOf, recordOf, str } from './checks.js';
const level = num({ min: 1, max: 5, integer: true });
const seconds = num({ min: 0 });
const weight = num({ min: 0 });
const queuePolicy = obj({
    policies: arrayOf(oneOf(POLICY_NAMES), { unique: true }),
    skills: recordOf(level),
    priority: num({ min: -1000, max: 1000 }),
    aging_per_s: num({ above: 0, max: 1000 }),
    expansion: arrayOf(obj({ after_s: seconds, min_proficiency: level }, ['after_s', 'min_proficiency']), {
        minItems: 1,
    }),
    skill_weight: weight,
    tags: obj({ customer_weight: weight, agent_weight: weight }),
    vip: obj({
        min_tier: num({ min: 1, max: 9, integer: true }),
        priority_per_tier: weight,
        dedicated_group: str(),
        dedicated_bonus: weight,
        reserve_s: seconds,
        target_s: seconds,
    }),
    affinity: obj({ timeout_s: seconds, bonus: weight, max_age_h: seconds }),
    rating: obj({
        at_risk_rating: num({ min: 1, max: 5 }),
        at_risk_sentiment: num({ min: -1, max: 1 }),
        weight,
        priority_boost: weight,
    }),
    fairness: obj({ mode: oneOf(['longest_idle', 'least_occupied']), weight, idle_cap_s: num({ above: 0 }) }),
    overflow: arrayOf(obj({ after_s: seconds, to: str() }, ['after_s', 'to'])),
    callback: obj({ predicted_wait_s: seconds, default_aht_s: num({ above: 0 }) }),
    service_level_s: seconds,
});
const tenantConfig = obj({
    tenant: str(),
    exclusive_channels: arrayOf(oneOf(CHANNELS), { unique: true }),
    require_language: bool(),
    defaults: queuePolicy,
    queues: recordOf(queuePolicy),
});
/** Rules that span fields: ascending steps, overflow targets that exist. */
function crossChecks(cfg, prefix, errors) {
    const blocks = [
        ['defaults', cfg.defaults],
        ...Object.entries(cfg.queues).map(([q, p]) => [`queues.${q}`, p]),
    ];
    for (const [path, p] of blocks) {
        p.expansion?.forEach((step, i) => {
            if (i > 0 && step.after_s <= p.expansion[i - 1].after_s)
                errors.push({
                    field: `${prefix}${path}.expansion[${i}].after_s`,
                    reason: `must be greater than the previous step's after_s (${p.expansion[i - 1].after_s})`,
                });
        });
        p.overflow?.forEach((step, i) => {
            if (!(step.to in cfg.queues))
                errors.push({
                    field: `${prefix}${path}.overflow[${i}].to`,
                    reason: `unknown queue "${step.to}"; configured queues: ${Object.keys(cfg.queues).join(', ') || '(none)'}`,
                });
            else if (path === `queues.${step.to}`)
                errors.push({ field: `${prefix}${path}.overflow[${i}].to`, reason: 'a queue cannot overflow to itself' });
        });
    }
    if (cfg.defaults.skills)
        errors.push({ field: `${prefix}defaults.skills`, reason: 'skills belong to a queue, not to defaults' });
}
/** Checks one tenant's configuration; `prefix` is prepended to field paths (e.g. `tenants.acme.`). */
export function validateTenantConfig(raw, prefix = '') {
    const errors = [];
    tenantConfig(raw, prefix.replace(/\.$/, ''), errors);
    if (errors.length)
        return { ok: false, errors };
    const r = raw;
    const cfg = {
        tenant: r.tenant,
        exclusive_channels: r.exclusive_channels ?? ['voice'],
        require_language: r.require_language ?? true,
        defaults: r.defaults ?? {},
        queues: r.queues ?? {},
    };
    crossChecks(cfg, prefix, errors);
    return errors.length ? { ok: false, errors } : { ok: true, value: cfg };
}
/**
 * A routing file holds one tenant (`tenant`, `defaults`, `queues`) or several under `tenants: { name: … }`.
 * Returns tenant name → config; a single-tenant file without `tenant` is named "default".
 */
export function validateRoutingFile(raw) {
    if (raw !== null && typeof raw === 'object' && 'tenants' in raw) {
        const tenants = raw.tenants;
        const errors = [];
        const extra = Object.keys(raw).filter((k) => k !== 'tenants');
        if (extra.length)
            errors.push({ field: extra[0], reason: 'unknown field (a file with `tenants` holds nothing else)' });
        if (tenants === null || typeof tenants !== 'object' || Array.isArray(tenants))
            return {
                ok: false,
                errors: [...errors, { field: 'tenants', reason: 'must be a mapping of tenant name → configuration' }],
            };
        const out = {};
        for (const [name, t] of Object.entries(tenants)) {
            const r = validateTenantConfig(t, `tenants.${name}.`);
            if (r.ok)
                out[name] = { ...r.value, tenant: r.value.tenant ?? name };
            else
                errors.push(...r.errors);
        }
        return errors.length ? { ok: false, errors } : { ok: true, value: out };
    }
    const r = validateTenantConfig(raw);
    return r.ok ? { ok: true, value: { [r.value.tenant ?? 'default']: r.value } } : r;
}
/** Parses a `.json` file as JSON and anything else as YAML (which also accepts JSON). */
export function parseConfigText(text, source) {
    try {
        return source.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    }
    catch (err) {
        throw new BadInputError(`${source}: not valid ${source.endsWith('.json') ? 'JSON' : 'YAML'}: ${err.message.split('\n')[0]}`);
    }
}
export function formatErrors(source, errors) {
    return (`${source}: ${errors.length} problem${errors.length > 1 ? 's' : ''}\n` +
        errors.map((e) => `  ${e.field}: ${e.reason}`).join('\n'));
}
/** Reads and validates a routing file; throws BadInputError listing every problem. */
export function loadRoutingConfigFile(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (err) {
        throw new BadInputError(`cannot read ${path}: ${err.message}`);
    }
    const r = validateRoutingFile(parseConfigText(text, path));
    if (!r.ok)
        throw new BadInputError(formatErrors(path, r.errors));
    return r.value;
}
//# sourceMappingURL=validate-config.js.map