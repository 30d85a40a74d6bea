/**
 * Seeded randomness for simulations, synthetic data and test fixtures: one API (`Random`) with every
 * distribution written once, over a 32-bit generator chosen at construction. Every draw of a run goes
 * through one instance, consumed in order, so a seed gives the same numbers on every machine and Node version.
 *
 * New code: `new Random(seed)` (mulberry32, seed mixed so that nearby seeds start far apart).
 * The other generators are here only because their exact output is pinned, and a different generator
 * would change it:
 * - `Random.stream(seed, stream)` (sfc32 seeded through splitmix32, independent streams per purpose):
 *   `mofang routing simulate`, whose seeded results README quotes, and the Erlang agreement test.
 * - `Random.minstd(seed)` (Park–Miller): forecast synthetic series and weather, which the forecast
 *   tests' accuracy bounds and README's weather-uplift figures were measured on.
 * - `Random.fromState(state)` (mulberry32, seed used as is): the sentiment corpus's train/held-out split,
 *   which weights.json, held-out-audit.tsv and README's accuracy figures rest on.
 * - `Random.xorshift32(seed)`: the wallboard demo day (browser test, screenshots).
 * - `Random.lcg32(seed)`: the synthetic whisper model's weights (what the transcription tests decode).
 */
export class Random {
    /** mulberry32 state (unused by the other generators, which override `next`). */
    state;
    /** Cached second Box-Muller deviate of `normal()`. */
    spare = NaN;
    constructor(seed) {
        // Mix the seed so nearby seeds (1, 2, 3…) start far apart.
        let s = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
        s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
        s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
        this.state = (s ^ (s >>> 16)) >>> 0;
    }
    /** mulberry32 from a raw 32-bit state, without mixing the seed. */
    static fromState(state) {
        const r = new Random(0);
        r.state = state >>> 0;
        return r;
    }
    /** sfc32 seeded through splitmix32: `stream` picks one of many independent sequences for the same seed. */
    static stream(seed, stream = 0) {
        return new Sfc32(seed, stream);
    }
    /** Park–Miller minimal standard LCG; `next()` is in (0, 1). */
    static minstd(seed) {
        return new MinStd(seed);
    }
    /** Marsaglia's xorshift32 (seed 0 counts as 1). */
    static xorshift32(seed) {
        return new Xorshift32(seed);
    }
    /** The C library's 32-bit LCG (× 1103515245 + 12345). */
    static lcg32(seed) {
        return new Lcg32(seed);
    }
    /** Uniform in [0, 1). */
    next() {
        let t = (this.state = (this.state + 0x6d2b79f5) | 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** Uniform in [min, max); [0, 1) without arguments. */
    uniform(min = 0, max = 1) {
        return min + (max - min) * this.next();
    }
    /** Integer in [min, max] inclusive. */
    int(min, max) {
        return min + Math.floor(this.next() * (max - min + 1));
    }
    chance(p) {
        return this.next() < p;
    }
    pick(items) {
        return items[Math.floor(this.next() * items.length)];
    }
    /** Shuffles `items` in place (Fisher-Yates, from the end) and returns it. */
    shuffle(items) {
        for (let i = items.length - 1; i > 0; i--) {
            const j = Math.floor(this.next() * (i + 1));
            [items[i], items[j]] = [items[j], items[i]];
        }
        return items;
    }
    /** Index drawn with probability proportional to weights[i]. */
    weightedIndex(weights, total) {
        let r = this.next() * (total ?? weights.reduce((a, b) => a + b, 0));
        for (let i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0)
                return i;
        }
        return weights.length - 1;
    }
    /**
     * One key of `weights` with probability equal to its weight; undefined with the remaining mass when they sum below
     * 1.
     */
    weightedKey(weights) {
        let u = this.next();
        for (const [k, w] of Object.entries(weights))
            if ((u -= w) < 0)
                return k;
        return undefined;
    }
    /** Exponential with the given mean. */
    exponential(mean) {
        return -mean * Math.log(1 - this.next());
    }
    /** Standard normal; draws a Box-Muller pair and keeps the second deviate for the next call. */
    normal() {
        if (!Number.isNaN(this.spare)) {
            const s = this.spare;
            this.spare = NaN;
            return s;
        }
        const u = 1 - this.next(), v = this.next();
        const r = Math.sqrt(-2 * Math.log(u));
        this.spare = r * Math.sin(2 * Math.PI * v);
        return r * Math.cos(2 * Math.PI * v);
    }
    /** Lognormal by its median and sigma (of the underlying normal): handle times, patience, gaps. */
    lognormal(median, sigma) {
        return median * Math.exp(sigma * this.normal());
    }
    /** Lognormal clamped to [min, max]: keeps rare draws inside what a contact centre would see. */
    lognormalIn(median, sigma, min, max) {
        return Math.min(max, Math.max(min, this.lognormal(median, sigma)));
    }
    /**
     * Lognormal by its own mean and standard deviation (not those of the underlying normal).
     * Two draws per call, always: it does not use or leave the cached deviate of `normal()`.
     */
    lognormalMeanSd(mean, sd) {
        const s2 = Math.log(1 + (sd * sd) / (mean * mean));
        return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * gauss(1 - this.next(), this.next()));
    }
    /** Poisson sample (Knuth for small means, normal approximation above 50). */
    poisson(mean) {
        if (mean > 50) {
            const z = gauss(this.next() || Number.MIN_VALUE, this.next());
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
        }
        const l = Math.exp(-mean);
        let k = 0;
        for (let p = this.next(); p > l; p *= this.next())
            k++;
        return k;
    }
    /** Random string over [0-9A-Za-z], for opaque platform ids (openids, PSIDs). */
    token(length) {
        const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
        let out = '';
        for (let i = 0; i < length; i++)
            out += alphabet[Math.floor(this.next() * 62)];
        return out;
    }
    /** Digits only, e.g. order numbers. */
    digits(length) {
        let out = '';
        for (let i = 0; i < length; i++)
            out += Math.floor(this.next() * 10);
        return out;
    }
}
/** Box-Muller: one standard normal deviate from u in (0, 1] and v in [0, 1). */
function gauss(u, v) {
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
class Sfc32 extends Random {
    a;
    b;
    c;
    d = 1;
    constructor(seed, stream) {
        super(0);
        let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
        const splitmix = () => {
            s = (s + 0x9e3779b9) >>> 0;
            let z = s;
            z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
            z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
            return (z ^ (z >>> 16)) >>> 0;
        };
        this.a = splitmix();
        this.b = splitmix();
        this.c = splitmix();
        for (let i = 0; i < 12; i++)
            this.next();
    }
    next() {
        const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
        this.d = (this.d + 1) >>> 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) >>> 0;
        this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
        this.c = (this.c + t) >>> 0;
        return t / 4294967296;
    }
}
class MinStd extends Random {
    s;
    constructor(seed) {
        super(0);
        this.s = seed % 2147483647 || 1;
    }
    next() {
        return (this.s = (this.s * 48271) % 2147483647) / 2147483647;
    }
}
class Xorshift32 extends Random {
    x;
    constructor(seed) {
        super(0);
        this.x = seed >>> 0 || 1;
    }
    next() {
        this.x ^= this.x << 13;
        this.x ^= this.x >>> 17;
        this.x ^= this.x << 5;
        return (this.x >>> 0) / 4294967296;
    }
}
class Lcg32 extends Random {
    s;
    constructor(seed) {
        super(0);
        this.s = seed >>> 0;
    }
    next() {
        return (this.s = (Math.imul(this.s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    }
}
//# sourceMappingURL=random.js.map