import { agentTurns, findAll, interactionFlag, NOT_APPLICABLE, } from './context.js';
function phraseInWindow(ctx, check, window, expected) {
    const cfg = ctx.card.spec.checks[check];
    const re = ctx.card.patterns.get(`checks.${check}.phrases`);
    if (window.length === 0)
        return NOT_APPLICABLE;
    if (window.some((i) => findAll(re, ctx.turns[i].text).length > 0))
        return { applicable: true, fraction: 1, failed: false, flags: [] };
    const flag = interactionFlag(check, cfg.severity ?? 'medium', expected, window[0]);
    return { applicable: true, fraction: 0, failed: true, flags: [flag] };
}
export function greetingCheck(ctx, cfg) {
    const window = agentTurns(ctx).slice(0, cfg.within_agent_turns);
    return phraseInWindow(ctx, 'greeting', window, `no greeting in the first ${cfg.within_agent_turns} agent turn(s)`);
}
export function closingCheck(ctx, cfg) {
    const window = agentTurns(ctx).slice(-cfg.within_last_agent_turns);
    return phraseInWindow(ctx, 'closing', window, `no closing in the last ${cfg.within_last_agent_turns} agent turn(s)`);
}
//# sourceMappingURL=opening-closing.js.map