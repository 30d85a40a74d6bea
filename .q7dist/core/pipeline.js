export const ok = (value) => ({ kind: 'ok', value });
export const drop = (reason, detail) => ({
    kind: 'drop',
    reason,
    detail,
});
export const dlq = (reason, error) => ({ kind: 'dlq', reason, error });
/** An empty pipeline named `name` (add steps with `.step`); it passes its input through until then. */
export function pipeline(name, opts = {}) {
    return new Runner(name, opts.drops, []);
}
const isPromise = (x) => typeof x.then === 'function';
class Runner {
    name;
    drops;
    steps;
    constructor(name, drops, steps) {
        this.name = name;
        this.drops = drops;
        this.steps = steps;
    }
    step(name, run) {
        return new Runner(this.name, this.drops, [...this.steps, { name, run }]);
    }
    run(input, ctx) {
        const steps = this.steps;
        let value = input;
        let last;
        for (let i = 0; i < steps.length; i++) {
            const out = steps[i].run(value, ctx);
            if (isPromise(out))
                return this.resume(out, i, ctx);
            if (out.kind !== 'ok')
                return this.stop(out, i);
            value = out.value;
            last = out;
        }
        return last ?? ok(input);
    }
    runBatch(inputs, ctx) {
        const batch = { values: [], stopped: [] };
        for (let index = 0; index < inputs.length; index++) {
            const out = this.run(inputs[index], ctx);
            if (out instanceof Promise)
                return this.resumeBatch(batch, out, index, inputs, ctx);
            collect(batch, out, index);
        }
        return batch;
    }
    /** The rest of a run once step `i` returned a promise. */
    async resume(pending, i, ctx) {
        const steps = this.steps;
        let out = await pending;
        for (;;) {
            if (out.kind !== 'ok')
                return this.stop(out, i);
            if (++i === steps.length)
                return out;
            const next = steps[i].run(out.value, ctx);
            out = isPromise(next) ? await next : next;
        }
    }
    async resumeBatch(batch, pending, index, inputs, ctx) {
        collect(batch, await pending, index);
        for (index++; index < inputs.length; index++)
            collect(batch, await this.run(inputs[index], ctx), index);
        return batch;
    }
    stop(out, i) {
        const step = this.steps[i].name;
        if (out.kind === 'dlq')
            return { kind: 'dlq', reason: out.reason, error: out.error, step };
        this.drops?.add(out.reason);
        return { kind: 'drop', reason: out.reason, detail: out.detail, step };
    }
}
function collect(batch, out, index) {
    if (out.kind === 'ok')
        batch.values.push(out.value);
    else
        batch.stopped.push({ index, outcome: out });
}
/** One counter per reason, declared up front so a typo is a compile error and /metrics lists zeros too. */
export class Counters {
    name;
    values;
    constructor(name, keys) {
        this.name = name;
        this.values = Object.fromEntries(keys.map((k) => [k, 0]));
    }
    add(key, n = 1) {
        this.values[key] += n;
    }
    get(key) {
        return this.values[key];
    }
    snapshot() {
        return { ...this.values };
    }
    /** Prometheus text exposition lines: `mofang_<name>_total{reason="<key>"} <count>`. */
    prometheus() {
        return Object.entries(this.values)
            .map(([k, v]) => `mofang_${this.name}_total{reason="${k}"} ${v}`)
            .join('\n');
    }
}
//# sourceMappingURL=pipeline.js.map