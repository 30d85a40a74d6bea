/**
 * Wall settings from the URL, so each screen is configured by its bookmark:
 * ?wall=overview|queue|agents&queue=repair&channel=voice&site=sh&lang=zh|en
 * &kiosk=1&rotate=30&pages=overview,queue:repair,agents&window=30m&stale=5
 * &th=sl:85:75,abandon:5:8&token=…
 * or a wall a supervisor saved (`/walls`): ?wall=<its id>&token=… (its own settings; `lang` still wins).
 */
import { WALL_ID_PATTERN } from '../../../../core/contracts/index.js'

export type WallKind = 'overview' | 'queue' | 'agents'
export type Lang = 'zh' | 'en'

export interface Page {
  wall: WallKind
  queue?: string
}

export interface WallParams {
  page: Page
  /** The id of a saved wall to show (then its definition, not these parameters, says what the wall shows). */
  saved?: string
  /** `lang` was in the URL (it then wins over a saved wall's language). */
  langSet: boolean
  channel?: string
  site?: string
  lang: Lang
  kiosk: boolean
  /** Seconds per page in kiosk mode. */
  rotateS: number
  /** Explicit kiosk pages; empty = overview, every queue, agents. */
  pages: Page[]
  /** Rolling window the tiles show (e.g. 30m), next to today. */
  window: string
  /** Data older than this many seconds is shown as stale / connection lost. */
  staleS: number
  thresholds: string
  token?: string
}

const WALLS: WallKind[] = ['overview', 'queue', 'agents']

function parsePage(text: string): Page | undefined {
  const [wall, queue] = text.split(':')
  if (!WALLS.includes(wall as WallKind)) return undefined
  return wall === 'queue' && queue ? { wall, queue } : wall === 'queue' ? undefined : { wall: wall as WallKind }
}

const num = (v: string | null, dflt: number, min: number, max: number): number => {
  const n = Number(v)
  return v !== null && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : dflt
}

export function parseParams(search: string): WallParams {
  const q = new URLSearchParams(search)
  const wall = WALLS.includes(q.get('wall') as WallKind) ? (q.get('wall') as WallKind) : 'overview'
  const queue = q.get('queue') ?? undefined
  const page: Page =
    wall === 'queue' && !queue ? { wall: 'overview' } : queue && wall === 'queue' ? { wall, queue } : { wall }
  const saved = q.get('wall') ?? ''
  return {
    page,
    ...(!WALLS.includes(saved as WallKind) && new RegExp(WALL_ID_PATTERN).test(saved) && { saved }),
    langSet: q.has('lang'),
    channel: q.get('channel') ?? undefined,
    site: q.get('site') ?? undefined,
    lang: q.get('lang') === 'en' ? 'en' : 'zh',
    kiosk: q.get('kiosk') === '1' || q.get('kiosk') === 'true',
    rotateS: num(q.get('rotate'), 30, 5, 3600),
    pages: (q.get('pages') ?? '')
      .split(',')
      .filter(Boolean)
      .map(parsePage)
      .filter((p): p is Page => p !== undefined),
    window: /^\d+m$/.test(q.get('window') ?? '') ? q.get('window')! : '30m',
    staleS: num(q.get('stale'), 5, 2, 600),
    thresholds: q.get('th') ?? '',
    token: q.get('token') ?? undefined,
  }
}

/** Kiosk pages: the explicit list, else the overview, each queue (busiest first) and the agent board. */
export function kioskPages(params: WallParams, queuesByVolume: string[]): Page[] {
  if (params.pages.length) return params.pages
  return [
    { wall: 'overview' },
    ...queuesByVolume.map((queue) => ({ wall: 'queue' as const, queue })),
    { wall: 'agents' },
  ]
}
