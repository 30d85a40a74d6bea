/**
 * Per-job failures of transcription. A `RecordingError` is about the recording itself (missing, truncated, not
 * audio, too long, unreachable): retrying cannot help, so the job ends at once with the reason. Anything else
 * (a crashed worker, a broken model) is retried and dead-lettered after the last attempt.
 */
export type RecordingErrorCode =
  'NOT_FOUND' | 'NOT_AUDIO' | 'TOO_LONG' | 'FETCH_FAILED' | 'FETCH_TIMEOUT' | 'TOO_LARGE' | 'UNSUPPORTED_URL'

export class RecordingError extends Error {
  constructor(
    readonly code: RecordingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'RecordingError'
  }
}

/** A worker process died (native crash, out of memory) while working on a job. */
export class WorkerCrashError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WorkerCrashError'
  }
}
