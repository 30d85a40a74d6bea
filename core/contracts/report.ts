/**
 * Executive service reports (issue #16): the JSON of the report API (served by reports/ under /api/reports/, read by
 * the app's /reports page and the scheduled e-mails), and the metrics catalogue with its Chinese and English labels.
 * Plain data and types only (the browser bundle imports it).
 *
 * Metric ids are stable: new metrics are added, ids are never renamed or reused. The README's "Reports" section
 * defines each metric once (formula, unit, source).
 *
 * Days are local calendar days in the contact centre's time zone (MOFANG_TIMEZONE), written YYYY-MM-DD; weeks start
 * on Monday; months are calendar months. Times are ms since the epoch unless the name says otherwise.
 */

/** The period kinds a report covers. */
export const REPORT_PERIODS = ['daily', 'weekly', 'monthly'] as const
export type ReportPeriod = (typeof REPORT_PERIODS)[number]

/** GET /api/reports/:period/export?format=… */
export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** The query parameters that narrow a report (and its drill-down); absent = everything. */
export const REPORT_FILTERS = ['channel', 'queue', 'team', 'site'] as const
export type ReportFilterName = (typeof REPORT_FILTERS)[number]
export type ReportFilters = Partial<Record<ReportFilterName, string>>

/** A zh + en label. */
export interface Label {
  zh: string
  en: string
}

/**
 * How a metric's value reads: `count` (whole contacts, tickets…), `percent` (0-100), `seconds`, `hours`, `score`
 * (QA 0-100), `nps` (-100..100), `ratio` (a plain quotient, e.g. transfers per contact).
 */
export type MetricUnit = 'count' | 'percent' | 'seconds' | 'hours' | 'score' | 'nps' | 'ratio'

/** The report's sections, in display order. */
export const METRIC_GROUPS = [
  'volume',
  'service',
  'handling',
  'resolution',
  'tickets',
  'satisfaction',
  'quality',
  'staffing',
] as const
export type MetricGroup = (typeof METRIC_GROUPS)[number]

export interface MetricDefinition {
  group: MetricGroup
  unit: MetricUnit
  /** Which way is good: the page colours a change by it. */
  better: 'higher' | 'lower' | 'neutral'
  label: Label
}

const m = (group: MetricGroup, unit: MetricUnit, better: MetricDefinition['better'], zh: string, en: string) =>
  ({ group, unit, better, label: { zh, en } }) satisfies MetricDefinition

/** Every report metric, keyed by its stable id, in display order. */
export const REPORT_METRICS = {
  offered: m('volume', 'count', 'neutral', '进线量', 'Contacts offered'),
  handled: m('volume', 'count', 'neutral', '处理量', 'Contacts handled'),
  service_level: m('service', 'percent', 'higher', '服务水平', 'Service level'),
  asa: m('service', 'seconds', 'lower', '平均应答速度', 'Average speed of answer'),
  abandon_rate: m('service', 'percent', 'lower', '放弃率', 'Abandon rate'),
  aht: m('handling', 'seconds', 'lower', '平均处理时长', 'Average handle time'),
  talk_time: m('handling', 'seconds', 'neutral', '平均通话时长', 'Average talk time'),
  hold_time: m('handling', 'seconds', 'lower', '平均保持时长', 'Average hold time'),
  wrap_time: m('handling', 'seconds', 'lower', '平均话后处理时长', 'Average wrap-up time'),
  transfers_per_contact: m('handling', 'ratio', 'lower', '每次联络转接数', 'Transfers per contact'),
  fcr: m('resolution', 'percent', 'higher', '首次联络解决率', 'First-contact resolution'),
  repeat_contact_rate: m('resolution', 'percent', 'lower', '重复联络率', 'Repeat-contact rate'),
  channel_switch_rate: m('resolution', 'percent', 'lower', '跨渠道重复联络率', 'Came back on another channel'),
  service_time_per_customer: m('resolution', 'seconds', 'neutral', '每位客户服务时长', 'Service time per customer'),
  tickets_created: m('tickets', 'count', 'neutral', '新建工单', 'Tickets created'),
  ticket_backlog: m('tickets', 'count', 'lower', '未结工单', 'Open tickets at period end'),
  ticket_first_response: m('tickets', 'hours', 'lower', '工单首次响应时长', 'Time to first response'),
  ticket_resolution_time: m('tickets', 'hours', 'lower', '工单解决时长', 'Time to resolution'),
  ticket_reopen_rate: m('tickets', 'percent', 'lower', '工单重开率', 'Ticket reopen rate'),
  sla_breaches: m('tickets', 'count', 'lower', 'SLA 超时工单', 'SLA breaches'),
  nps: m('satisfaction', 'nps', 'higher', '净推荐值', 'NPS'),
  csat: m('satisfaction', 'percent', 'higher', '满意度（调查）', 'CSAT (surveyed)'),
  five_star_rate: m('satisfaction', 'percent', 'higher', '五星率', 'Five-star rate'),
  csat_predicted: m('satisfaction', 'percent', 'higher', '满意度（预测）', 'CSAT (predicted)'),
  qa_score: m('quality', 'score', 'higher', '质检平均分', 'QA average score'),
  qa_flagged_rate: m('quality', 'percent', 'lower', '质检标记占比', 'QA flagged share'),
  sentiment_improved: m('quality', 'percent', 'higher', '客户情绪好转占比', 'Customer sentiment improved'),
  sentiment_worsened: m('quality', 'percent', 'lower', '客户情绪变差占比', 'Customer sentiment worsened'),
  bot_containment: m('quality', 'percent', 'higher', '机器人自助解决率', 'Bot containment'),
  occupancy: m('staffing', 'percent', 'neutral', '占用率', 'Occupancy'),
  not_ready_share: m('staffing', 'percent', 'lower', '未就绪占比', 'Not-ready share'),
  logged_in_hours: m('staffing', 'hours', 'neutral', '登录工时', 'Logged-in hours'),
  required_hours: m('staffing', 'hours', 'neutral', '需求工时', 'Required hours'),
  staffing_coverage: m('staffing', 'percent', 'neutral', '登录/需求工时比', 'Logged-in vs required'),
  contacts_per_agent_day: m('staffing', 'ratio', 'higher', '人均每日处理量', 'Contacts per agent per day'),
} as const satisfies Record<string, MetricDefinition>

export type ReportMetricId = keyof typeof REPORT_METRICS
export const REPORT_METRIC_IDS = Object.keys(REPORT_METRICS) as ReportMetricId[]

/** The scorecards' columns (per agent and per team), each a report metric computed for that agent or team. */
export const SCORECARD_METRICS = ['handled', 'aht', 'fcr', 'csat', 'qa_score', 'not_ready_share'] as const
export type ScorecardMetricId = (typeof SCORECARD_METRICS)[number]

/** Dimensions a metric may be broken down by. */
export const BREAKDOWN_DIMENSIONS = ['channel', 'queue', 'team', 'site', 'priority'] as const
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number]

/** Kinds of top items: contact reasons, and key facts the QA engine found in transcripts. */
export const TOP_ITEM_KINDS = ['reason', 'error_code', 'product_model'] as const
export type TopItemKind = (typeof TOP_ITEM_KINDS)[number]

/** Labels of everything else the page and the exports show, zh and en. */
export const REPORT_LABELS = {
  title: { zh: '服务报告', en: 'Service report' },
  periods: {
    daily: { zh: '日报', en: 'Daily' },
    weekly: { zh: '周报', en: 'Weekly' },
    monthly: { zh: '月报', en: 'Monthly' },
  } satisfies Record<ReportPeriod, Label>,
  groups: {
    volume: { zh: '业务量', en: 'Volume' },
    service: { zh: '服务水平', en: 'Service' },
    handling: { zh: '处理', en: 'Handling' },
    resolution: { zh: '解决', en: 'Resolution' },
    tickets: { zh: '工单', en: 'Tickets' },
    satisfaction: { zh: '满意度', en: 'Satisfaction' },
    quality: { zh: '质检', en: 'Quality' },
    staffing: { zh: '人力', en: 'Staffing' },
  } satisfies Record<MetricGroup, Label>,
  dimensions: {
    channel: { zh: '渠道', en: 'Channel' },
    queue: { zh: '队列', en: 'Queue' },
    team: { zh: '团队', en: 'Team' },
    site: { zh: '站点', en: 'Site' },
    priority: { zh: '优先级', en: 'Priority' },
  } satisfies Record<BreakdownDimension, Label>,
  topKinds: {
    reason: { zh: '联络原因', en: 'Contact reasons' },
    error_code: { zh: '错误代码', en: 'Error codes' },
    product_model: { zh: '产品型号', en: 'Product models' },
  } satisfies Record<TopItemKind, Label>,
  columns: {
    metric: { zh: '指标', en: 'Metric' },
    value: { zh: '本期', en: 'This period' },
    previous: { zh: '上期', en: 'Previous period' },
    change: { zh: '变化', en: 'Change' },
    unit: { zh: '单位', en: 'Unit' },
    agent: { zh: '坐席', en: 'Agent' },
    team: { zh: '团队', en: 'Team' },
    site: { zh: '站点', en: 'Site' },
    item: { zh: '项目', en: 'Item' },
    count: { zh: '次数', en: 'Count' },
    share: { zh: '占比', en: 'Share' },
    interaction: { zh: '联络', en: 'Interaction' },
    started: { zh: '开始时间', en: 'Started' },
    handled_s: { zh: '处理时长（秒）', en: 'Handled (s)' },
    customer: { zh: '客户', en: 'Customer' },
  } satisfies Record<string, Label>,
  sections: {
    metrics: { zh: '指标', en: 'Metrics' },
    agents: { zh: '坐席记分卡', en: 'Agent scorecards' },
    teams: { zh: '团队记分卡', en: 'Team scorecards' },
    top: { zh: '热点', en: 'Top reasons and facts' },
  } satisfies Record<string, Label>,
} as const

/** One period: its first and last local day (both included) and the same as a half-open ms range. */
export interface PeriodRange {
  /** First local day, YYYY-MM-DD. */
  start: string
  /** Last local day (included), YYYY-MM-DD. */
  end: string
  /** Local midnight starting `start`, ms. */
  from_ms: number
  /** Local midnight after `end`, ms (excluded). */
  to_ms: number
}

/** One day's value in a metric's sparkline; null when the day had nothing to measure (no contacts, no surveys…). */
export interface DailyPoint {
  /** Local day, YYYY-MM-DD. */
  date: string
  value: number | null
}

/** One row of a metric broken down by a dimension. */
export interface BreakdownRow {
  key: string
  value: number | null
  previous: number | null
}

export interface MetricBreakdown {
  by: BreakdownDimension
  /** Largest `value` first. */
  rows: BreakdownRow[]
}

/** One metric of the report, this period against the previous one. */
export interface ReportMetric {
  id: ReportMetricId
  /** This period; null when there was nothing to measure. */
  value: number | null
  previous: number | null
  /** value − previous, in the metric's unit (percentage points for `percent`); null when either is null. */
  change: number | null
  /** (value − previous) / |previous| × 100; null when either is null or previous is 0. */
  change_pct: number | null
  unit: MetricUnit
  /**
   * The trend, oldest first: one point per local day of the period (a daily report: that one day); a report over
   * several periods (`from`/`to`) has one point per period, dated its first day (ReportAnswer.points_are).
   */
  series: DailyPoint[]
  /** The same for the previous period. */
  previous_series: DailyPoint[]
  /** For metrics reported by dimension: `offered` by channel, queue, team and site; `sla_breaches` by priority. */
  breakdowns?: MetricBreakdown[]
  /**
   * True when the value can still change as later contacts arrive: `fcr`, `channel_switch_rate` look N days past a
   * contact (MOFANG_REPORT_REPEAT_DAYS), so they settle N days after the period's end.
   */
  provisional?: boolean
}

/** One agent's or team's scorecard: the scorecard metrics this period and the previous one. */
export interface ScorecardRow {
  kind: 'agent' | 'team'
  /** agent_id or team name. */
  key: string
  /** For an agent: the team and site their contacts were handled in most this period. */
  team?: string
  site?: string
  values: Record<ScorecardMetricId, number | null>
  previous: Record<ScorecardMetricId, number | null>
}

/** A top contact reason or key fact, with its trend. */
export interface TopItem {
  kind: TopItemKind
  value: string
  /** Contacts with it this period and the previous one. */
  count: number
  previous: number
  change: number
  /** Share of this period's contacts with a reason (reasons) or of its QA-scored contacts (facts), percent. */
  share: number | null
  /** Contacts with it per local day of this period. */
  series: DailyPoint[]
}

/** GET /api/reports/:period?date=&channel=&queue=&team=&site= (and the `json` export). */
export interface ReportAnswer {
  tenant: string
  time_zone: string
  period: ReportPeriod
  /**
   * The period that holds `date` (default: the last complete period), or the periods from `from` to `to`; and as
   * many periods before it. A period that holds today ends today and is compared with as many days before it.
   */
  range: PeriodRange
  previous_range: PeriodRange
  /** What one point of every `series` covers: a day, or (a report over several periods) a week or a month. */
  points_are: ReportPeriod
  filters: ReportFilters
  /** Days after which a contact of the same customer counts as a new issue (MOFANG_REPORT_REPEAT_DAYS). */
  repeat_window_days: number
  /** Where the figures were read from: the daily rollups, or raw events in one pass (`?source=raw`, slower). */
  source: 'rollup' | 'raw'
  generated_at: number
  /** In REPORT_METRICS order. */
  metrics: ReportMetric[]
  /** Agents with at least one handled contact or logged-in time this period, most handled first. */
  agents: ScorecardRow[]
  teams: ScorecardRow[]
  /** Reasons first, then error codes, then product models; each kind most frequent first. */
  top: TopItem[]
}

/** One interaction of a drill-down. */
export interface DrillRow {
  interaction_id: string
  channel: string
  queue: string
  team: string
  agent_id: string
  site: string
  /** When the contact started (first offered/queued event, else its first event), ms. */
  started: number
  /** Talk + hold + wrap of the agent's part, seconds; null when it was not handled. */
  handled_s: number | null
  /** Canonical (merged) customer id; '' when unknown. */
  customer_id: string
  csat: number | null
  nps: number | null
  qa_score: number | null
}

/**
 * GET /api/reports/:period/drill?metric=&date=&day=&agent=&channel=&queue=&team=&site=&limit=&offset=: the
 * interactions behind a metric's figure in the period (or one `day` of it), newest first.
 */
export interface DrillAnswer {
  metric: ReportMetricId
  period: ReportPeriod
  range: PeriodRange
  filters: ReportFilters
  /** The agent the list was narrowed to, when asked. */
  agent?: string
  /** Interactions matching, before paging. */
  total: number
  limit: number
  offset: number
  rows: DrillRow[]
}
