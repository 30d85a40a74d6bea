/**
 * One recording to one transcript, as named steps: fetch, probe (refuse over-long or non-audio files before
 * decoding), decode to 16 kHz PCM, voice activity statistics, transcription per channel, merge. Runs in the
 * worker processes and in the batch command.
 */
import { decodeAudio, probeAudio } from './audio.js';
import { RecordingError } from './errors.js';
import { fetchRecording } from './fetch-recording.js';
import { mergeChannels } from './merge.js';
import { audioStats } from './vad.js';
import { hanShare } from '../qa/index.js';
export const DEFAULT_MAX_DURATION_MS = 2 * 3600_000;
function checkDuration(ms, max) {
    if (ms > max)
        throw new RecordingError('TOO_LONG', `recording is ${(ms / 3600_000).toFixed(2)} h long; the limit is ${(max / 3600_000).toFixed(2)} h`);
}
/** Spoken language: as declared, else from the transcript's script (Han characters → zh). */
function languageOf(declared, texts) {
    if (declared === 'zh' || declared === 'en')
        return declared;
    const share = hanShare(texts.join(' '));
    return Number.isNaN(share) ? 'unknown' : share >= 0.3 ? 'zh' : 'en';
}
export async function transcribeRecording(job, transcriber, opts = {}) {
    const started = Date.now();
    const max = opts.maxDurationMs ?? DEFAULT_MAX_DURATION_MS;
    if (job.duration_ms !== undefined)
        checkDuration(job.duration_ms, max);
    const local = await fetchRecording(job.url, opts);
    try {
        const info = await probeAudio(local.path);
        checkDuration(info.duration_ms, max);
        const stereo = info.channels >= 2 && job.channels !== 1;
        const pcm = await decodeAudio(local.path, stereo ? 2 : 1);
        const agent = job.agent_channel ?? 0;
        const speakers = stereo ? [0, 1].map((c) => (c === agent ? 'agent' : 'customer')) : ['unknown'];
        const audio = audioStats(pcm, speakers, opts.vad);
        const language = job.language ?? opts.language ?? 'auto';
        const perChannel = [];
        for (const [i, samples] of pcm.entries()) {
            const segments = await transcriber.transcribe(samples, {
                language,
                threads: opts.threads,
                domainWords: opts.domainWords,
            });
            perChannel.push({ speaker: speakers[i], segments });
        }
        const turns = mergeChannels(perChannel);
        return {
            tenant: job.tenant,
            interaction_id: job.interaction_id,
            language: languageOf(language, turns.map((t) => t.text)),
            model: transcriber.model,
            duration_ms: audio.duration_ms,
            channels: pcm.length,
            turns,
            audio,
            elapsed_ms: Date.now() - started,
        };
    }
    finally {
        local.release();
    }
}
//# sourceMappingURL=recording.js.map