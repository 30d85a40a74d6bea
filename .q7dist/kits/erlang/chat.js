/**
 * Chat staffing with concurrency: each agent holds up to k chats at once, and every chat she holds goes slower the
 * more she holds. The per-chat service rate depends on the agent's own number of chats, as in Tezcan & Zhang (2014),
 * "Routing and staffing in customer service chat systems with impatient customers", Operations Research 62(4). Here:
 *
 *   handle time of a chat while its agent holds j chats = AHT₁ · (1 + α·(j − 1))
 *
 * with AHT₁ the handle time of a chat handled alone and α the slowdown (0: k chats go as fast as one; 1: no gain
 * from concurrency at all). An agent holding j chats finishes g(j) = j / (AHT₁·(1 + α(j − 1))) chats per second.
 *
 * The chain: new chats go to the least-loaded agent with a free slot (routing `fairness: least_occupied`), so with
 * x chats in service among n agents the loads are ⌊x/n⌋ or ⌈x/n⌉ and the completion rate is
 * d(x) = r·g(q + 1) + (n − r)·g(q), with x = q·n + r. That makes the total in the system a birth-death chain:
 * below c = n·k chats it is the chain above; from c on every slot is full, every agent finishes at g(k), and the
 * queue behaves exactly like Erlang C (or A, with patience) with c servers of handle time AHT₁·(1 + α(k − 1)).
 * The one approximation is the balance: a finishing chat can leave loads uneven until the next arrivals even them
 * out, and since g is concave an uneven split finishes slightly slower; routing/sim/chat.eval.test.ts measures the
 * effect.
 *
 * With k = 1 the chain is M/M/n exactly (d(x) = x/AHT₁), and `staff` keeps using the Erlang C/A code as before.
 * Stability as in erlang.ts: the states below c are summed through the Erlang B-like recursion
 * B(x) = λ·B(x−1) / (d(x) + λ·B(x−1)), whose terms stay in [0, 1].
 */
import { queueWithPatience } from './erlang.js';
/** Most chats one agent may hold in the model. */
export const MAX_CONCURRENCY = 8;
/**
 * Default slowdown α: each further chat an agent holds lengthens every one of her chats by a quarter of the time it
 * takes alone, so at 3 chats each takes 1.5× as long and a full agent finishes 2 chats in the time of one solo chat.
 */
export const DEFAULT_SLOWDOWN = 0.25;
/** Handle time of one chat while its agent holds `j` chats, from the solo handle time `aht`. */
export const chatHandleTime = (aht, j, slowdown = DEFAULT_SLOWDOWN) => aht * (1 + slowdown * (j - 1));
/** Throws a RangeError for a concurrency outside 1…8 or a slowdown outside 0…1. */
export function checkConcurrency(c) {
    if (!Number.isInteger(c.concurrency) || c.concurrency < 1 || c.concurrency > MAX_CONCURRENCY)
        throw new RangeError(`concurrency must be a whole number 1…${MAX_CONCURRENCY}, got ${c.concurrency}`);
    const a = c.slowdown ?? DEFAULT_SLOWDOWN;
    if (!(a >= 0 && a <= 1))
        throw new RangeError(`slowdown must be within 0…1, got ${a}`);
}
/**
 * Measures of `n` agents with `concurrency` chat slots each; SL threshold `t` seconds, `load.aht` the solo handle
 * time. Without `patience` the waiting part is Erlang C's (unstable queues give SL 0 and ASA ∞); with it, Erlang A's.
 * `occupancy` is the share of chat slots in use (for k = 1, the agents' busy share as in Erlang C/A).
 */
export function chatMeasures(n, load, t, c, patience) {
    checkConcurrency(c);
    const { lambda } = load;
    const k = c.concurrency;
    const alpha = c.slowdown ?? DEFAULT_SLOWDOWN;
    if (lambda === 0)
        return { agents: n, serviceLevel: 1, asa: 0, probWait: 0, occupancy: 0, abandonment: 0 };
    const slots = n * k;
    const g = (j) => j / chatHandleTime(load.aht, j, alpha); // chats per second of an agent holding j
    const full = n * g(k); // completion rate with every slot taken
    // Over the states x < slots: below = Σ π_x / π_slots, and the mean of x among them.
    let b = 1;
    let mean = 0;
    let meanBelow = 0;
    for (let x = 1; x <= slots; x++) {
        if (x === slots)
            meanBelow = mean;
        const q = Math.floor(x / n);
        const r = x - q * n;
        const d = r * g(q + 1) + (n - r) * g(q);
        b = (lambda * b) / (d + lambda * b);
        mean = (1 - b) * mean + b * x;
    }
    const below = slots === 0 ? 0 : 1 / b - 1;
    const occupancy = (probWait) => slots === 0 ? 1 : Math.min(1, ((1 - probWait) * meanBelow + probWait * slots) / slots);
    if (patience !== undefined) {
        const w = queueWithPatience(lambda, full, 1 / patience, below, t);
        return {
            agents: n,
            serviceLevel: w.serviceLevel,
            asa: w.asa,
            probWait: w.probWait,
            occupancy: occupancy(w.probWait),
            abandonment: w.abandonment,
        };
    }
    if (full <= lambda)
        return { agents: n, serviceLevel: 0, asa: Infinity, probWait: 1, occupancy: 1, abandonment: 0 };
    const queued = full / (full - lambda); // Σ_{j ≥ 0} π_{slots+j} / π_slots, a geometric tail
    const probWait = queued / (below + queued);
    return {
        agents: n,
        // Every slot is busy while anyone waits, so the wait of a waiting chat is exponential at rate full − λ.
        serviceLevel: 1 - probWait * Math.exp(-(full - lambda) * t),
        asa: probWait / (full - lambda),
        probWait,
        occupancy: occupancy(probWait),
        abandonment: 0,
    };
}
//# sourceMappingURL=chat.js.map