import { REPORT_METRICS } from '../core/contracts/index.js';
import { reportDocument } from './report-tables.js';
const GOOD = 'FF1E7B34';
const BAD = 'FFB3261E';
/** Column of `change` in the metrics table (1-based). */
const CHANGE_COLUMN = 5;
function addTable(sheet, t) {
    sheet.addRow(t.columns).font = { bold: true };
    const first = sheet.rowCount + 1;
    for (const row of t.rows)
        sheet.addRow(row.map((c) => c ?? ''));
    t.columns.forEach((_, i) => (sheet.getColumn(i + 1).width = i < 2 ? 28 : 14));
    return first;
}
export async function reportToXlsx(r, lang = 'zh') {
    const ExcelJS = (await import('exceljs')).default;
    const doc = reportDocument(r, lang);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Mofang';
    wb.created = new Date(r.generated_at);
    const [metrics, ...rest] = doc.tables;
    const main = wb.addWorksheet(lang === 'zh' ? '报告' : 'Report');
    main.addRow([doc.title]).font = { bold: true, size: 14 };
    for (const [k, v] of doc.facts)
        main.addRow([k, v]);
    main.addRow([]);
    const first = addTable(main, metrics);
    const byId = new Map(r.metrics.map((m) => [m.id, m]));
    metrics.metricIds?.forEach((id, i) => {
        const change = byId.get(id)?.change ?? null;
        const better = REPORT_METRICS[id].better;
        if (change === null || change === 0 || better === 'neutral')
            return;
        const good = change > 0 === (better === 'higher');
        main.getRow(first + i).getCell(CHANGE_COLUMN).font = { color: { argb: good ? GOOD : BAD } };
    });
    for (const t of rest)
        addTable(wb.addWorksheet(t.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] }), t);
    return Buffer.from(await wb.xlsx.writeBuffer());
}
//# sourceMappingURL=export-xlsx.js.map