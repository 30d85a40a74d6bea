/**
 * The public API of reports/delivery (scheduled report emails), re-exported by reports/index.ts. The composition
 * root starts `reportDeliveryService({ ...reportDeliverySettings(config), render })` when schedules are set.
 */
export type { BackoffOptions, DeliveryHealth, PendingSend, RenderReport } from './delivery.js'
export type { AttachmentFormat, MailLanguage, Schedule } from './schedules.js'
export { reportDeliveryService } from './service.js'
export type { ReportDeliveryOptions, ReportDeliveryService } from './service.js'
export { reportDeliverySettings } from './settings.js'
export type { SmtpOptions } from './smtp.js'
