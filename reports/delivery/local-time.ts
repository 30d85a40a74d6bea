/**
 * Local calendar days of an IANA time zone, as whole day numbers (days since 1970-01-01 in the zone's calendar), and
 * the instant of a local wall-clock time on one of them. Day numbers make "the day before", "last Monday" and "the
 * 1st of last month" plain arithmetic, with no time zone in sight; only the two conversions below touch one.
 */

const DAY_MS = 86_400_000
const formatters = new Map<string, Intl.DateTimeFormat>()

function partsOf(ms: number, timeZone: string): { year: number; month: number; day: number; minutes: number } {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
    formatters.set(timeZone, f)
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, Number(x.value)]))
  return { year: p.year, month: p.month, day: p.day, minutes: p.hour * 60 + p.minute }
}

/** Offset of the zone from UTC at instant `ms`, minutes (480 for Asia/Shanghai). */
function offsetMinutes(ms: number, timeZone: string): number {
  const p = partsOf(ms, timeZone)
  const wall = Date.UTC(p.year, p.month - 1, p.day) + p.minutes * 60_000
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000)
}

/** The local day number of instant `ms` in the zone. */
export function localDay(ms: number, timeZone: string): number {
  const p = partsOf(ms, timeZone)
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS
}

/**
 * The instant of local wall-clock `minuteOfDay` on local day `day`. A time that a DST change skips (02:30 on the
 * spring-forward night in Europe) maps to the same distance past the change (03:30); a time that happens twice takes
 * the later offset.
 */
export function instantOf(day: number, minuteOfDay: number, timeZone: string): number {
  const guess = day * DAY_MS + minuteOfDay * 60_000
  const first = guess - offsetMinutes(guess, timeZone) * 60_000
  return guess - offsetMinutes(first, timeZone) * 60_000
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7

/** The day number of a calendar date. */
export const dayOfDate = (year: number, month: number, dayOfMonth: number): number =>
  Date.UTC(year, month - 1, dayOfMonth) / DAY_MS

/** `2026-03-01` of a day number. */
export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** The calendar date of a day number. */
export function dateOf(day: number): { year: number; month: number; dayOfMonth: number } {
  const d = new Date(day * DAY_MS)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, dayOfMonth: d.getUTCDate() }
}
