/**
 * A report API answer in the shape of core/contracts/report.ts, made up and deterministic, for the reports page's
 * browser test while it runs against a stub API (testing/reports-browser.ts): every metric, 14 agents with long ids,
 * four teams, top reasons and facts, and a drill-down. Long names on purpose: the page must fit them on a phone.
 */
import {
  REPORT_METRIC_IDS,
  REPORT_METRICS,
  SCORECARD_METRICS,
  type DailyPoint,
  type DrillAnswer,
  type PeriodRange,
  type ReportAnswer,
  type ReportFilters,
  type ReportMetric,
  type ReportMetricId,
  type ReportPeriod,
  type ScorecardRow,
} from '../core/contracts/index.js'

const DAY_MS = 86_400_000
/** The fixture's centre is in Shanghai (UTC+8): local midnight is 16:00 UTC the day before. */
const OFFSET_MS = 8 * 3_600_000
export const FIXTURE_TIME_ZONE = 'Asia/Shanghai'
/** The period shown when the page asks for none: the day, week or month holding this day. */
export const FIXTURE_DEFAULT_DATE = '2026-03-04'

/** Figures the test reads back, this period and the previous one. */
export const FIXTURE_FIGURES: Partial<Record<ReportMetricId, [number, number]>> = {
  offered: [12_345, 11_800], // volume up: neither good nor bad
  service_level: [82.44, 79.1], // up: good
  aht: [312, 298], // up: bad
  abandon_rate: [6.2, 5.1], // up: bad
  asa: [18, 25], // down: good
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** The daily, weekly (Monday to Sunday) or monthly period holding `date`, and the one before it. */
export function periodOf(period: ReportPeriod, date: string): { range: PeriodRange; previous: PeriodRange } {
  const day = dayNumber(date)
  const range = (start: number, end: number): PeriodRange => ({
    start: isoOf(start),
    end: isoOf(end),
    from_ms: start * DAY_MS - OFFSET_MS,
    to_ms: (end + 1) * DAY_MS - OFFSET_MS,
  })
  if (period === 'daily') return { range: range(day, day), previous: range(day - 1, day - 1) }
  if (period === 'weekly') {
    const monday = day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7)
    return { range: range(monday, monday + 6), previous: range(monday - 7, monday - 1) }
  }
  const d = new Date(day * DAY_MS)
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS
  const before = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1) / DAY_MS
  return { range: range(first, next - 1), previous: range(before, first - 1) }
}

function series(range: PeriodRange, base: number, seed: number): DailyPoint[] {
  const out: DailyPoint[] = []
  for (let day = dayNumber(range.start), i = 0; day <= dayNumber(range.end); day++, i++)
    out.push({ date: isoOf(day), value: Math.round(base * (1 + 0.08 * Math.sin(seed + i * 1.7)) * 10) / 10 })
  return out
}

function metric(id: ReportMetricId, index: number, range: PeriodRange, previous: PeriodRange): ReportMetric {
  const [value, before] = FIXTURE_FIGURES[id] ?? [50 + ((index * 37) % 40), 50 + ((index * 23) % 40)]
  const change = value - before
  return {
    id,
    value,
    previous: before,
    change,
    change_pct: before === 0 ? null : (change / Math.abs(before)) * 100,
    unit: REPORT_METRICS[id].unit,
    series: series(range, value, index),
    previous_series: series(previous, before, index + 0.5),
    ...(id === 'fcr' ? { provisional: true } : {}),
  }
}

const CHANNELS = ['voice', 'wechat', 'webchat', 'app', 'email']
const QUEUES = ['repair', 'presales', 'aftersales', 'complaints', 'vip']
const TEAMS = ['beijing-team-a', 'beijing-team-b', 'shanghai-after-sales', 'shenzhen-vip-care']
const SITES = ['beijing', 'shanghai', 'shenzhen']
const AGENTS = Array.from(
  { length: 14 },
  (_, i) => `agent-${String(i + 1).padStart(4, '0')}-shanghai-aftersales-senior`,
)

function scorecard(kind: 'agent' | 'team', key: string, i: number): ScorecardRow {
  const values = (shift: number) =>
    Object.fromEntries(
      SCORECARD_METRICS.map((id, j) => {
        const unit = REPORT_METRICS[id].unit
        const v =
          unit === 'count'
            ? 40 + ((i * 13 + j * 7 + shift) % 60)
            : unit === 'seconds'
              ? 280 + ((i * 17 + shift) % 90)
              : 70 + ((i * 7 + j * 3 + shift) % 28)
        return [id, v]
      }),
    ) as ScorecardRow['values']
  return {
    kind,
    key,
    ...(kind === 'agent' ? { team: TEAMS[i % TEAMS.length], site: SITES[i % SITES.length] } : {}),
    values: values(0),
    previous: values(5),
  }
}

export function reportFixture(period: ReportPeriod, date: string, filters: ReportFilters): ReportAnswer {
  const { range, previous } = periodOf(period, date || FIXTURE_DEFAULT_DATE)
  const metrics = REPORT_METRIC_IDS.map((id, i) => metric(id, i, range, previous))
  const offered = metrics.find((m) => m.id === 'offered')!
  const rows = (keys: string[]) => keys.map((key, i) => ({ key, value: 3000 - i * 400, previous: 2900 - i * 350 }))
  offered.breakdowns = [
    { by: 'channel', rows: rows(CHANNELS) },
    { by: 'queue', rows: rows(QUEUES) },
    { by: 'team', rows: rows(TEAMS) },
    { by: 'site', rows: rows(SITES) },
  ]
  const top = (kind: 'reason' | 'error_code' | 'product_model', values: string[]) =>
    values.map((value, i) => ({
      kind,
      value,
      count: 400 - i * 60,
      previous: 380 - i * 40,
      change: 20 - i * 20,
      share: 12 - i * 2,
      series: series(range, (400 - i * 60) / 7, i),
    }))
  return {
    tenant: 'demo',
    time_zone: FIXTURE_TIME_ZONE,
    period,
    points_are: 'daily',
    range,
    previous_range: previous,
    filters,
    repeat_window_days: 7,
    source: 'rollup',
    generated_at: Date.parse('2026-03-09T01:00:00Z'),
    metrics,
    agents: AGENTS.map((a, i) => scorecard('agent', a, i)),
    teams: TEAMS.map((t, i) => scorecard('team', t, i)),
    top: [
      ...top('reason', [
        '笔记本电脑开机蓝屏，无法进入系统，需要远程协助排查驱动问题',
        'order status',
        'invoice request',
      ]),
      ...top('error_code', ['0x0000007B', '0x000000D1']),
      ...top('product_model', ['ThinkPad X1 Carbon Gen 12', '拯救者 Y9000P 2024']),
    ],
  }
}

export function drillFixture(
  period: ReportPeriod,
  date: string,
  metric: ReportMetricId,
  filters: ReportFilters,
  opts: { agent?: string; limit: number; offset: number },
): DrillAnswer {
  const { range } = periodOf(period, date || FIXTURE_DEFAULT_DATE)
  const total = 120
  const rows = Array.from({ length: Math.max(0, Math.min(opts.limit, total - opts.offset)) }, (_, k) => {
    const i = opts.offset + k
    return {
      interaction_id: `ix-${range.start}-${String(i).padStart(5, '0')}-0190a3b2-7c4e-7d21-9f3a-5b8c2e1d4f60`,
      channel: CHANNELS[i % CHANNELS.length],
      queue: filters.queue ?? QUEUES[i % QUEUES.length],
      team: filters.team ?? TEAMS[i % TEAMS.length],
      agent_id: opts.agent ?? AGENTS[i % AGENTS.length],
      site: SITES[i % SITES.length],
      started: range.to_ms - (i + 1) * 600_000,
      handled_s: i % 7 === 0 ? null : 200 + i,
      customer_id: `c-${i}`,
      csat: i % 3 === 0 ? null : 3 + (i % 3),
      nps: i % 4 === 0 ? null : i % 11,
      qa_score: i % 5 === 0 ? null : 70 + (i % 30),
    }
  })
  return {
    metric,
    period,
    range,
    filters,
    ...(opts.agent ? { agent: opts.agent } : {}),
    total,
    limit: opts.limit,
    offset: opts.offset,
    rows,
  }
}
