/**
 * The alarms' words on the wall and in notifications, Chinese and English: what is wrong where, worded from the
 * alarm's fields (its server `text` is English only).
 */
import type { Alarm, AlarmMetric } from '../../../../core/contracts/index.js'
import { count, duration, pct } from '../lib/format.js'
import type { Lang } from '../lib/params.js'

const zh = {
  alarms: '告警',
  more: (n: number) => `另有 ${n} 条`,
  ack: '确认',
  acked: (by: string, at: string) => `${by} 已于 ${at} 确认`,
  since: (at: string) => `${at} 起`,
  enableSound: '开启告警声音',
  enableNotifications: '开启告警通知',
  notificationTitle: (n: number) => `魔方告警（${n}）`,
  centre: '全中心',
  kinds: { queue: '队列', channel: '渠道', team: '团队' } as Record<string, string>,
  metrics: {
    sl_pct: '服务水平',
    abandon_pct: '放弃率',
    longest_wait_s: '最长等待',
    waiting: '排队数',
    asa_s: '平均应答速度',
    csat_pct: '满意度',
    agents_ready: '空闲坐席',
    qa_avg: '质检均分',
  } as Record<AlarmMetric, string>,
}

export type AlarmText = typeof zh

const en: AlarmText = {
  alarms: 'Alarms',
  more: (n) => `${n} more`,
  ack: 'Acknowledge',
  acked: (by, at) => `acknowledged by ${by} at ${at}`,
  since: (at) => `since ${at}`,
  enableSound: 'Turn on alarm sound',
  enableNotifications: 'Turn on alarm notifications',
  notificationTitle: (n) => `Mofang alarms (${n})`,
  centre: 'Whole centre',
  kinds: { queue: 'Queue', channel: 'Channel', team: 'Team' },
  metrics: {
    sl_pct: 'Service level',
    abandon_pct: 'Abandon rate',
    longest_wait_s: 'Longest wait',
    waiting: 'Waiting',
    asa_s: 'ASA',
    csat_pct: 'CSAT',
    agents_ready: 'Agents ready',
    qa_avg: 'QA average',
  },
}

export const alarmText = (lang: Lang): AlarmText => (lang === 'en' ? en : zh)

/** A metric's value as the wall shows that metric: %, m:ss, or a count. */
function shown(metric: AlarmMetric, v: number | null): string {
  if (metric.endsWith('_pct')) return pct(v)
  if (metric.endsWith('_s')) return duration(v)
  return count(v === null ? null : Math.round(v))
}

/** Where: "队列 repair", "Whole centre". */
export function alarmPlace(a: Alarm, words: AlarmText): string {
  if (a.row === 'tenant') return words.centre
  const colon = a.row.indexOf(':')
  return `${words.kinds[a.row.slice(0, colon)] ?? a.row.slice(0, colon)} ${a.row.slice(colon + 1)}`
}

/** What: "最长等待 10:04 > 2:00", "Service level 30m 62% < 80%". */
export function alarmWhat(a: Alarm, words: AlarmText): string {
  const { metric, op, threshold, window } = a.rule
  const name = window && /_pct$|^asa_s$/.test(metric) ? `${words.metrics[metric]} ${window}` : words.metrics[metric]
  return `${name} ${shown(metric, a.value)} ${op === 'above' ? '>' : '<'} ${shown(metric, threshold)}`
}
