/** The services `mofang start` runs beside the core, in start order. */
import { type Config, MofangError, namedService, type ServiceFactory } from '../core/index.js'
import { alarmGroupRules, liveMetricsService } from '../live-metrics/index.js'
import { openWallStore, wallAlarmRules, wallboardService } from '../web/server/index.js'
import { transcriptionService } from '../transcribe/index.js'
import { routingService } from '../routing/index.js'
import { qaService, type QaService } from '../qa/index.js'
import { forecastService, forecastSettings } from '../forecast/index.js'
import {
  reportDeliveryService,
  reportDeliverySettings,
  reportsService,
  type RenderReport,
  type ReportsService,
} from '../reports/index.js'
import { privacyService } from '../privacy/index.js'
import { ADAPTERS, channelsService, loadChannelCredentials, parseAmiFeeds } from '../channels/index.js'
import { ocrService } from '../ocr/index.js'
import { conversationsService, conversationsSettings } from '../conversations/index.js'
import { assistService } from '../assist/index.js'

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
  let reports: ReportsService | undefined
  const render: RenderReport = (...args) => {
    if (!reports) throw new MofangError('CONFIG', 'a report was due before the reports service started')
    return reports.render(...args)
  }
  const delivery = reportDeliverySettings(config)
  // Checked here, before anything starts, so a bad setting stops `mofang start` with its name.
  const channels = { credentials: loadChannelCredentials(config, ADAPTERS), pbx: parseAmiFeeds(config.pbxAmi) }
  // Threshold alarms: the walls' rules (followed in the wall store) and MOFANG_ALARM_RULES, checked here at start.
  const group = alarmGroupRules(config)
  // The live conversations' limits and MOFANG_INCIDENT_RULES, checked here at start.
  const conversations = conversationsSettings(config)
  return [
    namedService('live_metrics', async (ctx) => {
      const log = (msg: string) => ctx.log(`live metrics: ${msg}`)
      const walls = await wallAlarmRules(await openWallStore(ctx.js, ctx.topology.wallBucket, log), log)
      const live = {
        timeZone: config.timeZone,
        retentionMs: TODAY_AND_A_BIT,
        alarms: { walls, group },
        // MOFANG_LIVE_PARTITIONING=kv: the live metrics instances that are up share the tenants out.
        ...(config.livePartitioning === 'kv' && { partitions: {} }),
      }
      // A start that fails is retried: the watch of this try must not outlive it.
      return liveMetricsService(live)(ctx).catch((err: unknown) => {
        walls.close()
        throw err
      })
    }),
    namedService('wallboard', wallboardService()),
    ...(config.routingConfig ? [namedService('routing', routingService({ configPath: config.routingConfig }))] : []),
    namedService('qa', async (ctx) => (qa = await qaService({ scorecardDir: config.qaScorecards })(ctx))),
    namedService('transcription', transcriptionService({ model: config.whisperModel, scoreTranscript })),
    namedService('forecast', forecastService(forecastSettings(config))),
    namedService(
      'reports',
      async (ctx) =>
        (reports = await reportsService({ timeZone: config.timeZone, repeatDays: config.reportRepeatDays })(ctx)),
    ),
    // Scheduled report e-mails, when MOFANG_REPORT_SCHEDULES sets any; they render through the reports service.
    ...(delivery ? [namedService('report_delivery', reportDeliveryService({ ...delivery, render }))] : []),
    namedService('privacy', privacyService()),
    namedService('channels', channelsService(channels)),
    // Screenshots on messages read to text and key facts (MOFANG_OCR_WORKERS; 0 = off).
    ...(config.ocrWorkers > 0 ? [namedService('ocr', ocrService({ workers: config.ocrWorkers }))] : []),
    namedService('conversations', conversationsService(conversations)),
    // Agent assist: the knowledge base (seeded for the dev tenant), suggestions, one-click send, the draft check.
    namedService('assist', assistService()),
  ]
}
