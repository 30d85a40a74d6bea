/**
 * Speech to timed text. `Transcriber` is the seam: the whisper.cpp implementation below runs in worker
 * processes; tests and other engines can supply their own.
 */
import { basename } from 'node:path';
import { SAMPLE_RATE } from './audio.js';
import { applyDomainWords } from './domain-words.js';
/** whisper.cpp through @spader/node-whisper-cpp (prebuilt N-API, runs off the event loop). */
export async function createWhisperTranscriber(modelPath) {
    // The loader would otherwise probe for nvidia-smi and vulkaninfo and pick a GPU build we do not install.
    process.env.NODE_WHISPER_CPP_BACKEND ??= 'cpu';
    const whisper = await import('@spader/node-whisper-cpp');
    const ctx = whisper.createContext({ model: modelPath, use_gpu: false });
    return {
        model: basename(modelPath),
        async transcribe(pcm, opts = {}) {
            const durationMs = (pcm.length / SAMPLE_RATE) * 1000;
            const segments = await ctx.transcribe({ pcm, language: opts.language ?? 'auto', threads: opts.threads ?? 1 });
            // whisper.cpp times are in 10 ms ticks and may overshoot the end of the audio slightly.
            return segments
                .map((s) => ({
                start_ms: Math.min(durationMs, s.t0 * 10),
                end_ms: Math.min(durationMs, s.t1 * 10),
                text: applyDomainWords(s.text.trim(), opts.domainWords ?? []),
            }))
                .filter((s) => s.text !== '');
        },
        close: () => ctx.free(),
    };
}
//# sourceMappingURL=transcriber.js.map