const join = (path, key) => (path ? `${path}.${key}` : key);
const show = (v) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));
export function num(o = {}) {
    return (v, path, errors) => {
        if (typeof v !== 'number' || !Number.isFinite(v))
            return void errors.push({ field: path, reason: `must be a number, got ${show(v)}` });
        if (o.integer && !Number.isInteger(v))
            errors.push({ field: path, reason: `must be a whole number, got ${v}` });
        else if (o.min !== undefined && v < o.min)
            errors.push({ field: path, reason: `must be ≥ ${o.min}, got ${v}` });
        else if (o.above !== undefined && v <= o.above)
            errors.push({ field: path, reason: `must be > ${o.above}, got ${v}` });
        else if (o.max !== undefined && v > o.max)
            errors.push({ field: path, reason: `must be ≤ ${o.max}, got ${v}` });
    };
}
export function str() {
    return (v, path, errors) => {
        if (typeof v !== 'string' || v === '')
            errors.push({ field: path, reason: `must be a non-empty string, got ${show(v)}` });
    };
}
export function bool() {
    return (v, path, errors) => {
        if (typeof v !== 'boolean')
            errors.push({ field: path, reason: `must be true or false, got ${show(v)}` });
    };
}
export function oneOf(values) {
    return (v, path, errors) => {
        if (typeof v !== 'string' || !values.includes(v))
            errors.push({ field: path, reason: `must be one of ${values.join(', ')}; got ${show(v)}` });
    };
}
export function arrayOf(item, o = {}) {
    return (v, path, errors) => {
        if (!Array.isArray(v))
            return void errors.push({ field: path, reason: `must be a list, got ${show(v)}` });
        if (o.minItems && v.length < o.minItems)
            errors.push({ field: path, reason: `must have at least ${o.minItems} item${o.minItems > 1 ? 's' : ''}` });
        v.forEach((x, i) => item(x, `${path}[${i}]`, errors));
        if (o.unique) {
            const dup = v.find((x, i) => v.indexOf(x) !== i);
            if (dup !== undefined)
                errors.push({ field: path, reason: `lists ${show(dup)} twice` });
        }
    };
}
const isMapping = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A mapping with known keys (all optional unless in `required`); unknown keys are errors, which catches typos. */
export function obj(shape, required = []) {
    return (v, path, errors) => {
        if (!isMapping(v))
            return void errors.push({ field: path || '(top level)', reason: `must be a mapping, got ${show(v)}` });
        for (const key of required)
            if (v[key] === undefined)
                errors.push({ field: join(path, key), reason: 'required' });
        for (const [key, value] of Object.entries(v)) {
            if (!(key in shape))
                errors.push({
                    field: join(path, key),
                    reason: `unknown field; expected one of ${Object.keys(shape).join(', ')}`,
                });
            else if (value !== undefined)
                shape[key](value, join(path, key), errors);
        }
    };
}
/** A mapping of free-form names (queues, skills) to values of one kind. */
export function recordOf(value) {
    return (v, path, errors) => {
        if (!isMapping(v))
            return void errors.push({ field: path, reason: `must be a mapping, got ${show(v)}` });
        for (const [key, x] of Object.entries(v))
            value(x, join(path, key), errors);
    };
}
/** Accepts either of two shapes (e.g. a number or a [min, max] range); reports the first shape's errors. */
export function either(a, b) {
    return (v, path, errors) => {
        const ea = [], eb = [];
        a(v, path, ea);
        if (!ea.length)
            return;
        b(v, path, eb);
        if (eb.length)
            errors.push(...ea);
    };
}
//# sourceMappingURL=checks.js.map