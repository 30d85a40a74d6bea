/** `mofang start` and `mofang sink`: run the system until a signal, then drain. */
import { type Config, MofangError, SETTINGS } from '../core/index.js'
import { numberOption, type ParsedArgs } from '../kits/cli/index.js'
import { startSystem, type RunningSystem } from './system.js'
import { defaultServices } from './services.js'
import { untilSignal } from './signals.js'
import { loadQuery } from '../warehouse/index.js'

const log = (m: string) => console.error(`[mofang] ${m}`)

export async function startWholeSystem(given: Config, args: ParsedArgs): Promise<number> {
  const config = withSimulatedFuture(given, args)
  const sys = await startSystem({ config, log, services: args.values['no-services'] ? [] : defaultServices(config) })
  const lines = [
    `Mofang is running:   ${sys.url}`,
    ...(sys.devApiKey ? [`dev API key (tenant "demo"):  ${sys.devApiKey}`] : []),
    ...sys.services.flatMap((s) => s.banner ?? []),
    `health:              ${sys.url}/healthz`,
    `try:                 mofang sql "SELECT channel, count() FROM events GROUP BY channel"`,
  ]
  console.log(['', ...lines.map((l) => '  ' + l), ''].join('\n'))
  const simulator = args.values['no-simulator']
    ? undefined
    : await startBuiltInSimulator(sys, sys.devApiKey ?? [...sys.apiKeys.keys()][0], args)
  const signal = await untilSignal((s) => log(`${s}: draining…`))
  await simulator?.stop()
  await sys.stop()
  log(`stopped (${signal})`)
  exitSoon()
  return 0
}

/**
 * After a drain that hit its deadline, a retry timer or a half-closed socket may still hold the event
 * loop: everything that matters is stopped, so the process leaves instead of hanging.
 */
function exitSoon(): void {
  setTimeout(() => process.exit(process.exitCode ?? 0), 2_000).unref()
}

/**
 * A simulator faster than the clock (--speed above 1) posts events from the future: ingest then accepts
 * event times up to the largest MOFANG_MAX_FUTURE_S, so the demo is not refused by its own guard.
 */
function withSimulatedFuture(config: Config, args: ParsedArgs): Config {
  const speed = numberOption(args, 'speed', { min: 0.01 }) ?? 1
  if (args.values['no-simulator'] || speed <= 1) return config
  const maxFutureSeconds = Math.max(config.maxFutureSeconds, SETTINGS.maxFutureSeconds.max)
  log(
    `the simulator runs ${speed}× faster than the clock: accepting event times up to ${Math.round(maxFutureSeconds / 86_400)} days ahead`,
  )
  return { ...config, maxFutureSeconds }
}

async function startBuiltInSimulator(sys: RunningSystem, apiKey: string, args: ParsedArgs) {
  const { config, url } = sys
  const tenant = sys.apiKeys.get(apiKey) ?? 'demo'
  const { startSimulator } = await import('../simulator/index.js')
  // With a routing configuration the simulated floor is assigned by the routing engine, not longest-idle.
  const { routingAssignmentFromFile } = await import('../routing/index.js')
  const { parseDuration } = await import('../simulator/index.js')
  const { dayStartOf } = await import('../live-metrics/index.js')
  const backfill = String(args.values.backfill)
  const now = Date.now()
  const todayStart = dayStartOf(now, config.timeZone)
  // A restart on the same data must not fill today a second time.
  const [{ n }] = await sys.warehouse.query<{ n: number }>(loadQuery('events_since_count'), {
    tenant,
    from_ms: todayStart,
  })
  const backfillMs = backfill === 'today' ? (Number(n) > 0 ? 0 : now - todayStart) : parseDuration(backfill, 'backfill')
  if (backfill === 'today' && Number(n) > 0) log(`today already has ${n} events: not back-filling`)
  const sim = startSimulator({
    url,
    apiKey,
    tenant,
    seed: numberOption(args, 'seed', { integer: true }) ?? 42,
    speed: numberOption(args, 'speed', { min: 0.01 }) ?? 1,
    agents: numberOption(args, 'agents', { integer: true, min: 1 }) ?? 60,
    rate: numberOption(args, 'rate', { min: 1 }) ?? 600,
    start: now,
    backfillMs,
    // Ctrl-C should not wait for a back-fill: simulated events not yet posted were never acknowledged.
    flushTimeoutMs: 5_000,
    assignment: config.routingConfig ? routingAssignmentFromFile(config.routingConfig, tenant) : undefined,
    log,
  })
  log('simulator started (disable with --no-simulator)')
  return sim
}

export async function runSinkOnly(config: Config, namespace: string): Promise<number> {
  if (!config.natsUrl)
    throw new MofangError('CONFIG', 'NATS_URL: required for `mofang sink` (it joins an existing NATS)')
  const sys = await startSystem({ config, namespace, http: false, log })
  log('warehouse sink running')
  await untilSignal()
  await sys.stop()
  exitSoon()
  return 0
}
