/**
 * Watches that JetStream answers. nats-server 2.9 stops serving JetStream when a write fails for
 * lack of disk space, and stays that way after space returns: publishes and API calls time out until
 * the server restarts. For the nats-server Mofang manages, this restarts it once JetStream has been
 * unresponsive for a while and there is room on the disk again, so ingest recovers by itself.
 */
import type { JetStreamManager } from '@nats-io/jetstream'

export interface JetStreamWatchOptions {
  jsm: JetStreamManager
  /** True while the client is connected (a disconnected client says nothing about JetStream). */
  connected(): boolean
  /** True when a restart could help now, e.g. the disk has room again. */
  mayRestart(): boolean
  restart(): Promise<void>
  log?: (msg: string) => void
  /** ms between checks. Default 5,000. */
  everyMs?: number
  /** Consecutive failed checks before a restart. Default 3. */
  failuresBeforeRestart?: number
}

export interface JetStreamWatch {
  /** Consecutive failed checks so far, and the last error. */
  state(): { failures: number; lastError?: string; restarts: number }
  stop(): void
}

export function watchJetStream(opts: JetStreamWatchOptions): JetStreamWatch {
  const threshold = opts.failuresBeforeRestart ?? 3
  let failures = 0
  let restarts = 0
  let lastError: string | undefined
  let busy = false
  const check = async () => {
    if (busy || !opts.connected()) return
    busy = true
    try {
      await opts.jsm.getAccountInfo()
      failures = 0
      lastError = undefined
    } catch (err) {
      failures++
      lastError = (err as Error).message
      if (failures >= threshold && opts.mayRestart()) {
        opts.log?.(`JetStream has not answered ${failures} checks (${lastError}): restarting the managed nats-server`)
        await opts.restart()
        restarts++
        failures = 0
      }
    } finally {
      busy = false
    }
  }
  const timer = setInterval(
    () => void check().catch((err) => opts.log?.(`JetStream watch: ${(err as Error).message}`)),
    opts.everyMs ?? 5_000,
  )
  timer.unref()
  return { state: () => ({ failures, lastError, restarts }), stop: () => clearInterval(timer) }
}
