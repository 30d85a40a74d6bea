/**
 * Addressing the customer by surname (王先生, 欧阳女士, Mr Wang) at least `per_minute` times in every minute the agent
 * speaks, not on average: four times in the first minute and never after is two minutes, one kept and one missed.
 * Minutes are counted from the first turn on the turns' timestamps; a minute with no agent turn (the customer
 * talking, a wait) asks nothing; the last, shorter minute asks its share (at least once). Only when the customer's
 * name is known. Without timestamps the conversation counts as one minute.
 */
import { addressPattern } from '../surname.js';
import { agentTurns, clamp, findAll, interactionFlag, NOT_APPLICABLE, } from './context.js';
const MS_PER_MINUTE = 60_000;
export function conversationMinutes(ctx) {
    const times = ctx.turns.map((t) => t.ts).filter((ts) => typeof ts === 'number');
    if (times.length < 2)
        return 1;
    return (Math.max(...times) - Math.min(...times)) / MS_PER_MINUTE;
}
/** The minutes the agent spoke in, with the addresses each holds and what it asks. */
function minutesOf(ctx, turns, re, perMinute) {
    const times = ctx.turns.map((t) => t.ts);
    const timed = times.filter((ts) => typeof ts === 'number');
    const start = timed.length >= 2 ? Math.min(...timed) : undefined;
    const length = start === undefined ? MS_PER_MINUTE : Math.max(...timed) - start;
    const count = Math.max(1, Math.ceil(length / MS_PER_MINUTE));
    const minutes = new Map();
    for (const i of turns) {
        const ts = times[i];
        const k = start === undefined || ts === undefined ? 0 : Math.min(count - 1, Math.floor((ts - start) / MS_PER_MINUTE));
        const share = k < count - 1 ? 1 : (length - k * MS_PER_MINUTE) / MS_PER_MINUTE || 1;
        const m = minutes.get(k) ?? { n: k + 1, addressed: 0, required: Math.max(1, Math.ceil(perMinute * share)) };
        m.addressed += findAll(re, ctx.turns[i].text).length;
        minutes.set(k, m);
    }
    return [...minutes.values()].sort((a, b) => a.n - b.n);
}
export function addressCheck(ctx, cfg) {
    const turns = agentTurns(ctx);
    if (!ctx.surname || turns.length === 0)
        return NOT_APPLICABLE;
    const minutes = minutesOf(ctx, turns, addressPattern(ctx.surname), cfg.per_minute);
    const missed = minutes.filter((m) => m.addressed < m.required);
    if (missed.length === 0)
        return { applicable: true, fraction: 1, failed: false, flags: [] };
    const which = missed.map((m) => `minute ${m.n}: ${m.addressed} of ${m.required}`).join(', ');
    const reason = `addressed the customer by surname (${ctx.surname}) too rarely in ${missed.length} of ${minutes.length} ` +
        `minute(s) the agent spoke (${which}; at least ${cfg.per_minute} a minute)`;
    return {
        applicable: true,
        fraction: clamp(1 - missed.length / minutes.length, 0, 1),
        failed: true,
        flags: [interactionFlag('address_by_surname', cfg.severity ?? 'low', reason)],
    };
}
//# sourceMappingURL=address.js.map