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
export const REPORT_PERIODS = ['daily', 'weekly', 'monthly'];
/** GET /api/reports/:period/export?format=… */
export const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'];
/** The query parameters that narrow a report (and its drill-down); absent = everything. */
export const REPORT_FILTERS = ['channel', 'queue', 'team', 'site'];
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
];
const m = (group, unit, better, zh, en) => ({ group, unit, better, label: { zh, en } });
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
};
export const REPORT_METRIC_IDS = Object.keys(REPORT_METRICS);
/** The scorecards' columns (per agent and per team), each a report metric computed for that agent or team. */
export const SCORECARD_METRICS = ['handled', 'aht', 'fcr', 'csat', 'qa_score', 'not_ready_share'];
/** Dimensions a metric may be broken down by. */
export const BREAKDOWN_DIMENSIONS = ['channel', 'queue', 'team', 'site', 'priority'];
/** Kinds of top items: contact reasons, and key facts the QA engine found in transcripts. */
export const TOP_ITEM_KINDS = ['reason', 'error_code', 'product_model'];
/** Labels of everything else the page and the exports show, zh and en. */
export const REPORT_LABELS = {
    title: { zh: '服务报告', en: 'Service report' },
    periods: {
        daily: { zh: '日报', en: 'Daily' },
        weekly: { zh: '周报', en: 'Weekly' },
        monthly: { zh: '月报', en: 'Monthly' },
    },
    groups: {
        volume: { zh: '业务量', en: 'Volume' },
        service: { zh: '服务水平', en: 'Service' },
        handling: { zh: '处理', en: 'Handling' },
        resolution: { zh: '解决', en: 'Resolution' },
        tickets: { zh: '工单', en: 'Tickets' },
        satisfaction: { zh: '满意度', en: 'Satisfaction' },
        quality: { zh: '质检', en: 'Quality' },
        staffing: { zh: '人力', en: 'Staffing' },
    },
    dimensions: {
        channel: { zh: '渠道', en: 'Channel' },
        queue: { zh: '队列', en: 'Queue' },
        team: { zh: '团队', en: 'Team' },
        site: { zh: '站点', en: 'Site' },
        priority: { zh: '优先级', en: 'Priority' },
    },
    topKinds: {
        reason: { zh: '联络原因', en: 'Contact reasons' },
        error_code: { zh: '错误代码', en: 'Error codes' },
        product_model: { zh: '产品型号', en: 'Product models' },
    },
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
    },
    sections: {
        metrics: { zh: '指标', en: 'Metrics' },
        agents: { zh: '坐席记分卡', en: 'Agent scorecards' },
        teams: { zh: '团队记分卡', en: 'Team scorecards' },
        top: { zh: '热点', en: 'Top reasons and facts' },
    },
};
//# sourceMappingURL=report.js.map