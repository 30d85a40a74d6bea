/** The email of one report send: subject, body, attachments and a Message-ID that is the same on every attempt. */
import type { Occurrence } from './calendar.js'
import type { ReportPeriod } from '../../core/contracts/index.js'
import type { AttachmentFormat, MailLanguage } from './schedules.js'

export interface ReportAttachment {
  filename: string
  content: Buffer
  contentType: string
}

export interface ReportMail {
  to: string[]
  subject: string
  text: string
  /**
   * `<tenant.schedule.period-start.report@domain>`: the same on every attempt of one send, so a copy delivered twice
   * (a process killed after the server took it, before it was recorded) is recognisably the same message.
   */
  messageId: string
  attachments: ReportAttachment[]
}

const CONTENT_TYPES: Record<AttachmentFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
}

const WORDS: Record<
  MailLanguage,
  { title: Record<ReportPeriod, string>; body: (days: string, kinds: string) => string }
> = {
  zh: {
    title: { daily: '服务日报', weekly: '服务周报', monthly: '服务月报' },
    body: (days, kinds) => `附件为 ${days} 的服务报告（${kinds}）。\n\n此邮件由魔方自动发送，请勿直接回复。`,
  },
  en: {
    title: { daily: 'Daily service report', weekly: 'Weekly service report', monthly: 'Monthly service report' },
    body: (days, kinds) =>
      `Attached: the service report for ${days} (${kinds}).\n\nSent automatically by Mofang; replies are not read.`,
  },
}

/** "2026-03-01", "2026-02-23 – 2026-03-01" or "2026-02". */
function daysLabel(o: Occurrence): string {
  if (o.schedule.period === 'daily') return o.periodStart
  if (o.schedule.period === 'monthly') return o.periodStart.slice(0, 7)
  return `${o.periodStart} – ${o.periodEnd}`
}

export const messageIdOf = (o: Occurrence, domain: string): string => `<${o.key}.report@${domain}>`

export const attachmentName = (o: Occurrence, format: AttachmentFormat): string =>
  `mofang-${o.schedule.tenant}-${o.schedule.period}-${o.periodStart}.${format}`

export function reportMail(o: Occurrence, files: Map<AttachmentFormat, Buffer>, messageIdDomain: string): ReportMail {
  const words = WORDS[o.schedule.lang]
  const days = daysLabel(o)
  return {
    to: o.schedule.recipients,
    subject: `${words.title[o.schedule.period]} · ${o.schedule.tenant} · ${days}`,
    text: words.body(days, [...files.keys()].map((f) => f.toUpperCase()).join(', ')),
    messageId: messageIdOf(o, messageIdDomain),
    attachments: [...files].map(([format, content]) => ({
      filename: attachmentName(o, format),
      content,
      contentType: CONTENT_TYPES[format],
    })),
  }
}
