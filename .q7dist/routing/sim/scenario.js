/**
 * Simulation scenarios (YAML or JSON): who calls when, how long they talk and
 * wait, which agents work which shifts, and the routing configuration to test.
 */
import { readFileSync } from 'node:fs';
import { BadInputError, CHANNELS } from '../../core/index.js';
import { arrayOf, either, num, obj, oneOf, recordOf, str } from '../checks.js';
import { formatErrors, parseConfigText, validateTenantConfig } from '../validate-config.js';
const positive = num({ above: 0 });
const share = num({ min: 0, max: 1 });
const distribution = obj({ dist: oneOf(['exponential', 'lognormal', 'fixed']), mean_s: positive, sd_s: positive }, [
    'dist',
    'mean_s',
]);
const level = num({ min: 1, max: 5, integer: true });
const range = (item) => arrayOf(item, { minItems: 2 });
const anything = () => { };
const scenarioShape = obj({
    name: str(),
    description: str(),
    seed: num({ min: 0, integer: true }),
    duration_h: positive,
    warmup_h: num({ min: 0 }),
    drain_h: num({ min: 0 }),
    proficiency_effect: num({ min: 0, max: 0.3 }),
    concurrency_slowdown: num({ min: 0, max: 1 }),
    callback_accept: share,
    population: num({ min: 1, integer: true }),
    routing: anything, // checked by validateTenantConfig, with its own field names
    streams: arrayOf(obj({
        queue: str(),
        channel: oneOf(CHANNELS),
        rate_per_h: num({ min: 0 }),
        profile: arrayOf(num({ min: 0 })),
        language: recordOf(share),
        tags: arrayOf(recordOf(share)),
        vip: recordOf(share),
        returning: share,
        at_risk: share,
        handle: distribution,
        patience: distribution,
    }, ['queue', 'rate_per_h', 'handle']), { minItems: 1 }),
    agents: arrayOf(obj({
        name: str(),
        count: num({ min: 0, integer: true }),
        shift: obj({ start_h: num({ min: 0 }), end_h: positive }, ['start_h', 'end_h']),
        skills: recordOf(either(level, range(level))),
        tags: arrayOf(either(str(), arrayOf(str(), { minItems: 1 }))),
        groups: arrayOf(str()),
        capacity: recordOf(num({ min: 0, integer: true })),
        csat: either(num({ min: 1, max: 5 }), range(num({ min: 1, max: 5 }))),
    }, ['name', 'count', 'skills']), { minItems: 1 }),
}, ['name', 'duration_h', 'routing', 'streams', 'agents']);
function crossChecks(s, errors) {
    s.streams.forEach((st, i) => {
        if (st.profile && st.profile.length !== 24)
            errors.push({
                field: `streams[${i}].profile`,
                reason: `must have 24 hourly multipliers, got ${st.profile.length}`,
            });
        if (st.handle.dist === 'lognormal' && st.handle.sd_s === undefined)
            errors.push({ field: `streams[${i}].handle.sd_s`, reason: 'required for a lognormal distribution' });
        if (st.patience?.dist === 'lognormal' && st.patience.sd_s === undefined)
            errors.push({ field: `streams[${i}].patience.sd_s`, reason: 'required for a lognormal distribution' });
        for (const [k, w] of Object.entries({ language: st.language, vip: st.vip })) {
            if (w && Object.values(w).reduce((a, b) => a + b, 0) > 1 + 1e-9)
                errors.push({ field: `streams[${i}].${k}`, reason: 'probabilities add up to more than 1' });
        }
        st.tags?.forEach((g, j) => {
            if (Object.values(g).reduce((a, b) => a + b, 0) > 1 + 1e-9)
                errors.push({ field: `streams[${i}].tags[${j}]`, reason: 'probabilities add up to more than 1' });
        });
        for (const tier of Object.keys(st.vip ?? {})) {
            if (!/^[1-9]$/.test(tier))
                errors.push({ field: `streams[${i}].vip.${tier}`, reason: 'VIP tiers are 1-9' });
        }
    });
    s.agents.forEach((g, i) => {
        if (g.shift && g.shift.end_h <= g.shift.start_h)
            errors.push({ field: `agents[${i}].shift.end_h`, reason: `must be after start_h (${g.shift.start_h})` });
    });
    if ((s.warmup_h ?? 0) >= s.duration_h)
        errors.push({ field: 'warmup_h', reason: `must be shorter than duration_h (${s.duration_h})` });
}
export function validateScenario(raw) {
    const errors = [];
    scenarioShape(raw, '', errors);
    if (errors.length)
        return { ok: false, errors };
    const s = raw;
    const routing = validateTenantConfig(s.routing, 'routing.');
    if (!routing.ok)
        return { ok: false, errors: routing.errors };
    const scenario = { ...s, routing: routing.value };
    crossChecks(scenario, errors);
    return errors.length ? { ok: false, errors } : { ok: true, value: scenario };
}
export function loadScenarioFile(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (err) {
        throw new BadInputError(`cannot read scenario ${path}: ${err.message}`);
    }
    const r = validateScenario(parseConfigText(text, path));
    if (!r.ok)
        throw new BadInputError(formatErrors(path, r.errors));
    return r.value;
}
//# sourceMappingURL=scenario.js.map