import { reportToCsv } from './export-csv.js';
import { reportToPdf } from './export-pdf.js';
import { reportToXlsx } from './export-xlsx.js';
export const CONTENT_TYPES = {
    json: 'application/json; charset=utf-8',
    csv: 'text/csv; charset=utf-8',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    pdf: 'application/pdf',
};
export async function exportReport(r, format, o = {}) {
    const lang = o.lang ?? 'zh';
    const body = format === 'json'
        ? Buffer.from(JSON.stringify(r, null, 2))
        : format === 'csv'
            ? reportToCsv(r, lang)
            : format === 'xlsx'
                ? await reportToXlsx(r, lang)
                : await reportToPdf(r, lang, o.chromium);
    const filters = Object.values(r.filters)
        .map((v) => `-${v.replace(/[^\w.-]+/g, '_')}`)
        .join('');
    return {
        body,
        contentType: CONTENT_TYPES[format],
        filename: `mofang-${r.tenant}-${r.period}-${r.range.start}${filters}.${format}`,
    };
}
//# sourceMappingURL=export.js.map