/**
 * Daily totals × intraday profile, fitted robustly (the approach of Weinberg,
 * Brown & Stroud 2007 for bank call arrivals, simplified):
 *
 *  - log daily total = week level + weekday effect, fitted by median polish over
 *    recent weeks, so one odd day (an outage, a post-holiday spike) barely moves it;
 *  - the next weeks' level is an exponentially weighted mean of recent week levels;
 *  - the intraday profile per weekday is the mean share of each slot over many
 *    recent same weekdays, shrunk towards the profile pooled over all weekdays and
 *    lightly smoothed across neighbouring slots. Averaging many weeks of shares is
 *    what beats "mean of the last 4 weeks": shares are stable, single days are noisy.
 */
import { dayTotal, weekdayOf, type History } from '../series.js'
import { countAt, type ForecastMethod } from './types.js'

export interface DailyProfileOptions {
  /** Weeks of history in the weekday-effect fit. Default 12. */
  weeks?: number
  /** Weight of the newest week level in the level forecast (0..1). Default 0.5. */
  levelAlpha?: number
  /** Same weekdays averaged into each weekday's intraday profile. Default 12. */
  profileDays?: number
  /** Pseudo-days of the pooled profile mixed into each weekday's (shrinkage). Default 2. */
  shrinkage?: number
  /** Weight of each neighbouring slot in the profile smoothing (0 = none). Default 0.15. */
  smooth?: number
}

const weekOf = (day: number): number => Math.floor((day + 3) / 7)

/** Position of a business day at the turn of the month, when bills and statements drive extra contacts. */
export const enum MonthTurn {
  None = 0,
  LastDay = 1,
  FirstDay = 2,
  SecondDay = 3,
}

const monthOf = (day: number): number => new Date(day * 86_400_000).getUTCMonth()

/** Classifies `day` given which weekdays are business days. */
export function monthTurn(day: number, openWeekdays: readonly boolean[]): MonthTurn {
  const step = (from: number, dir: 1 | -1) => {
    let d = from + dir
    while (!openWeekdays[weekdayOf(d)] && Math.abs(d - from) < 7) d += dir
    return d
  }
  const month = monthOf(day)
  if (monthOf(step(day, 1)) !== month) return MonthTurn.LastDay
  const prev = step(day, -1)
  if (monthOf(prev) !== month) return MonthTurn.FirstDay
  if (monthOf(step(prev, -1)) !== month) return MonthTurn.SecondDay
  return MonthTurn.None
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

interface Cell {
  week: number
  weekday: number
  turn: MonthTurn
  y: number
}

/** Median of `value(c)` per `key(c)`. */
function medianBy(cells: readonly Cell[], key: (c: Cell) => number, value: (c: Cell) => number): Map<number, number> {
  const groups = new Map<number, number[]>()
  for (const c of cells) {
    const g = groups.get(key(c))
    if (g) g.push(value(c))
    else groups.set(key(c), [value(c)])
  }
  return new Map([...groups].map(([k, v]) => [k, median(v)]))
}

/**
 * Median polish of log totals into week level + weekday effect + month-turn effect.
 * Returns the effects and the level per week, oldest first.
 */
function polish(cells: readonly Cell[]) {
  let weekday = new Map<number, number>()
  let turn = new Map<number, number>()
  let level = new Map<number, number>()
  const fitted = (c: Cell, skip: 'level' | 'weekday' | 'turn') =>
    (skip === 'level' ? 0 : level.get(c.week) ?? 0) + (skip === 'weekday' ? 0 : weekday.get(c.weekday) ?? 0) + (skip === 'turn' || c.turn === MonthTurn.None ? 0 : turn.get(c.turn) ?? 0)
  for (let iter = 0; iter < 4; iter++) {
    level = medianBy(cells, (c) => c.week, (c) => c.y - fitted(c, 'level'))
    weekday = medianBy(cells, (c) => c.weekday, (c) => c.y - fitted(c, 'weekday'))
    turn = medianBy(cells.filter((c) => c.turn !== MonthTurn.None), (c) => c.turn, (c) => c.y - fitted(c, 'turn'))
  }
  return { weekday, turn, levels: [...level.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]) }
}

function profileFor(train: History, weekday: number, opts: Required<DailyProfileOptions>): Float64Array {
  const { slots } = train
  const own = new Float64Array(slots)
  const pooled = new Float64Array(slots)
  let nOwn = 0
  let nPooled = 0
  for (let i = train.days.length - 1; i >= 0 && nOwn < opts.profileDays; i--) {
    const d = train.days[i]
    const total = dayTotal(d.values)
    if (total <= 0) continue
    const mine = d.weekday === weekday
    if (nPooled >= opts.profileDays * 5 && !mine) continue
    for (let s = 0; s < slots; s++) {
      const share = countAt(d.values, s) / total
      pooled[s] += share
      if (mine) own[s] += share
    }
    nPooled++
    if (mine) nOwn++
  }
  const mixed = own.map((v, s) => (v + (opts.shrinkage * pooled[s]) / Math.max(1, nPooled)) / (nOwn + opts.shrinkage))
  return smoothSlots(mixed, opts.smooth)
}

/** Neighbour smoothing that keeps closed slots (share 0) closed and the total unchanged. */
function smoothSlots(p: Float64Array, w: number): Float64Array {
  if (w === 0) return p
  const out = p.map((v, s) => {
    if (v === 0) return 0
    const left = p[s - 1] || v
    const right = p[s + 1] || v
    return (1 - 2 * w) * v + w * left + w * right
  })
  const sum = out.reduce((a, b) => a + b, 0)
  const was = p.reduce((a, b) => a + b, 0)
  return sum > 0 ? out.map((v) => (v * was) / sum) : out
}

export function dailyProfile(options: DailyProfileOptions = {}): ForecastMethod {
  const opts: Required<DailyProfileOptions> = { weeks: 12, levelAlpha: 0.5, profileDays: 12, shrinkage: 2, smooth: 0.15, ...options }
  return {
    name: 'daily_profile',
    description: 'robust daily totals (median polish of weekday effects, smoothed week level) × shrunk intraday profile',
    forecast(train, targets) {
      const last = train.days.at(-1)?.day ?? 0
      const open = new Array(7).fill(false)
      for (const d of train.days) open[d.weekday] = true
      const cells = train.days
        .filter((d) => d.day > last - opts.weeks * 7)
        .map((d) => ({ week: weekOf(d.day), weekday: d.weekday, turn: monthTurn(d.day, open), y: Math.log(Math.max(1, dayTotal(d.values))) }))
      const effects = polish(cells)
      const levels = effects.levels
      let level = levels[0] ?? 0
      for (const l of levels.slice(1)) level = opts.levelAlpha * l + (1 - opts.levelAlpha) * level
      const profiles = new Map<number, Float64Array>()
      return targets.map((t) => {
        if (!profiles.has(t.weekday)) profiles.set(t.weekday, profileFor(train, t.weekday, opts))
        const turn = monthTurn(t.day, open)
        const total = Math.exp(level + (effects.weekday.get(t.weekday) ?? 0) + (turn === MonthTurn.None ? 0 : effects.turn.get(turn) ?? 0))
        return profiles.get(t.weekday)!.map((share) => share * total)
      })
    },
  }
}
