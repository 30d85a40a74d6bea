/**
 * The PBX feed: one tenant's Asterisk, over AMI, stored as Mofang voice events. The client (ami-client.ts) keeps the
 * connection, the mapper (map.ts) turns AMI events into voice events, and the feed stores them through `submit`
 * (ingest's checks, dedup window and JetStream acknowledgement) in order, in batches, retrying with backoff while
 * storage is down. While too many wait, it stops reading from the PBX (TCP backpressure; Asterisk buffers, then
 * drops a manager session that stays stuck, so a long outage loses events, which AMI cannot replay).
 */
import { retryWithBackoff, type IncomingEvent } from '../../core/index.js'
import { connectAmi, type AmiClientOptions } from './ami-client.js'
import { AmiMapper, type AmiMapperOptions, type PbxEvent } from './map.js'

export interface AmiFeedOptions extends AmiMapperOptions {
  host: string
  /** AMI port. Default 5038. */
  port?: number
  /**
   * A manager.conf user with `read = call,agent` (and `dialplan` for VarSet events, unless `channelvars` names
   * QUEUE_PRIO and MIXMONITOR_FILENAME).
   */
  username: string
  secret: string
  tenant: string
  /**
   * Stores events for the tenant; resolves once they are kept. A rejection whose `code` is `invalid` (ingest's
   * SubmitError) means the events can never be kept: the batch is retried one event at a time and the invalid
   * ones are dropped and counted. Any other rejection is retried with backoff.
   */
  submit(events: IncomingEvent[]): Promise<unknown>
  log(msg: string): void
  /** Most events in one submit. Default 500. */
  batchEvents?: number
  /** Stop reading from the PBX while this many events wait to be stored. Default 20 000. */
  maxPending?: number
  /** Reconnect and liveness timings of the AMI connection (ami-client.ts). */
  connection?: Pick<AmiClientOptions, 'initialDelayMs' | 'maxDelayMs' | 'connectTimeoutMs' | 'pingIntervalMs'>
}

/**
 * One feed's settings: startAmiFeed's options less `submit` and `log`, as MOFANG_PBX_AMI gives them
 * (settings.ts parseAmiFeeds).
 */
export type AmiFeedSettings = Omit<AmiFeedOptions, 'submit' | 'log'>

export interface AmiFeedStatus {
  /** Logged in to the PBX now. */
  connected: boolean
  /** When the last AMI event arrived, ms since the epoch; null before the first. */
  last_event_at: number | null
  /** Voice events stored. */
  events: number
  /** Connection failures, refused logins, failed stores and events dropped as invalid. */
  errors: number
  /** Voice events waiting to be stored. */
  pending: number
  /** Calls in progress on the PBX as the feed follows them. */
  open_calls: number
  last_error?: string
}

export interface AmiFeed {
  /** Stops reading, then waits up to `drainMs` (default 5 000) for the waiting events to be stored. */
  stop(opts?: { drainMs?: number }): Promise<void>
  status(): AmiFeedStatus
}

/** How often calls whose end was missed are looked for, ms. */
const SWEEP_EVERY_MS = 60_000

export function startAmiFeed(opts: AmiFeedOptions): AmiFeed {
  const mapper = new AmiMapper(opts)
  const batchEvents = opts.batchEvents ?? 500
  const maxPending = opts.maxPending ?? 20_000
  const where = `PBX ${opts.tenant} (${opts.host}:${opts.port ?? 5038})`
  const pending: IncomingEvent[] = []
  const counts = { events: 0, errors: 0 }
  let lastEventAt: number | null = null
  let lastError: string | undefined
  let paused = false
  let stopping = false
  let pumping: Promise<void> | undefined

  const failed = (what: string) => {
    counts.errors++
    lastError = what
  }

  const client = connectAmi({
    ...opts.connection,
    host: opts.host,
    port: opts.port,
    username: opts.username,
    secret: opts.secret,
    log: opts.log,
    onDisconnected: (reason) => failed(`AMI: ${reason}`),
    onEvent(msg, receivedAt) {
      lastEventAt = receivedAt
      let mapped: PbxEvent[]
      try {
        mapped = mapper.map(msg, receivedAt)
      } catch (err) {
        // One event the mapper cannot follow must not stop the feed.
        failed(`${msg.fields.Event}: ${(err as Error).message}`)
        return opts.log(`${where}: could not map ${msg.fields.Event}: ${(err as Error).message}`)
      }
      for (const e of mapped) pending.push({ ...e, tenant: opts.tenant })
      if (pending.length >= maxPending && !paused) {
        paused = true
        client.pause()
        opts.log(`${where}: ${pending.length} events wait to be stored; reading from the PBX paused`)
      }
      if (mapped.length) pump()
    },
  })

  const sweeper = setInterval(() => {
    const forgotten = mapper.sweep(Date.now())
    if (forgotten) opts.log(`${where}: forgot ${forgotten} calls with no event for hours (their end was missed)`)
  }, SWEEP_EVERY_MS)
  sweeper.unref()

  /** Stores one batch; events that can never be stored are dropped one by one. */
  async function store(batch: IncomingEvent[]) {
    try {
      await opts.submit(batch)
      counts.events += batch.length
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'invalid') throw err
      for (const event of batch)
        await opts.submit([event]).then(
          () => counts.events++,
          (e: unknown) => {
            if ((e as { code?: unknown }).code !== 'invalid') throw e
            failed(`dropped ${event.type} ${event.event_id}: ${(e as Error).message}`)
            opts.log(`${where}: dropped an event that cannot be stored: ${(e as Error).message}`)
          },
        )
    }
  }

  /** Stores what waits, in order, one batch at a time (one pump at a time). */
  function pump() {
    pumping ??= (async () => {
      while (pending.length) {
        const batch = pending.slice(0, batchEvents)
        await retryWithBackoff(() => store(batch), {
          what: `${where}: storing ${batch.length} events`,
          log: opts.log,
          maxDelayMs: 10_000,
          stopped: () => stopping,
          onFailure: (_, err) => failed(`store: ${(err as Error).message}`),
        })
        pending.splice(0, batch.length)
        if (paused && pending.length <= maxPending / 2) {
          paused = false
          client.resume()
        }
      }
    })()
      .catch((err: unknown) => opts.log(`${where}: ${pending.length} events not stored: ${(err as Error).message}`))
      .finally(() => (pumping = undefined))
  }

  return {
    async stop({ drainMs = 5_000 } = {}) {
      clearInterval(sweeper)
      await client.close()
      if (pumping) {
        let timer: NodeJS.Timeout | undefined
        await Promise.race([pumping, new Promise((r) => (timer = setTimeout(r, drainMs)))])
        clearTimeout(timer)
      }
      // Past the deadline a failing store gives up at its next failure; AMI cannot resend these.
      stopping = true
      if (pending.length) opts.log(`${where}: stopping with ${pending.length} events not stored`)
    },
    status: () => ({
      connected: client.connected,
      last_event_at: lastEventAt,
      events: counts.events,
      errors: counts.errors,
      pending: pending.length,
      open_calls: mapper.openCalls,
      ...(lastError && { last_error: lastError }),
    }),
  }
}
