/**
 * Open hours and special days. Open hours are learned from history: a weekday
 * with no rows in recent weeks is a closed day, an interval never seen on a
 * recent same weekday is a closed hour. Special days come from configuration.
 */
import { formatDay, parseLocalTimestamp, type History } from './series.js'

/** A special day: closed (factor 0) or its volume scaled by `factor` (e.g. 0.6 on Christmas Eve). */
export interface SpecialDay {
  /** Local date, YYYY-MM-DD. */
  date: string
  /** Multiplier on the normal forecast; 0 = closed. Default 0. */
  factor: number
}

export interface OpenHours {
  /** Indexed by weekday (0 = Sunday). */
  openWeekdays: boolean[]
  /** Per weekday, 1 where the slot is open. */
  openSlots: Uint8Array[]
}

export interface OpenHoursOptions {
  /** How many recent weeks decide the opening pattern, so a change of hours is picked up. Default 8. */
  recentWeeks?: number
}

export function learnOpenHours(history: History, opts: OpenHoursOptions = {}): OpenHours {
  const weeks = opts.recentWeeks ?? 8
  const openSlots = Array.from({ length: 7 }, () => new Uint8Array(history.slots))
  const seen = new Array(7).fill(0)
  const last = history.days.at(-1)?.day ?? 0
  const from = last - weeks * 7 + 1
  for (const row of history.days) {
    if (row.day < from) continue
    seen[row.weekday]++
    row.values.forEach((v, s) => {
      if (v === v) openSlots[row.weekday][s] = 1
    })
  }
  // A weekday is open if it had rows in at least half of the recent weeks; holidays
  // (the odd missing Monday) then do not close the weekday for good.
  const span = Math.min(weeks, Math.max(1, Math.ceil((last - (history.days[0]?.day ?? last) + 1) / 7)))
  const openWeekdays = seen.map((n) => n > 0 && n >= span / 2)
  return { openWeekdays, openSlots }
}

export function isOpen(open: OpenHours, weekday: number, slot: number): boolean {
  return open.openWeekdays[weekday] && open.openSlots[weekday][slot] === 1
}

/** Lookup of special days by day number. */
export function specialDayIndex(days: readonly SpecialDay[]): Map<string, number> {
  return new Map(days.map((d) => [d.date, d.factor]))
}

/** History without the special days: they would distort profiles and levels. They are kept in `special`. */
export function withoutSpecialDays(history: History, special: Map<string, number>): History {
  if (special.size === 0) return history
  const byDay = new Map<number, number>()
  for (const [date, factor] of special) {
    const t = parseLocalTimestamp(date)
    if (typeof t === 'number') byDay.set(Math.floor(t / 1440), factor)
  }
  return { ...history, days: history.days.filter((d) => !special.has(formatDay(d.day))), special: byDay }
}

/**
 * Parses a special-days file: CSV lines `date[,factor]` (a header line is allowed),
 * or JSON `["2024-12-25", {"date": "2024-12-24", "factor": 0.6}]`. Returns an error string on bad input.
 */
export function parseSpecialDays(text: string, fileName: string): SpecialDay[] | string {
  const trimmed = text.trim()
  if (trimmed.startsWith('[')) return parseJsonDays(trimmed, fileName)
  const out: SpecialDay[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '' || line.startsWith('#') || (i === 0 && !/^\d/.test(line))) continue
    const [date, factor = '0'] = line.split(',').map((s) => s.trim())
    const day = checkDay(date, Number(factor))
    if (typeof day === 'string') return `${fileName} line ${i + 1}: ${day}`
    out.push(day)
  }
  return out
}

function parseJsonDays(text: string, fileName: string): SpecialDay[] | string {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    return `${fileName}: not valid JSON (${(err as Error).message})`
  }
  const out: SpecialDay[] = []
  for (const [i, item] of (raw as unknown[]).entries()) {
    const obj = typeof item === 'string' ? { date: item, factor: 0 } : (item as Partial<SpecialDay>)
    const day = checkDay(String(obj?.date), Number(obj?.factor ?? 0))
    if (typeof day === 'string') return `${fileName} item ${i + 1}: ${day}`
    out.push(day)
  }
  return out
}

function checkDay(date: string, factor: number): SpecialDay | string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date + 'T00:00:00Z')))
    return `"${date}" is not a date like 2024-12-25`
  if (!Number.isFinite(factor) || factor < 0) return `factor for ${date} must be a number ≥ 0`
  return { date, factor }
}
