/**
 * The public API of reports/ (executive service reports: daily rollups, the report, its exports and drill-down,
 * the reports service; and reports/delivery, the scheduled e-mails).
 * Other folders import only this file.
 */
export { drillDown, type DrillRequest } from './drill.js'
export { CONTENT_TYPES, exportReport, type ExportedReport, type ExportOptions } from './export.js'
export { ExportUnavailable } from './export-pdf.js'
export { spanOf, periodRange, type DayRange, type ReportSpan } from './period.js'
export { buildReport, type ReportRequest } from './report.js'
export { FACT_PARAMS, Rollups, type RollupOptions } from './rollups.js'
export { reportsService, type ReportsService, type ReportsServiceOptions } from './service.js'
export * from './delivery/index.js'
