/**
 * A report as CSV in long form, one figure per line, so any tool can filter and pivot it:
 *
 *   section,dimension,key,metric,label,unit,value,previous,change
 *
 * Sections: `metric` (the period's value of each metric), `series` (key: the day or period's first day),
 * `breakdown` (dimension channel/queue/team/site/priority), `agent` and `team` (the scorecards), `top` (dimension:
 * reason, error_code, product_model). UTF-8 with a byte-order mark, so Excel opens the Chinese labels right.
 */
import { REPORT_METRICS, SCORECARD_METRICS } from '../core/contracts/index.js';
const HEADER = ['section', 'dimension', 'key', 'metric', 'label', 'unit', 'value', 'previous', 'change'];
const cell = (v) => {
    if (v === null || v === undefined)
        return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
export function reportToCsv(r, lang = 'zh') {
    const lines = [HEADER];
    const label = (id) => REPORT_METRICS[id].label[lang];
    for (const m of r.metrics) {
        const base = [m.id, label(m.id), m.unit];
        lines.push(['metric', '', '', ...base, m.value, m.previous, m.change]);
        m.series.forEach((p, i) => lines.push(['series', 'date', p.date, ...base, p.value, m.previous_series[i]?.value, null]));
        for (const b of m.breakdowns ?? [])
            for (const row of b.rows)
                lines.push(['breakdown', b.by, row.key, ...base, row.value, row.previous, null]);
    }
    for (const s of [...r.agents, ...r.teams])
        for (const id of SCORECARD_METRICS)
            lines.push([s.kind, s.kind, s.key, id, label(id), REPORT_METRICS[id].unit, s.values[id], s.previous[id], null]);
    for (const t of r.top)
        lines.push(['top', t.kind, t.value, 'contacts', '', 'count', t.count, t.previous, t.change]);
    return Buffer.from('\ufeff' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n', 'utf8');
}
//# sourceMappingURL=export-csv.js.map