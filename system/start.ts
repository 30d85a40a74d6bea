/** `mofang start` and `mofang sink`: run the system until a signal, then drain. */
import { join } from 'node:path'
import { availableParallelism } from 'node:os'
import {
  BadInputError,
  type Config,
  ConfigError,
  MofangError,
  namedService,
  parseList,
  SETTINGS,
  type ServiceFactory,
} from '../core/index.js'
import { numberOption, type ParsedArgs } from '../kits/cli/index.js'
import { startSystem, type RunningSystem } from './system.js'
import { defaultServices } from './services.js'
import { partProcessesService, sendHeartbeats } from './part-processes.js'
import { untilSignal } from './signals.js'
import type { ForecastService } from '../forecast/index.js'
import type { ReportsService } from '../reports/index.js'
import type { ChannelsService, Platform, SampleMessage } from '../channels/index.js'
import { backfillHistory, lastEventBefore, readHistoryMarker } from './history.js'
import { redactionPolicy } from '../kits/pii/index.js'

const log = (m: string) => console.error(`[mofang] ${m}`)

export async function startWholeSystem(given: Config, args: ParsedArgs): Promise<number> {
  const config = withSimulatedWeather(withSimulatedFuture(given, args), args)
  const sys = await startSystem({ config, log, services: args.values['no-services'] ? [] : servicesForStart(config) })
  // Listening from here on: a signal while the simulator starts (seconds; minutes with a history back-fill) drains
  // once it has started, instead of killing the process with V8's default handler and the system half stopped.
  const signalled = untilSignal((s) => log(`${s}: draining…`))
  const lines = [
    `Mofang is running:   ${sys.url}`,
    ...(sys.devApiKey ? [`dev API key (tenant "demo"):  ${sys.devApiKey}`] : []),
    ...sys.services.flatMap((s) => s.banner ?? []),
    `health:              ${sys.url}/healthz`,
    `try:                 mofang sql "SELECT channel, count() FROM events GROUP BY channel"`,
  ]
  console.log(['', ...lines.map((l) => '  ' + l), ''].join('\n'))
  if (sys.services.some((s) => s.name === 'transcription')) offerModel(config)
  const simulator = args.values['no-simulator']
    ? undefined
    : await startBuiltInSimulator(sys, sys.devApiKey ?? [...sys.apiKeys.keys()][0], args)
  const signal = await signalled
  await simulator?.stop()
  await sys.stop()
  log(`stopped (${signal})`)
  exitSoon()
  return 0
}

/**
 * Parts that run in a process of their own when MOFANG_PART_PROCESSES names them: they serve no HTTP routes and call
 * into no other part, so nothing but NATS and the warehouse joins them to the rest.
 */
const SEPARABLE_PARTS = ['live_metrics', 'ocr']

/**
 * MOFANG_PART_PROCESSES as a list. `auto` splits on 4 or more cores only: on 2 cores, with the load generator beside
 * it, the split moved CPU without adding throughput and doubled the POST → queryable p99 (README, bench:ingest).
 */
function partProcessesAsked(setting: string): string[] {
  if (setting === 'none') return []
  if (setting === 'auto') return availableParallelism() >= 4 ? SEPARABLE_PARTS : []
  return parseList(setting)
}

/** The default services, those named in MOFANG_PART_PROCESSES replaced by their supervised processes. */
export function servicesForStart(config: Config): ServiceFactory[] {
  const all = defaultServices(config)
  const asked = partProcessesAsked(config.partProcesses)
  const refused = asked.filter((p) => !SEPARABLE_PARTS.includes(p))
  if (refused.length)
    throw new ConfigError(
      'MOFANG_PART_PROCESSES',
      `${refused.join(', ')}: only ${SEPARABLE_PARTS.join(' and ')} run in a process of their own (the other parts serve HTTP routes or call into another part; run them elsewhere with \`mofang run\`)`,
    )
  // A part that is off (OCR with MOFANG_OCR_WORKERS=0) gets no process either.
  const separate = all.filter((f) => asked.includes(f.serviceName ?? ''))
  if (!separate.length) return all
  const parts = separate.map((f) => f.serviceName!)
  return [namedService('part_processes', partProcessesService({ parts })), ...all.filter((f) => !separate.includes(f))]
}

/**
 * Without a Whisper model, calls wait for transcription: offer the tiny model when its host answers (a prompt on a
 * terminal, the command otherwise). Not awaited: the start never waits on the network or on an answer.
 */
function offerModel(config: Config): void {
  import('../transcribe/index.js')
    .then(({ offerWhisperModel }) => offerWhisperModel({ model: config.whisperModel, dataDir: config.dataDir, log }))
    .catch((err) => log(`model offer: ${(err as Error).message}`))
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

/** The simulated centre's queues: one simulated region covers them all. */
const SIMULATED_REGIONS = JSON.stringify([
  {
    region: 'simulated',
    latitude: 31.23,
    longitude: 121.47,
    queues: ['repair', 'presales', 'aftersales', 'complaints', 'vip'],
  },
])

/**
 * With the simulator and no weather source configured (MOFANG_WEATHER_SOURCE=none), the demo gets the simulated
 * weather feed: the same rain the simulator scales arrivals by, labelled "simulated" wherever it is shown, with a
 * storm from the next whole hour so a weather surge alert appears. The anchor travels in the setting
 * (`simulated:<ms>`) so the feed and the simulator agree.
 */
function withSimulatedWeather(config: Config, args: ParsedArgs): Config {
  if (args.values['no-simulator'] || config.weatherSource !== 'none') return config
  log('weather: the simulated demo feed (set MOFANG_WEATHER_SOURCE for a real one)')
  return {
    ...config,
    weatherSource: `simulated:${Date.now()}`,
    weatherRegions: config.weatherRegions ?? SIMULATED_REGIONS,
  }
}

/** The storm anchor of the simulated weather setting, or undefined when the feed is not the simulated one. */
function simulatedWeatherAnchor(config: Config): number | undefined {
  const m = /^simulated(?::(\d+))?$/.exec(config.weatherSource)
  return m ? Number(m[1] ?? Date.now()) : undefined
}

const DAY = 86_400_000

/**
 * The tenant's platforms, for the simulator to send customers' messages through as the platforms would (its chats
 * through the chat platforms, its e-mail tickets as mail through the relay format).
 */
async function demoChannels(sys: RunningSystem, tenant: string) {
  const channels = await import('../channels/index.js')
  const { ADAPTERS, eventIdOf, sessionInteractionId, threadInteractionId } = channels
  const mine = channels.loadChannelCredentials(sys.config, ADAPTERS).get(tenant)
  if (!mine) return undefined
  const service = sys.services.find((s) => s.name === 'channels') as ChannelsService | undefined
  const platforms = new Map(
    [...mine].map(([platform, credentials]) => {
      const adapter = ADAPTERS.get(platform)!
      const sign = (m: SampleMessage) => {
        // WeCom's callback only says that messages wait: the demo's stand-in API holds the message itself.
        if (platform === 'wecom') service?.devWeComMessage?.(m)
        return adapter.sign(credentials, m)
      }
      const thread =
        platform === 'email'
          ? {
              interactionIdOf: (root: string) => threadInteractionId(tenant, 'email', root),
              createdEventIdOf: (root: string) => eventIdOf('email', `${root}#created`),
            }
          : undefined
      return [adapter.channel, { platform, identity: adapter.identity, sign, ...(thread && { thread }) }] as const
    }),
  )
  return {
    platforms,
    interactionIdOf: (platform: string, user: string, messageId: string) =>
      sessionInteractionId(tenant, platform as Platform, user, messageId),
  }
}

async function startBuiltInSimulator(sys: RunningSystem, apiKey: string, args: ParsedArgs) {
  const { config, url } = sys
  const tenant = sys.apiKeys.get(apiKey) ?? 'demo'
  const { startSimulator, RecordingWriter } = await import('../simulator/index.js')
  // With a routing configuration the simulated floor is assigned by the routing engine, not longest-idle.
  const { routingAssignmentFromFile } = await import('../routing/index.js')
  const { parseDuration } = await import('../simulator/index.js')
  const { dayStartOf } = await import('../live-metrics/index.js')
  const { simulatedRainMmH, SIMULATED_MAX_RAIN_MM_H, SIMULATED_UPLIFT_PER_10MM } = await import('../kits/sim/index.js')
  const seed = numberOption(args, 'seed', { integer: true }) ?? 42
  const agents = numberOption(args, 'agents', { integer: true, min: 1 }) ?? 60
  const rate = numberOption(args, 'rate', { min: 1 }) ?? 600
  const historyMs = parseDuration(String(args.values.history ?? '0'), 'history')
  const backfill = String(args.values.backfill)
  const now = Date.now()
  const todayStart = dayStartOf(now, config.timeZone)
  // Today goes through ingest from local midnight, or from the last stored event when a restart finds one today.
  const last = await lastEventBefore(sys.warehouse, tenant, now + DAY)
  const ingestFrom =
    backfill === 'today'
      ? Math.max(todayStart, last === undefined ? 0 : last + 1)
      : now - parseDuration(backfill, 'backfill')
  if (backfill === 'today' && last !== undefined && last >= todayStart)
    log(`today already has events up to ${new Date(last).toISOString()}: back-filling only the gap since`)
  const stormFrom = simulatedWeatherAnchor(config)
  if (historyMs > 0)
    await simulatedHistory(sys, {
      tenant,
      seed,
      agents,
      rate,
      historyMs,
      until: ingestFrom,
      weather: stormFrom !== undefined,
    })
  const sim = startSimulator({
    url,
    apiKey,
    tenant,
    seed,
    speed: numberOption(args, 'speed', { min: 0.01 }) ?? 1,
    agents,
    rate,
    start: now,
    backfillMs: Math.max(0, now - ingestFrom),
    weather:
      stormFrom === undefined
        ? undefined
        : {
            rainMmH: (ts) => simulatedRainMmH(ts, stormFrom),
            maxRainMmH: SIMULATED_MAX_RAIN_MM_H,
            upliftPer10mm: SIMULATED_UPLIFT_PER_10MM,
          },
    // Ctrl-C should not wait for a back-fill: simulated events not yet posted were never acknowledged.
    flushTimeoutMs: 5_000,
    assignment: config.routingConfig ? routingAssignmentFromFile(config.routingConfig, tenant) : undefined,
    channels: await demoChannels(sys, tenant),
    // Every few hours a burst of chats about one error code, so the live view's incident alert shows on a first run.
    incidents: true,
    // Live calls are spoken into WAV files for transcription; back-filled ones are not (their events are posted at
    // once, before any file could be written, and a day of them would take minutes of CPU).
    recorder: new RecordingWriter({
      dir: config.recordingsDir ?? join(config.dataDir, 'recordings'),
      from: now,
      log,
    }),
    log,
  })
  log('simulator started (disable with --no-simulator)')
  return sim

  /**
   * The days before the ingest back-fill, straight into the warehouse (system/history.ts): the whole window on the
   * first start (no marker in the data directory), later only the gap since the last stored event. Then the
   * forecast runs again, so forecasts and staffing are there at once.
   */
  async function simulatedHistory(
    sys: RunningSystem,
    o: {
      tenant: string
      seed: number
      agents: number
      rate: number
      historyMs: number
      until: number
      weather: boolean
    },
  ) {
    const days = Math.ceil(o.historyMs / DAY)
    const windowStart = dayStartOf(todayStart - days * DAY + 2 * 3_600_000, config.timeZone)
    const lastBefore = await lastEventBefore(sys.warehouse, o.tenant, o.until)
    const from = lastBefore === undefined ? windowStart : Math.max(windowStart, lastBefore + 1)
    const marker = readHistoryMarker(config.dataDir)
    if (from >= o.until) return
    const bounds = [from]
    for (let k = days - 1; k >= 0; k--) {
      const midnight = dayStartOf(todayStart - k * DAY + 2 * 3_600_000, config.timeZone)
      if (midnight > from && midnight < o.until) bounds.push(midnight)
    }
    bounds.push(o.until)
    log(
      marker
        ? `simulated history: filling the gap since the last event (${new Date(from).toISOString()})`
        : `first start on this data directory: back-filling ${days} days of simulated history (once; --history 0 skips it)`,
    )
    // Stored as ingest would store it: redacted when MOFANG_REDACT_TENANTS covers the tenant.
    const redact = redactionPolicy(config.redactTenants)?.applies(o.tenant) ?? false
    const done = await backfillHistory({
      warehouse: sys.warehouse,
      dataDir: config.dataDir,
      ...o,
      redact,
      days: bounds,
      log,
    })
    log(`simulated history: ${done.events} events over ${done.days} day(s) in ${done.seconds} s`)
    const reports = sys.services.find((s) => s.name === 'reports') as ReportsService | undefined
    reports
      ?.refresh()
      .then(() => log('reports: rollups rebuilt after the history back-fill'))
      .catch((err) => log(`reports: rollup rebuild failed: ${(err as Error).message}`))
    const forecast = sys.services.find((s) => s.name === 'forecast') as ForecastService | undefined
    forecast
      ?.recompute()
      .then((r) => log(`forecast: recomputed after the history back-fill (${r.series} series, ${r.rows} rows)`))
      .catch((err) => log(`forecast: run after the history back-fill failed: ${(err as Error).message}`))
  }
}

/**
 * `mofang run PART…`: some of the default services alone, e.g. QA scoring or OCR on a machine of their own. They
 * meet the rest on NATS and read and write the shared ClickHouse server: the embedded chDB has one owner process per
 * data directory (the one `mofang start` runs), so a part elsewhere cannot open it.
 */
export async function runParts(config: Config, names: readonly string[], namespace: string): Promise<number> {
  const parts = partsNamed(config, names)
  if (!config.natsUrl)
    throw new MofangError('CONFIG', 'NATS_URL: required for `mofang run` (the parts join an existing NATS)')
  if (!config.clickhouseUrl && !config.warehouseUrl)
    throw new MofangError(
      'CONFIG',
      'CLICKHOUSE_URL or MOFANG_WAREHOUSE_URL: required for `mofang run`: the embedded chDB belongs to the `mofang start` process that owns its data directory; parts use it through that server (MOFANG_WAREHOUSE_URL + MOFANG_WAREHOUSE_TOKEN) or share a ClickHouse server',
    )
  // Started by `mofang start` (system/part-processes.ts): when the IPC channel to it closes, however that comes
  // about, this process stops too instead of running on as an orphan.
  if (process.channel) {
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'))
    process.channel.unref()
    // …and it tells the parent its event loop still turns, or the parent kills and restarts it as hung.
    sendHeartbeats()
  }
  const sys = await startSystem({ config, namespace, sink: false, services: parts, log })
  const lines = [
    `Mofang parts running: ${names.join(', ')} at ${sys.url}`,
    ...sys.services.flatMap((s) => s.banner ?? []),
  ]
  // Listening before the banner: a supervisor may stop this process as soon as it reads it.
  const signalled = untilSignal((s) => log(`${s}: draining…`))
  console.log(['', ...lines.map((l) => '  ' + l), ''].join('\n'))
  await signalled
  await sys.stop()
  exitSoon()
  return 0
}

/** The default services named, in their start order; an unknown or missing name stops the command, naming them. */
export function partsNamed(config: Config, names: readonly string[]): ServiceFactory[] {
  const all = defaultServices(config)
  const known = all.map((f) => f.serviceName ?? '')
  if (names.length === 0) throw new BadInputError(`PART: name at least one of ${known.join(', ')}`)
  const unknown = names.filter((n) => !known.includes(n))
  if (unknown.length)
    throw new BadInputError(
      `PART: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a part here; the parts are ${known.join(', ')}`,
    )
  // system/services.ts hands QA's scorer to transcription in-process: alone, its transcripts would have nowhere to go.
  if (names.includes('transcription') && !names.includes('qa'))
    throw new BadInputError(
      'PART: transcription hands each transcript to the QA scorer in its own process: run it with qa (`mofang run qa transcription`)',
    )
  return all.filter((f) => names.includes(f.serviceName ?? ''))
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
