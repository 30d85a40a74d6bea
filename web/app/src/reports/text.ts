/**
 * The reports page's own words, zh and en. Metric, section and column names come with the contract
 * (REPORT_METRICS, REPORT_LABELS in core/contracts/report.ts), so the page, the exports and the emails say the same.
 */
import { REPORT_LABELS, type Label } from '../../../../core/contracts/index.js'
import type { Lang } from '../lib/params.js'

const zh = {
  date: '日期',
  all: '全部',
  previous: '上期',
  export: '导出',
  provisional: '暂定',
  provisionalHint: '后续联络到达后仍可能变化',
  drillTitle: '明细',
  drillHint: '点击指标查看明细',
  total: (n: number) => `共 ${n} 条`,
  more: '加载更多',
  showAll: (n: number) => `显示全部 ${n} 行`,
  close: '关闭',
  qaDetail: '质检详情',
  loading: '加载中…',
  empty: '该期间暂无数据',
  forbidden: '需要报表权限（exec 或 supervisor 角色）',
  failed: '加载失败',
  generated: '生成于',
  source: { rollup: '日汇总', raw: '原始事件' },
  switchLang: 'English',
}

type Text = typeof zh

const en: Text = {
  date: 'Date',
  all: 'All',
  previous: 'Previous',
  export: 'Export',
  provisional: 'provisional',
  provisionalHint: 'may still change as later contacts arrive',
  drillTitle: 'Interactions',
  drillHint: 'Select a figure to see the interactions behind it',
  total: (n: number) => `${n} in all`,
  more: 'Load more',
  showAll: (n: number) => `Show all ${n} rows`,
  close: 'Close',
  qaDetail: 'QA detail',
  loading: 'Loading…',
  empty: 'Nothing to report for this period',
  forbidden: 'Reports need the exec or supervisor role',
  failed: 'Could not load',
  generated: 'Generated',
  source: { rollup: 'daily rollups', raw: 'raw events' },
  switchLang: '中文',
}

export const textOf = (lang: Lang): Text => (lang === 'en' ? en : zh)

/** A contract label in the page's language. */
export const say = (label: Label, lang: Lang): string => label[lang]

export { REPORT_LABELS }
