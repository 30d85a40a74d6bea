/**
 * Every export of a report, by format: the bytes, their content type and a file name such as
 * `mofang-weekly-2026-03-02.xlsx`. The scheduled e-mails (reports/delivery) and the HTTP and CLI exports all come
 * through here.
 */
import type { ReportAnswer, ReportFormat } from '../core/contracts/index.js'
import { reportToCsv } from './export-csv.js'
import { reportToPdf } from './export-pdf.js'
import { reportToXlsx } from './export-xlsx.js'
import type { Language } from './report-tables.js'

export interface ExportedReport {
  body: Buffer
  contentType: string
  filename: string
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
}

export interface ExportOptions {
  /** Labels in Chinese (default) or English. */
  lang?: Language
  /** Chromium for PDFs, when not at a usual place. */
  chromium?: string
}

export async function exportReport(
  r: ReportAnswer,
  format: ReportFormat,
  o: ExportOptions = {},
): Promise<ExportedReport> {
  const lang = o.lang ?? 'zh'
  const body =
    format === 'json'
      ? Buffer.from(JSON.stringify(r, null, 2))
      : format === 'csv'
        ? reportToCsv(r, lang)
        : format === 'xlsx'
          ? await reportToXlsx(r, lang)
          : await reportToPdf(r, lang, o.chromium)
  const filters = Object.values(r.filters)
    .map((v) => `-${v.replace(/[^\w.-]+/g, '_')}`)
    .join('')
  return {
    body,
    contentType: CONTENT_TYPES[format],
    filename: `mofang-${r.tenant}-${r.period}-${r.range.start}${filters}.${format}`,
  }
}
