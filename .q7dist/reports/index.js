/**
 * The public API of reports/ (executive service reports: daily rollups, the report, its exports and drill-down,
 * the reports service; and reports/delivery, the scheduled e-mails).
 * Other folders import only this file.
 */
export { drillDown } from './drill.js';
export { CONTENT_TYPES, exportReport } from './export.js';
export { ExportUnavailable } from './export-pdf.js';
export { spanOf, periodRange } from './period.js';
export { buildReport } from './report.js';
export { FACT_PARAMS, Rollups } from './rollups.js';
export { reportsService } from './service.js';
export * from './delivery/index.js';
//# sourceMappingURL=index.js.map