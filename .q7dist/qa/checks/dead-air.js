import { interactionFlag, NOT_APPLICABLE } from './context.js';
/** Each dead-air finding costs this share of the check's weight. */
const PER_FINDING = 0.5;
/** The turn being spoken when the silence began, when the turns carry times relative to the first one. */
function turnAt(ctx, ms) {
    const t0 = ctx.turns.find((t) => typeof t.ts === 'number')?.ts;
    if (t0 === undefined)
        return -1;
    return ctx.turns.findLastIndex((t) => typeof t.ts === 'number' && t.ts - t0 <= ms);
}
export function deadAirCheck(ctx, cfg) {
    const audio = ctx.interaction.audio;
    if (!audio || !(audio.duration_ms > 0))
        return NOT_APPLICABLE;
    const severity = cfg.severity ?? 'medium';
    const flags = (audio.silences ?? [])
        .filter((s) => s.end_ms - s.start_ms >= cfg.max_silence_ms)
        .map((s) => interactionFlag('dead_air', severity, `silence of ${((s.end_ms - s.start_ms) / 1000).toFixed(1)} s at ${(s.start_ms / 1000).toFixed(1)} s`, turnAt(ctx, s.start_ms)));
    const silence = audio.silence_ms ?? (audio.silences ?? []).reduce((sum, s) => sum + (s.end_ms - s.start_ms), 0);
    const share = silence / audio.duration_ms;
    if (share > cfg.max_silence_share) {
        flags.push(interactionFlag('dead_air', severity, `silence is ${(share * 100).toFixed(0)}% of the call (limit ${(cfg.max_silence_share * 100).toFixed(0)}%)`));
    }
    return { applicable: true, fraction: Math.max(0, 1 - PER_FINDING * flags.length), failed: flags.length > 0, flags };
}
//# sourceMappingURL=dead-air.js.map