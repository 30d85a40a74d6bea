/**
 * `mofang transcribe DIR|FILES…`: transcribes recordings on the worker pool without the rest of the system,
 * writing one NDJSON line per file (the transcript, or the file's error) and reporting throughput.
 */
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BadInputError, loadConfig } from '../core/index.js';
import { Progress, numberOption } from '../kits/cli/index.js';
import { findModel } from './model-path.js';
import { createTranscribePool } from './pool.js';
import { parseDomainWords } from './domain-words.js';
const AUDIO = /\.(wav|mp3|ogg|flac|m4a)$/i;
function expand(inputs) {
    return inputs.flatMap((p) => {
        if (!existsSync(p))
            throw new BadInputError(`no such file or folder: ${p}`);
        if (!statSync(p).isDirectory())
            return [p];
        return readdirSync(p)
            .filter((f) => AUDIO.test(f))
            .sort()
            .map((f) => join(p, f));
    });
}
export async function runTranscribe(args) {
    if (args.positionals.length === 0)
        throw new BadInputError('give recordings or folders to transcribe');
    const files = expand(args.positionals);
    if (files.length === 0)
        throw new BadInputError('no audio files (.wav, .mp3, .ogg, .flac, .m4a) found');
    const config = loadConfig();
    const model = args.values.model ?? findModel(config.whisperModel, config.dataDir);
    if (!model || !existsSync(model))
        throw new BadInputError('no Whisper model: pass --model, set WHISPER_MODEL or run `mofang models pull base`');
    const threads = numberOption(args, 'threads', { min: 1, max: 64, integer: true }) ?? 1;
    const workers = numberOption(args, 'workers', { min: 1, max: 64, integer: true });
    const maxHours = numberOption(args, 'max-hours', { min: 0.01 }) ?? 2;
    const out = args.values.output ? createWriteStream(String(args.values.output)) : process.stdout;
    const pool = await createTranscribePool({
        model,
        size: workers,
        recording: {
            threads,
            language: String(args.values.language ?? 'auto'),
            maxDurationMs: maxHours * 3600_000,
            domainWords: parseDomainWords(args.values.words),
        },
    });
    const progress = new Progress({ total: files.length, label: 'transcribe', unit: 'files' });
    const started = Date.now();
    let audioMs = 0, failed = 0;
    await Promise.all(files.map(async (file) => {
        try {
            const t = await pool.run({ tenant: 'batch', interaction_id: basename(file), url: file });
            audioMs += t.duration_ms;
            out.write(JSON.stringify({ file, ...t }) + '\n');
        }
        catch (err) {
            failed++;
            out.write(JSON.stringify({ file, error: err.message }) + '\n');
        }
        progress.tick(1);
    }));
    await pool.close();
    const wallMs = Date.now() - started;
    progress.finish(`${(audioMs / 3600_000).toFixed(3)} audio h in ${(wallMs / 1000).toFixed(1)} s = ${(audioMs / wallMs).toFixed(1)} audio-hours per hour`);
    if (out !== process.stdout)
        await new Promise((r) => out.end(() => r()));
    console.error(`${files.length - failed} transcribed, ${failed} failed; model ${basename(model)}, ${pool.size} worker(s) × ${threads} thread(s)`);
    return failed ? 1 : 0;
}
//# sourceMappingURL=batch.js.map