/** The services `mofang start` runs beside the core, in start order. */
import type { Config } from '../core/config.js'
import { namedService, type ServiceFactory } from '../core/service.js'
import { liveMetricsService } from '../live-metrics/service.js'
import { wallboardService } from '../web/server/service.js'
import { transcriptionService } from '../transcribe/service.js'
import { routingService } from '../routing/service.js'
import { qaService } from '../qa/service.js'
import { forecastService } from '../forecast/service.js'
import { forecastSettings } from '../forecast/service-settings.js'

/** The live engine keeps (and accepts late events for) a whole local day, so "today" is complete after a back-fill or a restart. */
const TODAY_AND_A_BIT = 25 * 3_600_000

export function defaultServices(config: Config): ServiceFactory[] {
  return [
    namedService('live_metrics', liveMetricsService({ timeZone: config.timeZone, retentionMs: TODAY_AND_A_BIT })),
    namedService('wallboard', wallboardService()),
    ...(config.routingConfig ? [namedService('routing', routingService({ configPath: config.routingConfig }))] : []),
    namedService('qa', qaService()),
    namedService('transcription', transcriptionService({ model: config.whisperModel })),
    namedService('forecast', forecastService(forecastSettings(config))),
  ]
}
