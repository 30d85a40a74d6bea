/**
 * A report as one printable HTML page (what export-pdf.ts prints): the header facts, every metric with this
 * period, the previous one, the change and a sparkline of its trend, then the scorecards and the top reasons and
 * facts. Self-contained (inline CSS and SVG, no script, no web font): Chromium draws the Chinese with the system's
 * CJK font (FONT_STACK).
 */
import { REPORT_METRICS } from '../core/contracts/index.js';
import { reportDocument } from './report-tables.js';
/** The CJK fonts tried in order: Debian's fonts-wqy-microhei (npm test installs it), then Noto CJK. */
export const FONT_STACK = `'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif`;
const esc = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const show = (c) => (c === null ? '–' : typeof c === 'number' ? c.toLocaleString('en-US') : esc(c));
/** A 90×18 polyline of the values (nulls leave gaps). */
function sparkline(points) {
    const vals = points.map((p) => p.value).filter((v) => v !== null);
    if (vals.length < 2)
        return '';
    const lo = Math.min(...vals);
    const span = Math.max(...vals) - lo || 1;
    const step = 90 / Math.max(1, points.length - 1);
    const segments = [[]];
    points.forEach((p, i) => {
        if (p.value === null)
            segments.push([]);
        else
            segments.at(-1).push(`${(i * step).toFixed(1)},${(17 - (16 * (p.value - lo)) / span).toFixed(1)}`);
    });
    const lines = segments
        .filter((s) => s.length > 1)
        .map((s) => `<polyline points="${s.join(' ')}" fill="none" stroke="#2f6fdd" stroke-width="1.2"/>`);
    return `<svg width="90" height="18" viewBox="0 0 90 18">${lines.join('')}</svg>`;
}
function table(t, extra) {
    const head = t.columns.map((c) => `<th>${esc(c)}</th>`).join('') + (extra ? '<th></th>' : '');
    const body = t.rows
        .map((r, i) => `<tr>${r.map((c) => `<td>${show(c)}</td>`).join('')}${extra ? `<td>${extra(i)}</td>` : ''}</tr>`)
        .join('');
    return `<h2>${esc(t.title)}</h2><table class="${t.name}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
export function reportHtml(r, lang) {
    const doc = reportDocument(r, lang);
    const byId = new Map(r.metrics.map((m) => [m.id, m]));
    const [metrics, , , agents, teams, top] = doc.tables;
    const trend = (i) => {
        const id = metrics.metricIds?.[i];
        return id && REPORT_METRICS[id] ? sparkline(byId.get(id)?.series ?? []) : '';
    };
    return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<style>
  @page { size: A4; margin: 14mm 12mm; }
  body { font-family: ${FONT_STACK}; font-size: 9.5pt; color: #1b1f24; }
  h1 { font-size: 16pt; margin: 0 0 4pt; }
  h2 { font-size: 11.5pt; margin: 14pt 0 4pt; break-after: avoid; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 0 0 6pt; color: #444; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 0.5pt solid #d5d9de; padding: 2pt 4pt; text-align: right; }
  th { background: #f1f3f5; }
  th:first-child, td:first-child, table.metrics td:nth-child(2), table.agents td:nth-child(-n+3),
  table.top td:nth-child(-n+2) { text-align: left; }
  tr { break-inside: avoid; }
</style></head><body>
<h1>${esc(doc.title)}</h1>
<dl>${doc.facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
${table(metrics, trend)}
${table(teams)}
${table(agents)}
${table(top)}
</body></html>`;
}
//# sourceMappingURL=report-html.js.map