/** The services `mofang start` runs beside the core, in start order. */
import type { Config } from '../core/config.js'
import type { ServiceFactory } from '../core/service.js'
import { liveMetricsService } from '../stream/live-metrics/service.js'
import { wallboardService } from '../wallboard/server/service.js'
import { transcriptionService } from '../qa-engine/transcribe/service.js'
import { routingService } from '../routing/service.js'
import { qaService } from '../qa-engine/service.js'
import { forecastService } from '../forecast/service.js'
import { forecastSettings } from '../forecast/service-settings.js'

export function defaultServices(config: Config): ServiceFactory[] {
  return [liveMetricsService({ timeZone: config.timeZone }), wallboardService(), ...(config.routingConfig ? [routingService({ configPath: config.routingConfig })] : []), qaService(), transcriptionService({ model: config.whisperModel }), forecastService(forecastSettings(config))]
}
