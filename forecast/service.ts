/**
 * The forecast service: at start and every `everyMinutes` it recomputes the
 * forecasts and required agents of every tenant, queue and channel from the
 * warehouse, stores them, and checks the weather for surges (alert on NATS +
 * `surge_alerts`). Serves the planner API. Runs never overlap: a tick that
 * finds a run in progress waits for it instead of starting another.
 */
import type { Service, ServiceContext, ServiceFactory } from '../core/service.js'
import { supervisorGate } from '../wallboard/server/access.js'
import { plannerHandler } from './planner-api.js'
import { recomputeForecasts, type RecomputeResult } from './recompute.js'
import type { ForecastServiceOptions } from './service-settings.js'
import { checkSurges, rainModel, surgeAlertInput, surgeRow, weatherSourceFrom, type StoredSurge, type WeatherStatus } from './surge-watch.js'

export interface ForecastRun {
  at: number
  series: number
  rows: number
  skipped: RecomputeResult['skipped']
  weather: WeatherStatus
  surges: StoredSurge[]
}

export type ForecastService = Service & {
  /** Runs a forecast (and surge check) now; resolves when stored and published. */
  recompute(now?: number): Promise<ForecastRun>
  readonly lastRun: ForecastRun | undefined
}

const encoder = new TextEncoder()

export function forecastService(opts: ForecastServiceOptions): ServiceFactory {
  return async (ctx: ServiceContext): Promise<ForecastService> => {
    const { warehouse, nats, topology, log } = ctx
    const regions = opts.regions ?? []
    const source = weatherSourceFrom(opts.weatherSource)
    const model = rainModel(regions, opts.rainUpliftPer10mm ?? 0.3)
    const horizonHours = opts.surgeHours ?? 6
    let lastRun: ForecastRun | undefined
    // Runs in a chain, one after another.
    let queue: Promise<void> = Promise.resolve()
    let stopped = false

    async function run(now: number): Promise<ForecastRun> {
      const result = await recomputeForecasts(warehouse, {
        timeZone: opts.timeZone,
        now,
        historyDays: opts.historyDays ?? 56,
        days: opts.days ?? 8,
        targets: opts.targets,
        defaultAht: opts.defaultAht ?? 300,
      })
      for (const s of result.skipped) log(`forecast: ${s.key.tenant}/${s.key.queue}/${s.key.channel} skipped: ${s.reason}`)
      const { status, surges } = await checkSurges(result.rows, { source, regions, model, timeZone: opts.timeZone, now, horizonHours, threshold: opts.surgeThreshold ?? 0.15, minExtraContacts: opts.surgeMinContacts ?? 20 })
      for (const w of status.warnings) log(`forecast: weather warning: ${w}`)
      if (surges.length) {
        await warehouse.insert('surge_alerts', surges.map(surgeRow))
        for (const s of surges) nats.nc.publish(`${topology.alertSubject}.${s.tenant}`, encoder.encode(JSON.stringify(surgeAlertInput(s, horizonHours * 3_600_000))))
      }
      lastRun = { at: now, series: result.series, rows: result.rows.length, skipped: result.skipped, weather: status, surges }
      return lastRun
    }

    const recompute = (now = Date.now()): Promise<ForecastRun> => {
      const next = queue.then(() => run(now))
      queue = next.then(() => undefined, () => undefined)
      return next
    }
    const tick = () => {
      if (stopped) return
      recompute().catch((err) => log(`forecast: run failed: ${(err as Error).message}`))
    }
    if (opts.runAtStart ?? true) tick()
    const every = opts.everyMinutes ?? 15
    const timer = every > 0 ? setInterval(tick, every * 60_000) : undefined
    timer?.unref()

    return {
      name: 'forecast',
      recompute,
      get lastRun() {
        return lastRun
      },
      handlers: [
        plannerHandler({
          warehouse,
          timeZone: opts.timeZone,
          access: supervisorGate(ctx.config, 'planner'),
          weather: () => lastRun?.weather,
          recompute: async () => {
            const r = await recompute()
            return { series: r.series, rows: r.rows }
          },
          onError: (err) => log(`planner: ${(err as Error).message}`),
        }),
      ],
      health: async () => ({
        ok: true,
        detail: lastRun
          ? { last_run: new Date(lastRun.at).toISOString(), series: lastRun.series, rows: lastRun.rows, weather: lastRun.weather.signal, weather_warnings: lastRun.weather.warnings.length }
          : { last_run: null },
      }),
      async stop() {
        stopped = true
        clearInterval(timer)
        await queue
      },
    }
  }
}
