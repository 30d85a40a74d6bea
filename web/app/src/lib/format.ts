/** Numbers for a wall: short, fixed-width friendly, '—' for no data. */
export const DASH = '—'

export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? DASH : `${Math.round(v)}%`
}

export function count(v: number | null | undefined): string {
  return v === null || v === undefined ? DASH : v.toLocaleString('en-US')
}

/** 75 → 1:15, 3725 → 1:02:05 */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return DASH
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** HH:MM(:SS) of `ts` in `timeZone` (the contact centre's zone from the snapshot; default the browser's). */
export function clock(ts: number, withSeconds = true, timeZone?: string): string {
  return new Date(ts).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: withSeconds ? '2-digit' : undefined,
    hourCycle: 'h23',
    timeZone,
  })
}

export function signed(v: number | null | undefined): string {
  return v === null || v === undefined ? DASH : `${v > 0 ? '+' : ''}${Math.round(v)}`
}

/** An age at a glance: 42 min, 5.2 h, 3 d ('—' for no data). */
export function age(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return DASH
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`
  return `${Math.round(seconds / 86400)} d`
}
