/**
 * Real call recordings for the simulator: each simulated call's turns spoken by Debian's espeak-ng (Mandarin `cmn`
 * or English `en`, a lower voice for the agent and a higher one for the customer) and mixed into a 16-bit stereo
 * WAV with the agent on the channel the recording event names, so the recording → transcript → QA path runs on the
 * demo. Rendering is off the simulation's hot path: `record()` only queues the call and answers where the file
 * will be; a few espeak-ng children at a time do the work. The file appears under its final name only when
 * complete (written as .part, then renamed), so a reader never sees half a recording.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readMonoWav, resample, stereoWav } from './recordings-wav.js';
/**
 * Voices per language and side. A little faster than espeak-ng's 175 wpm: its Mandarin is slow, and every second
 * of speech is 64 kB of file.
 */
const VOICES = {
    zh: { agent: { voice: 'cmn', pitch: 35, wpm: 210 }, customer: { voice: 'cmn+f3', pitch: 65, wpm: 220 } },
    en: { agent: { voice: 'en', pitch: 35, wpm: 190 }, customer: { voice: 'en+f3', pitch: 65, wpm: 200 } },
};
/**
 * The silence before a turn, ms. The transcript's gaps are typing times (seconds to minutes, made for chat); a call
 * answers faster, so they are scaled down to a speaking pause. Keeps a five-minute call's file a few MB, not 20.
 */
export function pauseBefore(turn) {
    return Math.min(2_000, Math.max(300, Math.round(turn.gapMs / 20)));
}
/** True when `command --version` runs. */
export function hasEspeak(command = 'espeak-ng') {
    return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}
/** Speaks one line: espeak-ng's WAV on stdout, text on stdin (no argument parsing of the text). */
function speak(command, voice, text) {
    return new Promise((done, fail) => {
        const args = ['-v', voice.voice, '-p', String(voice.pitch), '-s', String(voice.wpm), '--stdout'];
        const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
        const out = [];
        let err = '';
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => (err = (err + b.toString()).slice(-1000)));
        child.on('error', fail);
        child.on('close', (code) => code === 0 ? done(Buffer.concat(out)) : fail(new Error(`espeak-ng exited ${code}: ${err.trim()}`)));
        child.stdin.end(text);
    });
}
/** Renders a call to a stereo WAV buffer: each turn on its side's channel, after its pause. */
export async function renderCall(call, sampleRate = 16_000, command = 'espeak-ng') {
    const placed = [];
    let cursor = 0;
    for (const turn of call.turns) {
        const side = turn.role === 'agent' ? 'agent' : 'customer';
        const samples = resample(readMonoWav(await speak(command, VOICES[call.language][side], turn.text)), sampleRate);
        const at = cursor + Math.round((pauseBefore(turn) * sampleRate) / 1000);
        placed.push({ channel: side === 'agent' ? call.agentChannel : (1 - call.agentChannel), at, samples });
        cursor = at + samples.length;
    }
    const frames = cursor + Math.round(sampleRate / 2); // half a second of room after the last word
    const channels = [new Int16Array(frames), new Int16Array(frames)];
    for (const p of placed)
        channels[p.channel].set(p.samples, p.at);
    return stereoWav(channels[0], channels[1], sampleRate);
}
export class RecordingWriter {
    dir;
    from;
    concurrency;
    maxQueued;
    sampleRate;
    espeak;
    log;
    available;
    queue = [];
    running = 0;
    idleWaiters = [];
    fullLogged = false;
    counts = {
        rendered: 0,
        skipped: 0,
        failed: 0,
        renderMs: 0,
        audioMs: 0,
    };
    constructor(opts) {
        this.dir = opts.dir;
        this.from = opts.from ?? 0;
        this.concurrency = Math.max(1, opts.concurrency ?? 1);
        this.maxQueued = Math.max(0, opts.maxQueued ?? 100);
        this.sampleRate = opts.sampleRate ?? 16_000;
        this.espeak = opts.espeak ?? 'espeak-ng';
        this.log = opts.log ?? ((line) => process.stderr.write(line + '\n'));
        this.available = hasEspeak(this.espeak);
        if (!this.available)
            this.log(`recordings: ${this.espeak} not found (Debian: apt-get install espeak-ng): simulated calls keep their recording event but have no audio, so they are not transcribed`);
        else
            mkdirSync(this.dir, { recursive: true });
    }
    record(call) {
        if (!this.available || call.endedAt < this.from)
            return this.skip();
        if (this.queue.length >= this.maxQueued) {
            if (!this.fullLogged)
                this.log(`recordings: ${this.maxQueued} calls wait to be rendered; later calls get no audio until it drains`);
            this.fullLogged = true;
            return this.skip();
        }
        this.fullLogged = false;
        this.queue.push(call);
        this.pump();
        return pathToFileURL(this.pathOf(call.id)).href;
    }
    stats() {
        return { ...this.counts, queued: this.queue.length + this.running };
    }
    /** Resolves when nothing is queued or rendering. */
    idle() {
        if (this.queue.length + this.running === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.idleWaiters.push(resolve));
    }
    skip() {
        this.counts.skipped++;
        return undefined;
    }
    pathOf(id) {
        // Interaction ids are [A-Za-z0-9_-] in the simulator; anything else is replaced so it cannot leave the folder.
        return join(this.dir, `${id.replace(/[^\w-]/g, '_')}.wav`);
    }
    pump() {
        while (this.running < this.concurrency && this.queue.length > 0) {
            const call = this.queue.shift();
            this.running++;
            void this.render(call).finally(() => {
                this.running--;
                this.pump();
                if (this.queue.length + this.running === 0)
                    this.idleWaiters.splice(0).forEach((w) => w());
            });
        }
    }
    async render(call) {
        const t0 = performance.now();
        const path = this.pathOf(call.id);
        try {
            const wav = await renderCall(call, this.sampleRate, this.espeak);
            writeFileSync(`${path}.part`, wav);
            renameSync(`${path}.part`, path);
            this.counts.rendered++;
            this.counts.audioMs += Math.round(((wav.length - 44) / 4 / this.sampleRate) * 1000);
        }
        catch (err) {
            this.counts.failed++;
            this.log(`recordings: ${call.id} not rendered: ${err.message}`);
        }
        finally {
            this.counts.renderMs += performance.now() - t0;
        }
    }
}
//# sourceMappingURL=recordings.js.map