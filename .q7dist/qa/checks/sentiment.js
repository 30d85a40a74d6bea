import { clamp, interactionFlag, NOT_APPLICABLE } from './context.js';
export function sentimentCheck(ctx, cfg) {
    const { first, last } = ctx.customer;
    if (first === null || last === null)
        return NOT_APPLICABLE;
    const angryLeft = first < cfg.angry_below && last < cfg.angry_below;
    if (!angryLeft)
        return { applicable: true, fraction: clamp((last + 1) / 2, 0, 1), failed: false, flags: [] };
    const lastCustomerTurn = ctx.turns.findLastIndex((t) => t.role === 'customer');
    const reason = `angry customer left angry (sentiment ${first.toFixed(2)} → ${last.toFixed(2)})`;
    return {
        applicable: true,
        fraction: 0,
        failed: true,
        flags: [interactionFlag('sentiment', cfg.severity ?? 'high', reason, lastCustomerTurn)],
    };
}
//# sourceMappingURL=sentiment.js.map