/**
 * Each tile a wall can show (core/contracts WALL_TILES) as what the Tile component draws: label, value, colour state
 * and the small line under it. Pure, so the numbers a wall shows are tested against the snapshot without a browser.
 */
import type {
  AgentStateCounts,
  AgentView,
  DimensionMetrics,
  Snapshot,
  WallTile,
} from '../../../../core/contracts/index.js'
import { adherenceFigure, lowestTeam } from './adherence.js'
import { age, count, duration, pct, signed } from './format.js'
import type { Dict } from './i18n.js'
import { evaluate, slRule, type MetricName, type Rule, type TileState } from './thresholds.js'

export interface TileContext {
  snap: Snapshot
  /** The row the tiles read (the wall's channels added up, its queue, or the tenant). */
  row: DimensionMetrics
  /** The rolling window beside today, e.g. `30m`. */
  window: string
  dict: Dict
  rules: Record<MetricName, Rule>
  /** The SL colours come from the wall's limits instead of each row's target. */
  slOverridden: boolean
  /** The agents the wall shows. */
  agents: AgentView[]
  /** The one queue of the wall, if it shows one (its customers' sentiment). */
  queue?: string
}

export interface TileView {
  testid: string
  label: string
  value: string
  state: TileState
  sub?: string
}

/** Agents by state, of the agents shown. */
export function stateCounts(agents: readonly AgentView[]): AgentStateCounts {
  const c: AgentStateCounts = { ready: 0, on_contact: 0, wrap_up: 0, not_ready: 0, offline: 0, not_ready_by_reason: {} }
  for (const a of agents) {
    c[a.state]++
    if (a.state === 'not_ready')
      c.not_ready_by_reason[a.reason ?? '?'] = (c.not_ready_by_reason[a.reason ?? '?'] ?? 0) + 1
  }
  return c
}

/** The tile's view; null when it has nothing to show on this wall (adherence before a roster exists). */
export function tileView(tile: WallTile, c: TileContext): TileView | null {
  const { snap, row: r, window, dict, rules } = c
  const w = r.windows[window] ?? r.windows.today
  const day = r.windows.today
  const win = dict.window(window)
  const view = (testid: string, label: string, value: string, state: TileState = 'none', sub?: string): TileView => ({
    testid: `tile-${testid}`,
    label,
    value,
    state,
    ...(sub && { sub }),
  })
  const agents = () => stateCounts(c.agents)
  switch (tile) {
    case 'waiting':
      return view(
        'waiting',
        dict.waiting,
        count(r.waiting),
        evaluate(rules.waiting, r.waiting),
        `${dict.ready} ${agents().ready}`,
      )
    case 'longest_wait':
      return view('longest', dict.longestWait, duration(r.longest_wait_s), evaluate(rules.longest, r.longest_wait_s))
    case 'sl': {
      const sl = slRule(rules, r.target.percent, c.slOverridden)
      return view(
        'sl',
        `${dict.serviceLevel} · ${win}`,
        pct(w.sl_pct),
        evaluate(sl, w.sl_pct),
        `${dict.today} ${pct(day.sl_pct)} · ${dict.target} ${r.target.percent}%/${r.target.seconds}s`,
      )
    }
    case 'asa':
      return view(
        'asa',
        `${dict.asa} · ${win}`,
        duration(w.asa_s),
        evaluate(rules.asa, w.asa_s),
        `${dict.today} ${duration(day.asa_s)}`,
      )
    case 'abandon':
      return view(
        'abandon',
        `${dict.abandonRate} · ${win}`,
        pct(w.abandon_pct),
        evaluate(rules.abandon, w.abandon_pct),
        `${dict.today} ${pct(day.abandon_pct)} · ${count(day.abandoned)}`,
      )
    case 'offered':
      return view(
        'offered',
        `${dict.offered} · ${dict.today}`,
        count(day.offered),
        'none',
        `${dict.answered} ${count(day.answered)} · ${dict.abandoned} ${count(day.abandoned)}`,
      )
    case 'aht':
      return view(
        'aht',
        `${dict.aht} · ${dict.today}`,
        duration(day.aht_s),
        evaluate(rules.aht, day.aht_s),
        `${win} ${duration(w.aht_s)}`,
      )
    case 'occupancy': {
      // Occupancy exists for the tenant, teams and sites; a wall of channels or queues shows the tenant's.
      const occ = r.windows[window]?.occupancy_pct ?? snap.totals.windows[window]?.occupancy_pct ?? null
      return view('occupancy', `${dict.occupancy} · ${win}`, pct(occ), evaluate(rules.occupancy, occ))
    }
    case 'agents_ready':
      return view('agents-ready', dict.ready, count(agents().ready))
    case 'agents_on_contact':
      return view('agents-on-contact', dict.on_contact, count(agents().on_contact))
    case 'agents_wrap_up':
      return view('agents-wrap', dict.wrap_up, count(agents().wrap_up))
    case 'agents_not_ready': {
      const counts = agents()
      const reasons = Object.entries(counts.not_ready_by_reason)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
      return view(
        'agents-not-ready',
        dict.not_ready,
        count(counts.not_ready),
        'none',
        reasons.map(([k, n]) => `${k} ${n}`).join(' · '),
      )
    }
    case 'chat_concurrency': {
      const v = r.chat_concurrency ?? snap.totals.chat_concurrency ?? null
      return view('chat-concurrency', dict.chatConcurrency, v === null ? '—' : v.toFixed(1))
    }
    case 'nps':
      return view(
        'nps',
        `${dict.nps} · ${dict.today}`,
        signed(day.nps),
        evaluate(rules.nps, day.nps),
        `n = ${day.nps_responses}`,
      )
    case 'csat':
      return view(
        'csat',
        `${dict.csat} · ${dict.today}`,
        pct(day.csat_pct),
        evaluate(rules.csat, day.csat_pct),
        `n = ${day.csat_responses}`,
      )
    case 'qa': {
      const sentiment = c.queue ? snap.qa.sentiment_by_queue[c.queue] : undefined
      const avg = snap.qa.today_avg_score
      return view(
        'qa',
        `${dict.qa} · ${dict.today}`,
        avg === null ? '—' : String(Math.round(avg)),
        evaluate(rules.qa, avg),
        sentiment
          ? `${dict.sentiment} ${sentiment.avg.toFixed(2)}`
          : `${dict.flagged} ${pct(snap.qa.today_flagged_pct)}`,
      )
    }
    case 'tickets_open':
      return view(
        'tickets-open',
        dict.ticketsOpen,
        count(r.tickets?.open ?? 0),
        'none',
        r.tickets ? `${dict.oldest} ${age(r.tickets.oldest_open_s)}` : undefined,
      )
    case 'tickets_overdue': {
      const overdue = r.tickets?.overdue ?? 0
      return view('tickets-overdue', dict.ticketsOverdue, count(overdue), evaluate(rules.tickets_overdue, overdue))
    }
    case 'ticket_sl':
      return view(
        'ticket-sl',
        `${dict.ticketSl} · ${dict.today}`,
        pct(day.ticket_sl_pct),
        evaluate(rules.ticket_sl, day.ticket_sl_pct),
        `${dict.resolved} ${count(day.tickets_resolved)}`,
      )
    case 'tickets_today':
      return view(
        'tickets-today',
        `${dict.ticketsCreated} · ${dict.today}`,
        count(day.tickets_created),
        'none',
        `${dict.resolved} ${count(day.tickets_resolved)}`,
      )
    case 'adherence': {
      const figure = adherenceFigure(snap, c.agents)
      if (!figure) return null
      const lowest = lowestTeam(snap, c.agents)
      return view(
        'adherence',
        `${dict.adherence} · ${dict.today}`,
        pct(figure.adherence === null ? null : figure.adherence * 100),
        'none',
        [
          dict.adherenceNow(figure.adherent_now, figure.scheduled_now),
          lowest ? `${dict.lowest} ${lowest.team} ${pct(lowest.adherence * 100)}` : '',
        ]
          .filter(Boolean)
          .join(' · '),
      )
    }
  }
}
