/** Same weekday last week, for the dashed comparison line; worked out in a Web Worker. */
import { wrap, type Remote } from 'comlink'
import type { HistoryAnswer } from '../../../../core/contracts/index.js'
import type { HistoryApi, HistoryFilter } from './history.worker.js'

let worker: Remote<HistoryApi> | null = null

function historyWorker(): Remote<HistoryApi> {
  worker ??= wrap<HistoryApi>(new Worker(new URL('./history.worker.ts', import.meta.url), { type: 'module' }))
  return worker
}

const DAY = 86_400_000

/** Local YYYY-MM-DD of `ts` in the browser's zone. */
export function isoDate(ts: number): string {
  const d = new Date(ts)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Offered per interval on the same weekday last week, shifted onto today's grid; null when unavailable. */
export async function lastWeekOffered(
  apiUrl: (p: string) => string,
  dayStart: number,
  stepMs: number,
  filter: HistoryFilter,
): Promise<number[] | null> {
  const lastWeek = dayStart - 7 * DAY
  const res = await fetch(apiUrl(`/api/history?date=${isoDate(lastWeek + DAY / 2)}`)).catch(() => null)
  if (!res?.ok) return null
  const body = (await res.json()) as HistoryAnswer
  if (!body.intervals.length) return null
  return historyWorker().lastWeekCurve(body.intervals, filter, lastWeek, stepMs, Math.round(DAY / stepMs))
}
