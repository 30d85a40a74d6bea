export const NOT_APPLICABLE = { applicable: false, fraction: 0, failed: false, flags: [] };
export function findAll(re, text) {
    if (!re)
        return [];
    return Array.from(text.matchAll(re), (m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] })).filter((m) => m.end > m.start);
}
/** Indexes of the turns the company speaks (agents; bots too when `withBots`). */
export function agentTurns(ctx, withBots = false) {
    return ctx.turns.flatMap((t, i) => (t.role === 'agent' || (withBots && t.role === 'bot') ? [i] : []));
}
export function spanFlag(check, severity, turn, m, reason) {
    return { check, severity, turn, start: m.start, end: m.end, text: m.text, reason };
}
/** A finding about the interaction as a whole (a missing greeting, too little use of the name). */
export function interactionFlag(check, severity, reason, turn = -1) {
    return { check, severity, turn, start: 0, end: 0, text: '', reason };
}
export const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
//# sourceMappingURL=context.js.map