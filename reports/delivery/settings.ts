/** The delivery service's options from the validated configuration (MOFANG_REPORT_SCHEDULES, MOFANG_SMTP_*). */
import type { Config } from '../../core/index.js'
import { parseSchedules } from './schedules.js'
import type { ReportDeliveryOptions } from './service.js'

/** Undefined when no schedule is set (then the service is not started); throws a ConfigError for a bad schedule. */
export function reportDeliverySettings(config: Config): Omit<ReportDeliveryOptions, 'render'> | undefined {
  if (config.reportSchedules === undefined) return undefined
  return {
    schedules: parseSchedules(config.reportSchedules, config.timeZone),
    smtp: {
      // core/config.ts refuses schedules without a server and a sender.
      url: config.smtpUrl!,
      from: config.smtpFrom!,
      user: config.smtpUser,
      password: config.smtpPassword,
      tls: config.smtpTls as 'auto' | 'require' | 'off',
      verifyCertificate: config.smtpTlsVerify,
    },
  }
}
