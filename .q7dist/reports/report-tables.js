/**
 * A report as labelled tables, in Chinese or English: what the XLSX sheets and the PDF pages show (the CSV is the
 * same figures in long form, export-csv.ts). One place decides the words, the order and the units of every export.
 */
import { METRIC_GROUPS, REPORT_LABELS, REPORT_METRICS, SCORECARD_METRICS, } from '../core/contracts/index.js';
const UNIT_SUFFIX = {
    count: { zh: '', en: '' },
    percent: { zh: '%', en: '%' },
    seconds: { zh: '秒', en: 's' },
    hours: { zh: '小时', en: 'h' },
    score: { zh: '分', en: 'pts' },
    nps: { zh: '', en: '' },
    ratio: { zh: '', en: '' },
};
const WORDS = {
    tenant: { zh: '租户', en: 'Tenant' },
    period: { zh: '本期', en: 'Period' },
    previous: { zh: '上期', en: 'Previous period' },
    filters: { zh: '筛选', en: 'Filters' },
    none: { zh: '无', en: 'none' },
    generated: { zh: '生成时间', en: 'Generated' },
    source: { zh: '数据来源', en: 'Source' },
    rollup: { zh: '日汇总表', en: 'daily rollups' },
    raw: { zh: '原始事件', en: 'raw events' },
    series: { zh: '趋势', en: 'Trend' },
    breakdowns: { zh: '分布', en: 'Breakdowns' },
    dimension: { zh: '维度', en: 'Dimension' },
    group: { zh: '类别', en: 'Group' },
    changePct: { zh: '变化率', en: 'Change %' },
    provisional: { zh: '（暂定）', en: ' (provisional)' },
    timeZone: { zh: '时区', en: 'Time zone' },
    date: { zh: '日期', en: 'Date' },
};
/** A metric's label with its unit, e.g. "Average handle time (s)". */
export function metricLabel(id, lang) {
    const m = REPORT_METRICS[id];
    const unit = UNIT_SUFFIX[m.unit][lang];
    return unit ? `${m.label[lang]} (${unit})` : m.label[lang];
}
const local = (ms, timeZone) => new Date(ms).toLocaleString('sv-SE', { timeZone, hour12: false }).slice(0, 16);
export function reportDocument(r, lang) {
    const w = (k) => WORDS[k][lang];
    const c = (k) => REPORT_LABELS.columns[k][lang];
    const filters = Object.entries(r.filters)
        .map(([k, v]) => `${REPORT_LABELS.dimensions[k][lang]}: ${v}`)
        .join(', ');
    const grouped = METRIC_GROUPS.flatMap((g) => r.metrics.filter((m) => REPORT_METRICS[m.id].group === g));
    const metrics = {
        name: 'metrics',
        title: REPORT_LABELS.sections.metrics[lang],
        columns: [w('group'), c('metric'), c('value'), c('previous'), c('change'), w('changePct')],
        rows: grouped.map((m) => [
            REPORT_LABELS.groups[REPORT_METRICS[m.id].group][lang],
            metricLabel(m.id, lang) + (m.provisional ? w('provisional') : ''),
            m.value,
            m.previous,
            m.change,
            m.change_pct,
        ]),
        metricIds: grouped.map((m) => m.id),
    };
    const dates = r.metrics[0]?.series.map((p) => p.date) ?? [];
    const series = {
        name: 'series',
        title: w('series'),
        columns: [w('date'), ...r.metrics.map((m) => metricLabel(m.id, lang))],
        rows: dates.map((d, i) => [d, ...r.metrics.map((m) => m.series[i]?.value ?? null)]),
    };
    const breakdowns = {
        name: 'breakdowns',
        title: w('breakdowns'),
        columns: [c('metric'), w('dimension'), c('item'), c('value'), c('previous')],
        rows: r.metrics.flatMap((m) => (m.breakdowns ?? []).flatMap((b) => b.rows.map((row) => [
            metricLabel(m.id, lang),
            REPORT_LABELS.dimensions[b.by][lang],
            row.key,
            row.value,
            row.previous,
        ]))),
    };
    const scoreColumns = SCORECARD_METRICS.map((id) => metricLabel(id, lang));
    const scoreRow = (s) => SCORECARD_METRICS.map((id) => s.values[id]);
    const agents = {
        name: 'agents',
        title: REPORT_LABELS.sections.agents[lang],
        columns: [c('agent'), c('team'), c('site'), ...scoreColumns],
        rows: r.agents.map((a) => [a.key, a.team ?? '', a.site ?? '', ...scoreRow(a)]),
    };
    const teams = {
        name: 'teams',
        title: REPORT_LABELS.sections.teams[lang],
        columns: [c('team'), ...scoreColumns],
        rows: r.teams.map((t) => [t.key, ...scoreRow(t)]),
    };
    const top = {
        name: 'top',
        title: REPORT_LABELS.sections.top[lang],
        columns: [w('dimension'), c('item'), c('count'), c('previous'), c('change'), `${c('share')} (%)`],
        rows: r.top.map((t) => [REPORT_LABELS.topKinds[t.kind][lang], t.value, t.count, t.previous, t.change, t.share]),
    };
    return {
        title: `${REPORT_LABELS.title[lang]} · ${REPORT_LABELS.periods[r.period][lang]}`,
        facts: [
            [w('tenant'), r.tenant],
            [w('period'), `${r.range.start} – ${r.range.end}`],
            [w('previous'), `${r.previous_range.start} – ${r.previous_range.end}`],
            [w('filters'), filters || w('none')],
            [w('timeZone'), r.time_zone],
            [w('generated'), local(r.generated_at, r.time_zone)],
            [w('source'), w(r.source)],
        ],
        tables: [metrics, series, breakdowns, agents, teams, top],
    };
}
//# sourceMappingURL=report-tables.js.map