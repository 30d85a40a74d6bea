/**
 * The live simulator: runs the simulation against the wall clock (× speed) and posts events
 * whose ts has come, every tick (~250 ms). Optionally first back-fills past days as fast as
 * the API takes them, so reports and forecasts have history. Event ts = simulated time.
 */
import { BadInputError } from '../core/index.js'
import { Simulation, type SimStats, type SimulationOptions } from './engine.js'
import { EventPoster, type PosterStats } from './poster.js'
import { ChannelRelay, type ChannelRelayOptions } from './channel-relay.js'
import { HOUR } from './calendar.js'

export interface LiveOptions extends SimulationOptions {
  /** Base URL of Mofang's ingest API, e.g. http://127.0.0.1:8080. */
  url: string
  apiKey: string
  /** Simulated ms per wall ms. Default 1 (real time); 60 = an hour a minute. 0 < speed ≤ 100000. */
  speed?: number
  /** Alias of ratePerHour: contacts per hour at the weekly peak. */
  rate?: number
  /** Simulated time to post from the past before going live, ms. Default 0. */
  backfillMs?: number
  /**
   * Simulated time to run after the live start, ms; then arrivals stop, contacts in progress
   * finish and agents log out. Default: until stop() or the signal.
   */
  durationMs?: number
  /** How often due events are posted, wall ms. Default 250. */
  tickMs?: number
  /** How often a status line is logged, wall ms. Default 10000; 0 = never. */
  statusEveryMs?: number
  /** How long stop() keeps trying to deliver what is left, wall ms. Default 30000. */
  flushTimeoutMs?: number
  /** Most events per request. Default 20000. */
  maxBatch?: number
  /**
   * Sends a share of the live chats through the platforms' webhooks (simulator/channel-relay.ts); absent = every
   * event goes to /v1/events.
   */
  channels?: Omit<ChannelRelayOptions, 'url' | 'tenant' | 'liveFrom' | 'log'>
  /** Aborting it is the same as stop(). */
  signal?: AbortSignal
  /** Status lines and warnings. Default: stderr. */
  log?: (line: string) => void
}

export interface LiveStats extends PosterStats {
  sim: SimStats
  /** Customers' messages sent through the platforms' webhooks, when the relay runs. */
  channels?: ReturnType<ChannelRelay['stats']>
  /** Events taken from the simulation so far (posted or pending). */
  generated: number
}

export interface RunningSimulator {
  /** Stops generating, posts what is left (up to flushTimeoutMs) and resolves with the final counts. */
  stop(): Promise<LiveStats>
  /**
   * Resolves after stop(), or when a run with durationMs has ended and everything is posted. Rejects on a fatal error
   * (bad API key).
   */
  readonly done: Promise<LiveStats>
  stats(): LiveStats
}

export function startSimulator(opts: LiveOptions): RunningSimulator {
  const speed = opts.speed ?? 1
  if (!(speed > 0 && speed <= 100_000)) throw new BadInputError(`speed must be > 0 and ≤ 100000, got ${speed}`)
  const backfillMs = opts.backfillMs ?? 0
  if (!(backfillMs >= 0)) throw new BadInputError(`backfill must be ≥ 0, got ${backfillMs}`)
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'))
  const liveStart = Math.round(opts.start ?? Date.now())
  const sim = new Simulation({ ...opts, ratePerHour: opts.ratePerHour ?? opts.rate, start: liveStart - backfillMs })
  const poster = new EventPoster({ url: opts.url, apiKey: opts.apiKey, maxBatch: opts.maxBatch, log })
  const relay =
    opts.channels &&
    new ChannelRelay({ ...opts.channels, url: opts.url, tenant: opts.tenant ?? 'demo', liveFrom: liveStart, log })
  const endAt = opts.durationMs === undefined ? Infinity : liveStart + opts.durationMs
  const tickMs = opts.tickMs ?? 250
  const wall0 = Date.now()
  const stopper = new AbortController()
  let generated = 0
  let timer: NodeJS.Timeout | undefined
  let statusTimer: NodeJS.Timeout | undefined
  let stopping: Promise<LiveStats> | undefined
  let settle!: { resolve: (s: LiveStats) => void; reject: (e: unknown) => void }
  const done = new Promise<LiveStats>((resolve, reject) => (settle = { resolve, reject }))
  done.catch(() => {}) // callers may only use stop(); a fatal error is also logged

  const stats = (): LiveStats => ({
    ...poster.stats(),
    sim: sim.stats(),
    generated,
    ...(relay && { channels: relay.stats() }),
  })
  /** Simulated now: the live start plus wall time elapsed × speed. */
  const simNow = () => liveStart + (Date.now() - wall0) * speed
  const take = (until: number) => {
    const events = sim.advanceTo(until)
    generated += events.length
    poster.enqueue(relay ? relay.route(events) : events)
  }
  const fail = (err: unknown) => {
    log(`simulate: ${(err as Error).message}`)
    clearTimeout(timer)
    clearInterval(statusTimer)
    stopper.abort()
    settle.reject(err)
  }

  async function backfill(): Promise<void> {
    // Chase the moving target: posting history takes wall time, during which "now" moves on.
    for (let t = sim.now; t < Math.min(endAt, simNow()) - tickMs * speed && !stopper.signal.aborted;) {
      t = Math.min(t + HOUR, simNow(), endAt)
      take(t)
      await poster.flush(Infinity, stopper.signal)
    }
  }

  function tick(): void {
    // After the end, time runs on (uncapped) so contacts in progress can finish.
    const now = sim.finishing ? simNow() : Math.min(simNow(), endAt)
    take(now)
    if (now >= endAt && !sim.finishing) sim.finish()
    // A finished run is over once no call or chat is left and every agent has logged out.
    const s = sim.stats()
    if (sim.finishing && s.liveCalls + s.liveChats === 0 && s.agentsLoggedIn === 0) {
      void stop().then(settle.resolve, settle.reject)
      return
    }
    if (!poster.busy) poster.flush(Infinity, stopper.signal).catch(fail)
    void relay?.drain(poster, stopper.signal)
    timer = setTimeout(tick, tickMs)
  }

  function status(): void {
    const s = stats()
    log(
      `simulate: ${sim.clock.format(s.sim.now)} ×${speed} | posted ${s.accepted} (dup ${s.duplicates}, rejected ${s.rejected}, retries ${s.retries}) pending ${s.pending}` +
        ` | in progress: ${s.sim.liveCalls} calls, ${s.sim.liveChats} chats, ${s.sim.waiting} waiting, ${s.sim.openTickets} open tickets | agents ${s.sim.agentsLoggedIn}` +
        (s.channels
          ? ` | via platforms ${s.channels.relayed} (refused ${s.channels.refused}, waiting ${s.channels.waiting})`
          : ''),
    )
  }

  function stop(): Promise<LiveStats> {
    if (stopping) return stopping
    clearTimeout(timer)
    clearInterval(statusTimer)
    stopper.abort()
    stopping = (async () => {
      take(sim.finishing ? simNow() : Math.min(simNow(), endAt))
      const deadline = Date.now() + (opts.flushTimeoutMs ?? 30_000)
      const ok = await poster.flush(deadline)
      const final = stats()
      if (!ok)
        log(
          `simulate: stopped with ${final.pending} events not delivered (the ingest API did not take them within the flush timeout)`,
        )
      if (opts.statusEveryMs !== 0) status()
      settle.resolve(final)
      return final
    })()
    return stopping
  }

  opts.signal?.addEventListener('abort', () => void stop(), { once: true })
  if (opts.statusEveryMs !== 0) statusTimer = setInterval(status, opts.statusEveryMs ?? 10_000)
  backfill().then(() => {
    if (!stopper.signal.aborted) tick()
  }, fail)
  return { stop, done, stats }
}
