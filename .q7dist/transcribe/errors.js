export class RecordingError extends Error {
    code;
    constructor(code, message, options) {
        super(message, options);
        this.code = code;
        this.name = 'RecordingError';
    }
}
/** A worker process died (native crash, out of memory) while working on a job. */
export class WorkerCrashError extends Error {
    constructor(message) {
        super(message);
        this.name = 'WorkerCrashError';
    }
}
//# sourceMappingURL=errors.js.map