/**
 * Retry with exponential backoff, for start-up steps that must survive a slow or restarting
 * dependency (NATS, a KV read): log each failure, wait, try again, until a deadline or a stop.
 */
export interface RetryOptions {
  /** What is being tried, for the log line ("NATS topology"). */
  what: string
  log?: (msg: string) => void
  /** Give up (rethrow the last error) after this many ms in all. Default: never. */
  deadlineMs?: number
  /** First wait, ms. Default 250. */
  initialDelayMs?: number
  /** Longest wait, ms. Default 10,000. */
  maxDelayMs?: number
  /** Stop retrying (rethrow the last error) once this is true, e.g. while the system shuts down. */
  stopped?: () => boolean
  /** Called before each wait, with the attempt number (1 = the first failure) and the error. */
  onFailure?: (attempt: number, err: unknown) => void
}

export async function retryWithBackoff<T>(fn: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const started = Date.now()
  const deadline = opts.deadlineMs ?? Infinity
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (err) {
      const wait = Math.min(opts.maxDelayMs ?? 10_000, (opts.initialDelayMs ?? 250) * 2 ** (attempt - 1))
      if (opts.stopped?.() || Date.now() - started + wait > deadline) throw err
      opts.onFailure?.(attempt, err)
      opts.log?.(`${opts.what} failed (attempt ${attempt}: ${(err as Error).message}); retrying in ${wait} ms`)
      await new Promise((r) => setTimeout(r, wait))
    }
  }
}
