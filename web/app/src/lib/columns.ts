/**
 * The columns of a wall's tables (queues, channels, teams, sites): header, cell text and colour state. Contact rows
 * show waits and SL; ticket rows (email, web-form tickets) the backlog and the resolution SLA; teams and sites their
 * agents. Headers are short so a table fits its panel on one line (the three-line headers).
 */
import type { DimensionMetrics } from '../../../../core/contracts/index.js'
import { count, duration, pct } from './format.js'
import type { Dict } from './i18n.js'
import { evaluate, slRule, type MetricName, type Rule, type TileState } from './thresholds.js'

export type ColumnId =
  | 'waiting'
  | 'longest'
  | 'sl'
  | 'sl_today'
  | 'asa'
  | 'abandon'
  | 'offered'
  | 'open'
  | 'overdue'
  | 'ticket_sl'
  | 'created'
  | 'resolved'
  | 'ready'
  | 'busy'
  | 'not_ready'
  | 'occupancy'
  | 'handled'
  | 'aht'

export interface CellContext {
  window: string
  rules: Record<MetricName, Rule>
  slOverridden: boolean
}

interface Column {
  header(dict: Dict, window: string): string
  text(d: DimensionMetrics, c: CellContext): string
  state?(d: DimensionMetrics, c: CellContext): TileState
}

const win = (d: DimensionMetrics, c: CellContext) => d.windows[c.window] ?? d.windows.today
const sl = (d: DimensionMetrics, c: CellContext) => slRule(c.rules, d.target.percent, c.slOverridden)

export const COLUMNS: Record<ColumnId, Column> = {
  waiting: {
    header: (t) => t.col.waiting,
    text: (d) => count(d.waiting),
    state: (d, c) => evaluate(c.rules.waiting, d.waiting),
  },
  longest: {
    header: (t) => t.col.longest,
    text: (d) => duration(d.longest_wait_s),
    state: (d, c) => evaluate(c.rules.longest, d.longest_wait_s),
  },
  sl: {
    header: (t, w) => t.col.sl(w),
    text: (d, c) => pct(win(d, c).sl_pct),
    state: (d, c) => evaluate(sl(d, c), win(d, c).sl_pct),
  },
  sl_today: {
    header: (t) => t.col.slToday,
    text: (d) => pct(d.windows.today.sl_pct),
    state: (d, c) => evaluate(sl(d, c), d.windows.today.sl_pct),
  },
  asa: {
    header: (t) => t.col.asa,
    text: (d, c) => duration(win(d, c).asa_s),
    state: (d, c) => evaluate(c.rules.asa, win(d, c).asa_s),
  },
  abandon: {
    header: (t) => t.col.abandon,
    text: (d, c) => pct(win(d, c).abandon_pct),
    state: (d, c) => evaluate(c.rules.abandon, win(d, c).abandon_pct),
  },
  offered: { header: (t) => t.col.offered, text: (d) => count(d.windows.today.offered) },
  open: { header: (t) => t.col.open, text: (d) => count(d.tickets?.open ?? 0) },
  overdue: {
    header: (t) => t.col.overdue,
    text: (d) => count(d.tickets?.overdue ?? 0),
    state: (d, c) => evaluate(c.rules.tickets_overdue, d.tickets?.overdue ?? 0),
  },
  ticket_sl: {
    header: (t) => t.col.ticketSl,
    text: (d) => pct(d.windows.today.ticket_sl_pct),
    state: (d, c) => evaluate(c.rules.ticket_sl, d.windows.today.ticket_sl_pct),
  },
  created: { header: (t) => t.col.created, text: (d) => count(d.windows.today.tickets_created) },
  resolved: { header: (t) => t.col.resolved, text: (d) => count(d.windows.today.tickets_resolved) },
  ready: { header: (t) => t.col.ready, text: (d) => count(d.agents?.ready) },
  busy: { header: (t) => t.col.busy, text: (d) => count(d.agents ? d.agents.on_contact + d.agents.wrap_up : null) },
  not_ready: { header: (t) => t.col.notReady, text: (d) => count(d.agents?.not_ready) },
  occupancy: {
    header: (t) => t.col.occupancy,
    text: (d, c) => pct(win(d, c).occupancy_pct),
    state: (d, c) => evaluate(c.rules.occupancy, win(d, c).occupancy_pct),
  },
  handled: { header: (t) => t.col.handled, text: (d) => count(d.windows.today.handled) },
  aht: {
    header: (t) => t.col.aht,
    text: (d) => duration(d.windows.today.aht_s),
    state: (d, c) => evaluate(c.rules.aht, d.windows.today.aht_s),
  },
}

const CONTACT: ColumnId[] = ['waiting', 'longest', 'sl', 'sl_today', 'asa', 'abandon', 'offered']
const TICKET: ColumnId[] = ['open', 'overdue', 'ticket_sl', 'created', 'resolved']
const AGENTS: ColumnId[] = ['ready', 'busy', 'not_ready', 'occupancy', 'handled', 'aht', 'sl_today']

/** Email and web-form tickets: deferred work, measured by backlog and resolution, not by waits. */
const TICKET_CHANNELS = new Set(['email', 'ticket'])
const isTicketRow = (name: string, d: DimensionMetrics) =>
  TICKET_CHANNELS.has(d.channel ?? name) || (d.windows.today.offered === 0 && d.windows.today.tickets_created > 0)

/** On a phone, the columns that matter most (a table never scrolls sideways). */
const COMPACT = new Set<ColumnId>([
  'waiting',
  'sl',
  'abandon',
  'offered',
  'open',
  'overdue',
  'ticket_sl',
  'ready',
  'busy',
  'not_ready',
])

/**
 * The columns of a table of `kind` over these rows: agents for teams and sites; the ticket columns when every row is
 * ticket work; else the contact columns, with open tickets at the end when some rows have a backlog.
 */
export function columnsFor(
  kind: 'queue' | 'channel' | 'team' | 'site',
  rows: [string, DimensionMetrics][],
  compact = false,
): ColumnId[] {
  const tickets = rows.length > 0 && rows.every(([n, d]) => isTicketRow(n, d))
  const backlog = rows.some(([, d]) => (d.tickets?.open ?? 0) > 0)
  const all: ColumnId[] =
    kind === 'team' || kind === 'site'
      ? backlog
        ? [...AGENTS, 'open']
        : AGENTS
      : tickets
        ? TICKET
        : backlog
          ? [...CONTACT, 'open']
          : CONTACT
  return compact ? all.filter((id) => COMPACT.has(id)) : all
}
