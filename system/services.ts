/** The services `mofang start` runs beside the core, in start order. */
import { type Config, MofangError, namedService, type ServiceFactory } from '../core/index.js'
import { liveMetricsService } from '../live-metrics/index.js'
import { wallboardService } from '../web/server/index.js'
import { transcriptionService } from '../transcribe/index.js'
import { routingService } from '../routing/index.js'
import { qaService, type QaService } from '../qa/index.js'
import { forecastService, forecastSettings } from '../forecast/index.js'
import { reportsService } from '../reports/index.js'
import { privacyService } from '../privacy/index.js'

/**
 * The live engine keeps (and accepts late events for) a whole local day, so "today" is complete after a back-fill or
 * a restart.
 */
const TODAY_AND_A_BIT = 25 * 3_600_000

export function defaultServices(config: Config): ServiceFactory[] {
  // QA starts before transcription; the transcription service gets QA's scoring hook handed over, not looked up.
  let qa: QaService | undefined
  const scoreTranscript: QaService['scoreTranscript'] = (...args) => {
    if (!qa) throw new MofangError('CONFIG', 'transcripts arrived before the QA service started')
    return qa.scoreTranscript(...args)
  }
  return [
    namedService('live_metrics', liveMetricsService({ timeZone: config.timeZone, retentionMs: TODAY_AND_A_BIT })),
    namedService('wallboard', wallboardService()),
    ...(config.routingConfig ? [namedService('routing', routingService({ configPath: config.routingConfig }))] : []),
    namedService('qa', async (ctx) => (qa = await qaService()(ctx))),
    namedService('transcription', transcriptionService({ model: config.whisperModel, scoreTranscript })),
    namedService('forecast', forecastService(forecastSettings(config))),
    namedService('reports', reportsService({ timeZone: config.timeZone, repeatDays: config.reportRepeatDays })),
    namedService('privacy', privacyService()),
  ]
}
