/**
 * A transcription worker: a child process (not a worker thread) so a native crash or an out-of-memory in
 * whisper.cpp kills only this process; the pool notices, respawns it and the job is retried. Loads the model
 * once, then transcribes one job at a time. Never loads chdb.
 */
import { createWhisperTranscriber } from './transcriber.js';
import { transcribeRecording } from './recording.js';
import { RecordingError } from './errors.js';
/** Test-only fault injection: a job whose URL contains this marker aborts the process, like a native crash. */
const CRASH_MARKER = process.env.MOFANG_TRANSCRIBE_CRASH_MARKER;
const send = (m) => process.send(m);
const modelPath = process.argv[2];
try {
    const transcriber = await createWhisperTranscriber(modelPath);
    process.on('message', (m) => {
        if (m.type !== 'job')
            return;
        if (CRASH_MARKER && m.job.url.includes(CRASH_MARKER))
            process.abort();
        transcribeRecording(m.job, transcriber, m.options).then((transcript) => send({ type: 'done', id: m.id, transcript }), (err) => send({
            type: 'failed',
            id: m.id,
            error: { recording: err instanceof RecordingError, code: err.code, message: err.message },
        }));
    });
    send({ type: 'ready' });
}
catch (err) {
    send({ type: 'init_failed', message: err.message });
    process.exitCode = 1;
    process.disconnect();
}
//# sourceMappingURL=worker-process.js.map