/**
 * Energy-based voice activity per channel, and the silence/overtalk statistics QA's dead-air check reads.
 * Deliberately simple: 20 ms frames are voiced above an absolute floor or a margin over the channel's own
 * noise floor, and short gaps are bridged so pauses between words do not count as silence.
 */
import { SAMPLE_RATE } from './audio.js';
/** Voiced flags per frame of one channel. */
export function voicedFrames(pcm, opts = {}) {
    const frame = Math.round((SAMPLE_RATE * (opts.frameMs ?? 20)) / 1000);
    const n = Math.floor(pcm.length / frame);
    const db = new Float64Array(n);
    for (let f = 0; f < n; f++) {
        let sum = 0;
        for (let i = f * frame; i < (f + 1) * frame; i++)
            sum += pcm[i] * pcm[i];
        db[f] = 10 * Math.log10(sum / frame + 1e-12);
    }
    const noise = n ? [...db].sort((a, b) => a - b)[Math.floor(n * 0.1)] : -120;
    const threshold = Math.max(opts.floorDb ?? -45, noise + (opts.marginDb ?? 12));
    const voiced = [...db].map((d) => d > threshold);
    const bridge = Math.round((opts.bridgeMs ?? 300) / (opts.frameMs ?? 20));
    for (let f = 0, lastVoiced = -1; f < n; f++) {
        if (!voiced[f])
            continue;
        if (lastVoiced >= 0 && f - lastVoiced - 1 <= bridge)
            voiced.fill(true, lastVoiced + 1, f);
        lastVoiced = f;
    }
    return voiced;
}
/** Silences (nobody voiced), overtalk (two parties voiced) and talk time, from per-channel voice activity. */
export function audioStats(channels, speakers, opts = {}) {
    const frameMs = opts.frameMs ?? 20;
    const minSilence = opts.minSilenceMs ?? 2_000;
    const flags = channels.map((c) => voicedFrames(c, opts));
    const frames = Math.max(0, ...flags.map((f) => f.length));
    const talk = {};
    speakers.forEach((s, i) => (talk[s] = (talk[s] ?? 0) + flags[i].filter(Boolean).length * frameMs));
    let silenceFrames = 0, overtalkFrames = 0, runStart = -1;
    const silences = [];
    const closeRun = (end) => {
        if (runStart >= 0 && (end - runStart) * frameMs >= minSilence)
            silences.push({ start_ms: runStart * frameMs, end_ms: end * frameMs });
        runStart = -1;
    };
    for (let f = 0; f < frames; f++) {
        const active = flags.reduce((k, fl) => k + (fl[f] ? 1 : 0), 0);
        if (active >= 2)
            overtalkFrames++;
        if (active === 0) {
            silenceFrames++;
            if (runStart < 0)
                runStart = f;
        }
        else
            closeRun(f);
    }
    closeRun(frames);
    return {
        duration_ms: Math.round((channels[0]?.length ?? 0) / (SAMPLE_RATE / 1000)),
        silence_ms: silenceFrames * frameMs,
        silences,
        overtalk_ms: overtalkFrames * frameMs,
        talk_ms: talk,
    };
}
//# sourceMappingURL=vad.js.map