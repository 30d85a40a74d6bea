/**
 * Merges per-channel segments into turns ordered by start time (ties: the earlier end first). Consecutive
 * segments of one speaker stay separate turns: their times are what dead-air and overtalk evidence points at.
 */
export function mergeChannels(channels) {
    return channels
        .flatMap(({ speaker, segments }) => segments.map((s) => ({ speaker, text: s.text, start_ms: s.start_ms, end_ms: s.end_ms })))
        .sort((a, b) => a.start_ms - b.start_ms || a.end_ms - b.end_ms);
}
//# sourceMappingURL=merge.js.map