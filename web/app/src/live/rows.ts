/**
 * The live view's rows, kept pure for tests: applying a ConversationUpdate, filtering, sorting, durations, the
 * mood sparkline's path, and the view's filters and order in the address.
 */
import type {
  ConversationFlag,
  ConversationUpdate,
  LiveConversation,
  LiveConversationDetail,
  MoodPoint,
} from '../../../../core/contracts/index.js'

/** Worst first: the order chips are shown in, and how the flag column sorts. */
export const FLAG_ORDER: readonly ConversationFlag[] = [
  'angry_customer',
  'escalation',
  'sensitive_word',
  'agent_not_replying',
  'long_silence',
]

/** The row of a detail (messages and transcript left out: the table does not need them). */
export function rowOf(c: LiveConversationDetail | LiveConversation): LiveConversation {
  const row: Partial<LiveConversationDetail> = { ...c }
  delete row.messages
  delete row.transcript
  return row as LiveConversation
}

/** The rows after an update: the conversation replaced (or added), or removed when it ended. */
export function applyUpdate(rows: readonly LiveConversation[], u: ConversationUpdate): LiveConversation[] {
  const id = u.conversation.interaction_id
  const rest = rows.filter((r) => r.interaction_id !== id)
  return u.ended ? rest : [...rest, rowOf(u.conversation)]
}

export interface RowFilters {
  queue: string
  channel: string
  flag: ConversationFlag | ''
  /** Words to find in the interaction id, queue, agent id or name, customer id, channel or a fact's value. */
  text: string
}

export function filterRows(rows: readonly LiveConversation[], f: RowFilters): LiveConversation[] {
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean)
  return rows.filter((r) => {
    if (f.queue && r.queue !== f.queue) return false
    if (f.channel && r.channel !== f.channel) return false
    if (f.flag && !r.flags.includes(f.flag)) return false
    if (!words.length) return true
    const hay = [
      r.interaction_id,
      r.queue,
      r.agent_id,
      r.agent_name,
      r.customer_id,
      r.channel,
      ...r.facts.map((x) => x.value),
    ]
      .filter(Boolean)
      .join(' ')
      .toLowerCase()
    return words.every((w) => hay.includes(w))
  })
}

export type SortKey = 'queue' | 'channel' | 'agent' | 'state' | 'waiting' | 'duration' | 'mood' | 'flags'

/** How bad a row's flags are: the worst flag counts most, then how many. */
const flagWeight = (r: LiveConversation) =>
  r.flags.reduce((w, f) => w + 10 ** (FLAG_ORDER.length - Math.max(0, FLAG_ORDER.indexOf(f))), 0)

const KEYS: Record<SortKey, (r: LiveConversation, now: number) => string | number> = {
  queue: (r) => r.queue ?? '',
  channel: (r) => r.channel,
  agent: (r) => r.agent_name ?? r.agent_id ?? '',
  state: (r) => r.state,
  waiting: (r) => r.customer_waiting_ms,
  duration: (r, now) => now - r.started_at,
  // No mood yet sorts as neutral.
  mood: (r) => r.mood ?? 0,
  flags: flagWeight,
}

/** Sorted by one column; ties keep the oldest conversation first. */
export function sortRows(
  rows: readonly LiveConversation[],
  key: SortKey,
  dir: 'asc' | 'desc',
  now: number,
): LiveConversation[] {
  const of = KEYS[key]
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = of(a, now)
    const y = of(b, now)
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    return c !== 0 ? sign * c : a.started_at - b.started_at
  })
}

/** The distinct values of a column, sorted, for a filter's list. */
export const valuesOf = (rows: readonly LiveConversation[], pick: (r: LiveConversation) => string | null) =>
  [...new Set(rows.map(pick).filter((v): v is string => !!v))].sort()

/** 0:42, 12:05, 1:02:03. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** A mood's tone: angry below -0.3, pleased above 0.3. */
export const moodTone = (mood: number | null): 'bad' | 'good' | 'flat' =>
  mood === null ? 'flat' : mood < -0.3 ? 'bad' : mood > 0.3 ? 'good' : 'flat'

/** The SVG path of a mood line in a `width`×`height` box, mood -1 at the bottom and 1 at the top; '' when empty. */
export function moodPath(points: readonly MoodPoint[], width: number, height: number): string {
  if (!points.length) return ''
  const step = points.length > 1 ? width / (points.length - 1) : 0
  const y = (m: number) => ((1 - Math.max(-1, Math.min(1, m))) / 2) * height
  return points
    .map((p, i) => `${i ? 'L' : 'M'}${(points.length > 1 ? i * step : width / 2).toFixed(1)},${y(p.mood).toFixed(1)}`)
    .join(' ')
}

/** What the live view shows: its filters and order, kept in the address so a view is a link. */
export interface LiveView {
  filters: RowFilters
  sort: { key: SortKey; dir: 'asc' | 'desc' }
}

/** The view an address asks for (`?queue=&channel=&flag=&q=&sort=&dir=`); what it does not name is the default. */
export function viewOf(search: string): LiveView {
  const q = new URLSearchParams(search)
  const flag = q.get('flag') ?? ''
  const key = q.get('sort') ?? ''
  return {
    filters: {
      queue: q.get('queue') ?? '',
      channel: q.get('channel') ?? '',
      flag: (FLAG_ORDER as readonly string[]).includes(flag) ? (flag as ConversationFlag) : '',
      text: q.get('q') ?? '',
    },
    sort: {
      key: key in KEYS ? (key as SortKey) : 'waiting',
      dir: q.get('dir') === 'asc' ? 'asc' : 'desc',
    },
  }
}

/** The address's query for a view in a language (`lang=en`, else Chinese), defaults left out. */
export function searchOf(view: LiveView, lang: 'zh' | 'en'): string {
  const { queue, channel, flag, text } = view.filters
  const sorted = view.sort.key !== 'waiting' || view.sort.dir !== 'desc'
  const q = new URLSearchParams({
    ...(lang === 'en' && { lang }),
    ...(queue && { queue }),
    ...(channel && { channel }),
    ...(flag && { flag }),
    ...(text && { q: text }),
    ...(sorted && { sort: view.sort.key, dir: view.sort.dir }),
  })
  const s = q.toString()
  return s ? `?${s}` : ''
}
