/**
 * QA turns, with times relative to the start of the call. Mono turns have no known speaker: they are given
 * to QA as `customer` so agent-behaviour checks (greeting, politeness) find no agent turns and stay
 * not-applicable instead of judging the customer's words as the agent's.
 */
export function toQaTurns(t) {
    return t.turns.map((turn) => ({
        role: turn.speaker === 'agent' ? 'agent' : 'customer',
        text: turn.text,
        ts: turn.start_ms,
    }));
}
export function extraOf(t) {
    const { duration_ms, silence_ms, silences, overtalk_ms } = t.audio;
    return {
        audio: { duration_ms, silence_ms, silences, overtalk_ms },
        language: t.language === 'zh' || t.language === 'en' ? t.language : undefined,
        speakerAttributed: t.turns.every((x) => x.speaker !== 'unknown'),
    };
}
/** The same hand-off as a QA engine Interaction, for callers that score directly (tests, batch). */
export function toInteraction(t) {
    const extra = extraOf(t);
    return {
        interaction_id: t.interaction_id,
        channel: 'voice',
        language: extra.language,
        audio: extra.audio,
        turns: toQaTurns(t),
    };
}
//# sourceMappingURL=handoff.js.map