/**
 * Transcription speed: real-time factor (wall time ÷ audio time, lower is faster) and audio-hours per
 * wall-hour for 1 and 2 whisper.cpp threads per call, through the same worker pool the service uses, on a
 * 30 s speech-like recording. The model is a SYNTHETIC tiny-shaped ggml (random weights, same shapes and
 * compute as ggml-tiny.bin) unless WHISPER_MODEL names a real one.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { tempDir } from '../testing/index.js';
import { createTranscribePool, syntheticModel } from '../transcribe/index.js';
import { helpOnRequest } from './bench-util.js';
helpOnRequest('Usage: npm run bench:transcribe\n\nWhisper real-time factor and audio-hours per wall-hour for 1 and 2 threads per worker (WHISPER_MODEL, or a synthetic tiny-shaped model).');
const real = process.env.WHISPER_MODEL;
const model = real && existsSync(real) ? real : syntheticModel('tiny');
const dir = tempDir('bench-transcribe');
const audio = join(dir.path, 'call.wav');
execFileSync('espeak-ng', [
    '-w',
    join(dir.path, 'speech.wav'),
    'Thank you for calling. Your router shows error E104. Please restart it and tell me what the light shows.',
]);
execFileSync('sox', [join(dir.path, 'speech.wav'), '-r', '16000', audio, 'repeat', '4', 'trim', '0', '30']);
const jobs = Number(process.env.BENCH_JOBS ?? 4);
console.log(`model: ${basename(model)}${model === real ? '' : ' (synthetic tiny-shaped, random weights)'}; ${availableParallelism()} cores; ${jobs} jobs × 30 s audio`);
for (const threads of [1, 2]) {
    const pool = await createTranscribePool({ model, recording: { threads, language: 'en' } });
    const one = await pool.run({ tenant: 'bench', interaction_id: 'warm', url: audio });
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: jobs }, (_, i) => pool.run({ tenant: 'bench', interaction_id: `j${i}`, url: audio })));
    const wall = Date.now() - started;
    await pool.close();
    const audioMs = results.reduce((s, t) => s + t.duration_ms, 0);
    const rtf = results.reduce((s, t) => s + t.elapsed_ms, 0) / audioMs;
    console.log(`threads/worker=${threads} workers=${pool.size}: RTF per job ${rtf.toFixed(3)} (single warm job ${(one.elapsed_ms / one.duration_ms).toFixed(3)}), ` +
        `${(audioMs / wall).toFixed(1)} audio-hours per wall-hour`);
}
dir.remove();
//# sourceMappingURL=bench-transcribe.js.map