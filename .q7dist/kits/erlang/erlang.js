/**
 * Erlang C (M/M/n) and Erlang A (M/M/n+M, customers abandon after an
 * exponential patience) for contact-centre staffing.
 *
 * Stability: every quantity is built from the Erlang B recursion
 * B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), whose terms stay in [0, 1], so
 * there is no factorial or power to overflow at any agent count; Erlang A's
 * queue tail is summed as a product of ratios < 1 (after the overload peak).
 *
 * Conventions: times in seconds, rates per second. Service level = share of
 * offered contacts answered within the threshold (abandoned ones count as not
 * answered); contacts that find a free agent count as answered at 0 s.
 */
/** Offered load in Erlangs. */
export const erlangs = (l) => l.lambda * l.aht;
/** Erlang B blocking probability with `n` servers and offered load `a` Erlangs. */
export function erlangB(n, a) {
    let b = 1;
    for (let k = 1; k <= n; k++)
        b = (a * b) / (k + a * b);
    return b;
}
/** Erlang C probability of waiting; 1 when the queue is unstable (n ≤ a). */
export function erlangC(n, a) {
    if (n <= a)
        return 1;
    const b = erlangB(n, a);
    return (n * b) / (n - a * (1 - b));
}
/** Erlang C measures for `n` agents; SL threshold `t` seconds. Unstable queues (n ≤ A) give SL 0 and ASA ∞. */
export function erlangCMeasures(n, load, t) {
    const a = erlangs(load);
    if (n <= a)
        return { agents: n, serviceLevel: 0, asa: Infinity, probWait: 1, occupancy: 1, abandonment: 0 };
    const c = erlangC(n, a);
    return {
        agents: n,
        serviceLevel: 1 - c * Math.exp((-(n - a) * t) / load.aht),
        asa: (c * load.aht) / (n - a),
        probWait: c,
        occupancy: a / n,
        abandonment: 0,
    };
}
/** Stop summing the queue tail when a term adds less than this share. */
const TAIL_EPS = 1e-15;
/** Hard cap on the queue states considered (never reached for patience ≥ 1 s at sane loads). */
const MAX_QUEUE = 1_000_000;
/**
 * Erlang A measures for `n` agents with mean patience `patience` seconds.
 * The stationary queue is a birth-death chain; an arrival that finds j others
 * waiting passes through j+1 phases of rate nμ+iθ (i = j…0) and abandons at rate θ
 * meanwhile, so it is answered with probability nμ/(nμ+(j+1)θ).
 */
export function erlangAMeasures(n, load, t, patience) {
    if (load.lambda === 0)
        return { agents: n, serviceLevel: 1, asa: 0, probWait: 0, occupancy: 0, abandonment: 0 };
    const below = n === 0 ? 0 : 1 / erlangB(n, erlangs(load)) - 1;
    const nmu = n * (1 / load.aht);
    const q = queueWithPatience(load.lambda, nmu, 1 / patience, below, t);
    const occupancy = Math.min(1, (load.lambda * q.answered) / nmu);
    return {
        agents: n,
        serviceLevel: q.serviceLevel,
        asa: q.asa,
        probWait: q.probWait,
        occupancy,
        abandonment: q.abandonment,
    };
}
/**
 * The waiting part of Erlang A, for any chain whose states with a queue all serve at the same rate `nmu` (every
 * server busy): `below` = Σ π_x / π_n over the states with a free server (1/B − 1 for M/M/n). The chat model
 * (chat.ts) uses it with its own `below`. Occupancy is left to the caller; `answered` is the share answered.
 */
export function queueWithPatience(lambda, nmu, theta, below, t) {
    // Queue tail relative to π_n: q[j] = π_{n+j}/π_n, j ≥ 1.
    const q = [1];
    let tail = 0;
    for (let j = 1; j < MAX_QUEUE; j++) {
        const next = (q[j - 1] * lambda) / (nmu + j * theta);
        q.push(next);
        tail += next;
        if (next === 0)
            break;
        if (next < TAIL_EPS * tail && nmu + j * theta > lambda)
            break;
    }
    const z = below + 1 + tail; // Σ π / π_n
    let probWait = 0;
    let served = 0;
    let servedWait = 0;
    let queueLen = 0;
    let meanPhase = 0;
    for (let j = 0; j < q.length; j++) {
        const p = q[j] / z; // arrival finds n + j busy (PASTA), j waiting ahead
        meanPhase += 1 / (nmu + (j + 1) * theta);
        const pServed = nmu / (nmu + (j + 1) * theta);
        probWait += p;
        served += p * pServed;
        servedWait += p * pServed * meanPhase;
        queueLen += j * p;
    }
    const immediate = 1 - probWait;
    return {
        serviceLevel: immediate +
            answeredWithin(q.map((x) => x / z), nmu, theta, t),
        asa: servedWait / (immediate + served),
        probWait,
        abandonment: (theta * queueLen) / lambda,
        answered: immediate + served,
    };
}
/**
 * Σ_j p[j] · P(answered within t | j waiting ahead on arrival), by uniformization:
 * all terms are positive, so the sum is stable for long queues too.
 */
function answeredWithin(p, nmu, theta, t) {
    const J = p.length;
    const rate = nmu + (J + 1) * theta;
    const lt = rate * t;
    // v[j] = P(answered within k uniformized steps | j ahead); weight = Poisson(k; lt).
    let v = new Float64Array(J);
    let logWeight = -lt; // log-space: e^(−lt) underflows once lt > 745
    let total = 0;
    let mass = Math.exp(logWeight);
    const kMax = Math.ceil(lt + 12 * Math.sqrt(lt) + 20);
    for (let k = 1; k <= kMax; k++) {
        const next = new Float64Array(J);
        for (let j = 0; j < J; j++) {
            const down = (nmu + j * theta) / rate;
            const stay = 1 - down - theta / rate;
            next[j] = down * (j === 0 ? 1 : v[j - 1]) + stay * v[j];
        }
        v = next;
        logWeight += Math.log(lt / k);
        const weight = Math.exp(logWeight);
        mass += weight;
        let s = 0;
        for (let j = 0; j < J; j++)
            s += p[j] * v[j];
        total += weight * s;
    }
    return total + (1 - mass) * dot(p, v);
}
function dot(a, b) {
    let s = 0;
    for (let i = 0; i < a.length; i++)
        s += a[i] * b[i];
    return s;
}
//# sourceMappingURL=erlang.js.map