/**
 * A pool of transcription worker processes, one job at a time each. Sized to the cores by default: each
 * whisper.cpp call is given `threads` CPU threads, so size × threads ≈ cores keeps the machine busy without
 * oversubscribing it. A worker that dies takes its job with it (the promise rejects with WorkerCrashError)
 * and is replaced.
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { compiledSibling } from '../core/index.js';
import { RecordingError, WorkerCrashError } from './errors.js';
export async function createTranscribePool(opts) {
    const threads = opts.recording?.threads ?? 1;
    const size = Math.max(1, Math.floor(opts.size ?? availableParallelism() / threads));
    const script = fileURLToPath(compiledSibling(import.meta.url, './worker-process.js'));
    const slots = [];
    const waiting = [];
    let nextId = 1;
    let closing = false;
    const spawnSlot = (index) => {
        const child = fork(script, [opts.model], {
            env: { ...process.env, NODE_WHISPER_CPP_BACKEND: 'cpu', ...opts.env },
            stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        });
        let stderr = '';
        child.stderr.on('data', (b) => (stderr = (stderr + b.toString()).slice(-2000)));
        const slot = { child, ready: Promise.resolve() };
        slot.ready = new Promise((ok, fail) => {
            child.on('message', (m) => {
                if (m.type === 'ready')
                    ok();
                else if (m.type === 'init_failed')
                    fail(new Error(`worker could not load ${opts.model}: ${m.message}`));
                else if (slot.job && m.id === slot.job.id) {
                    const job = slot.job;
                    slot.job = undefined;
                    if (m.type === 'done')
                        job.resolve(m.transcript);
                    else
                        job.reject(m.error.recording
                            ? new RecordingError(m.error.code, m.error.message)
                            : new Error(m.error.message));
                    waiting.shift()?.();
                }
            });
            child.on('exit', (code, signal) => {
                fail(new Error(`worker exited during start (${signal ?? code}): ${stderr.split('\n').slice(-3).join(' ')}`));
                const job = slot.job;
                slot.job = undefined;
                if (closing)
                    return job?.reject(new Error('transcription pool closed'));
                job?.reject(new WorkerCrashError(`transcription worker died (${signal ?? `exit ${code}`}) on this job`));
                slots[index] = spawnSlot(index);
                slots[index].ready.catch(() => { });
                waiting.shift()?.();
            });
        });
        return slot;
    };
    for (let i = 0; i < size; i++)
        slots.push(spawnSlot(i));
    await Promise.all(slots.map((s) => s.ready));
    /** Claims a free worker for `job` synchronously once one is free, so concurrent callers never share one. */
    const claim = async (job) => {
        for (;;) {
            const free = slots.find((s) => !s.job);
            if (free) {
                free.job = job;
                return free;
            }
            await new Promise((r) => waiting.push(r));
        }
    };
    return {
        size,
        async run(job) {
            const id = nextId++;
            let record;
            const done = new Promise((resolve, reject) => (record = { id, resolve, reject }));
            const slot = await claim(record);
            try {
                await slot.ready;
            }
            catch (err) {
                slot.job = undefined;
                waiting.shift()?.();
                throw err;
            }
            slot.child.send({ type: 'job', id, job, options: opts.recording ?? {} });
            return done;
        },
        busy: () => slots.filter((s) => s.job).length,
        async close() {
            closing = true;
            await Promise.all(slots.map((s) => new Promise((done) => {
                if (s.child.exitCode !== null || s.child.signalCode !== null)
                    return done();
                s.child.once('exit', () => done());
                s.child.kill('SIGTERM');
            })));
        },
    };
}
//# sourceMappingURL=pool.js.map