/**
 * Recordings to 16 kHz float PCM, one array per channel, through Debian's ffmpeg/ffprobe. Probing first lets an
 * over-long or non-audio file fail fast with a clear reason, before any decoding work.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { RecordingError } from './errors.js';
export const SAMPLE_RATE = 16_000;
function run(cmd, args) {
    return new Promise((done, fail) => {
        const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        let err = '';
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => (err = (err + b.toString()).slice(-4000)));
        child.on('error', fail);
        child.on('close', (code) => done({ code: code ?? 1, stdout: Buffer.concat(out), stderr: err }));
    });
}
const lastLine = (s) => s.trim().split('\n').pop() ?? '';
/** Duration, channels and codec of the first audio stream; RecordingError when there is none. */
export async function probeAudio(path) {
    if (!existsSync(path))
        throw new RecordingError('NOT_FOUND', `recording not found: ${path}`);
    const r = await run('ffprobe', [
        '-v',
        'error',
        '-select_streams',
        'a:0',
        '-show_entries',
        'stream=codec_name,channels:format=duration',
        '-of',
        'json',
        path,
    ]);
    if (r.code !== 0)
        throw new RecordingError('NOT_AUDIO', `not a readable audio file (${lastLine(r.stderr) || 'ffprobe failed'})`);
    const info = JSON.parse(r.stdout.toString());
    const stream = info.streams?.[0];
    const seconds = Number(info.format?.duration);
    if (!stream || !stream.channels)
        throw new RecordingError('NOT_AUDIO', 'the file has no audio stream');
    if (!Number.isFinite(seconds) || seconds <= 0)
        throw new RecordingError('NOT_AUDIO', 'the audio stream is empty or its length is unknown (truncated?)');
    return { duration_ms: Math.round(seconds * 1000), channels: stream.channels, codec: stream.codec_name ?? 'unknown' };
}
/**
 * Decodes to 16 kHz float PCM. `channels: 2` keeps left and right apart (speaker attribution); 1 downmixes.
 * Fails when ffmpeg decodes nothing (a truncated header-only WAV).
 */
export async function decodeAudio(path, channels) {
    const r = await run('ffmpeg', [
        '-nostdin',
        '-v',
        'error',
        '-i',
        path,
        '-vn',
        '-f',
        'f32le',
        '-acodec',
        'pcm_f32le',
        '-ac',
        String(channels),
        '-ar',
        String(SAMPLE_RATE),
        'pipe:1',
    ]);
    if (r.code !== 0)
        throw new RecordingError('NOT_AUDIO', `could not decode the recording (${lastLine(r.stderr) || 'ffmpeg failed'})`);
    const all = new Float32Array(r.stdout.buffer, r.stdout.byteOffset, Math.floor(r.stdout.byteLength / 4));
    const frames = Math.floor(all.length / channels);
    if (frames === 0)
        throw new RecordingError('NOT_AUDIO', 'the recording decodes to no samples (truncated?)');
    if (channels === 1)
        return [Float32Array.from(all)];
    const out = [new Float32Array(frames), new Float32Array(frames)];
    for (let i = 0; i < frames; i++) {
        out[0][i] = all[2 * i];
        out[1][i] = all[2 * i + 1];
    }
    return out;
}
//# sourceMappingURL=audio.js.map