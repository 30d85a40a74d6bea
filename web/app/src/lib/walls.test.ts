/** What a wall shows of a snapshot: its headline row, tables, agents, tiles and board, and the URL walls. */
import { describe, expect, it } from 'vitest'
import {
  addWindows,
  DEFAULT_AGENT_BOARD,
  type AgentView,
  type DimensionMetrics,
  type Snapshot,
  type WindowMetrics,
} from '../../../../core/contracts/index.js'
import { boardGroups, displayName, isLong } from './agent-board.js'
import { columnsFor } from './columns.js'
import { t } from './i18n.js'
import { parseParams } from './params.js'
import { DEFAULT_RULES } from './thresholds.js'
import { tileView } from './tiles.js'
import { urlWall } from './url-walls.js'
import { agentsShown, headlineRow, headlineSeries, tableRows } from './wall-rows.js'

const NOW = Date.UTC(2026, 2, 2, 3, 0, 0)
const win = (w: Partial<WindowMetrics>): WindowMetrics => ({ ...addWindows([]), ...w })
const row = (today: Partial<WindowMetrics>, extra: Partial<DimensionMetrics> = {}): DimensionMetrics => ({
  waiting: 0,
  longest_wait_s: 0,
  target: { percent: 80, seconds: 20 },
  windows: { '30m': win(today), today: win(today) },
  ...extra,
})
const agent = (id: string, state: AgentView['state'], sinceS: number, extra: Partial<AgentView> = {}): AgentView => ({
  agent_id: id,
  state,
  since: NOW - sinceS * 1000,
  active_chats: 0,
  active_calls: 0,
  ...extra,
})

const voice = row(
  { offered: 100, answered: 90, answered_in_sl: 72, abandoned: 10, sl_pct: 72, abandon_pct: 10 },
  { waiting: 3, longest_wait_s: 95 },
)
const webchat = row(
  { offered: 40, answered: 38, answered_in_sl: 38, abandoned: 2, sl_pct: 95, abandon_pct: 5 },
  { waiting: 1, longest_wait_s: 30, target: { percent: 80, seconds: 60 } },
)
const app = row(
  { offered: 10, answered: 10, answered_in_sl: 6, sl_pct: 60, abandon_pct: 0 },
  { waiting: 2, longest_wait_s: 200 },
)
const email = row(
  {
    tickets_created: 20,
    tickets_resolved: 12,
    tickets_resolved_in_sla: 9,
    tickets_resolved_late: 3,
    ticket_sl_pct: 75,
  },
  { tickets: { open: 8, overdue: 2, oldest_open_s: 7200 } },
)

const snap: Snapshot = {
  tenant: 'acme',
  as_of: NOW,
  last_event_ts: NOW,
  day_start: NOW - 11 * 3600_000,
  time_zone: 'Asia/Shanghai',
  windows: ['30m', 'today'],
  short_abandon_s: 5,
  totals: row({ offered: 150 }, { waiting: 6, longest_wait_s: 200 }),
  queues: {
    repair: voice,
    sales: webchat,
    mail: email,
  },
  channels: { voice, webchat, app, email },
  teams: {},
  sites: { shanghai: row({ handled: 5 }) },
  // `sales` is answered on web chat and in the app: one row per channel.
  channel_queues: {
    voice: { repair: { ...voice, channel: 'voice' } },
    webchat: { sales: { ...webchat, channel: 'webchat' } },
    app: { sales: { ...app, channel: 'app' } },
    email: { mail: { ...email, channel: 'email' } },
  },
  agents: [
    agent('a1', 'on_contact', 1300, { name: '李娜', team: 'blue', skills: ['repair'], channel: 'voice' }),
    agent('a2', 'not_ready', 60, {
      name: 'Christopher Montgomery',
      team: 'blue',
      reason: 'break',
      skills: ['repair'],
      channel: 'voice',
    }),
    agent('a3', 'ready', 10, { team: 'chat', skills: ['sales'], channel: 'webchat' }),
    agent('a4', 'offline', 10, { team: 'chat', skills: ['sales'], channel: 'webchat' }),
  ],
  series: {
    all: { start: 0, step_ms: 900_000, offered: [5, 5], answered: [5, 5], abandoned: [0, 0], sl_pct: [100, 80] },
    'channel:webchat': {
      start: 0,
      step_ms: 900_000,
      offered: [3, 1],
      answered: [3, 1],
      abandoned: [0, 0],
      sl_pct: [100, 100],
    },
    'channel:app': {
      start: 0,
      step_ms: 900_000,
      offered: [1, 1],
      answered: [1, 1],
      abandoned: [0, 0],
      sl_pct: [0, 100],
    },
  },
  qa: {
    today_count: 0,
    today_avg_score: null,
    today_flagged_pct: null,
    sentiment_by_queue: {},
    sentiment_window_min: 15,
  },
  alerts: [],
}

describe('what a wall covers', () => {
  it('shows one channel as the snapshot has it, and several added up', () => {
    expect(headlineRow(snap, { channels: ['voice'] })).toBe(voice)
    const chat = headlineRow(snap, { channels: ['webchat', 'app'] })
    expect(chat.windows.today).toMatchObject({
      offered: 50,
      answered: 48,
      answered_in_sl: 44,
      abandoned: 2,
      sl_pct: 88,
    })
    expect([chat.waiting, chat.longest_wait_s]).toEqual([3, 200])
    expect(headlineRow(snap, {})).toBe(snap.totals)
    // A channel with nothing yet: zeros, not the tenant's numbers.
    expect(headlineRow(snap, { channels: ['line'] }).windows.today.offered).toBe(0)
    // The chart adds the channels' series, SL weighted by the contacts closed.
    expect(headlineSeries(snap, { channels: ['webchat', 'app'] })).toMatchObject({ offered: [4, 2], sl_pct: [75, 100] })
  })

  it("lists a channel wall's own queues on its channels, and the agents working them", () => {
    const chat = tableRows(snap, 'queue', { channels: ['webchat', 'app'] })
    expect(chat.map(([q, d]) => [q, d.windows.today.offered])).toEqual([['sales', 50]])
    expect(tableRows(snap, 'queue', {}).map(([q]) => q)).toEqual(['repair', 'sales', 'mail'])
    expect(tableRows(snap, 'channel', { channels: ['app', 'voice'] }).map(([c]) => c)).toEqual(['app', 'voice'])
    expect(agentsShown(snap, { channels: ['voice'] }).map((a) => a.agent_id)).toEqual(['a1', 'a2'])
    expect(agentsShown(snap, { queues: ['sales'] }).map((a) => a.agent_id)).toEqual(['a3', 'a4'])
    expect(agentsShown(snap, { teams: ['chat'] }).map((a) => a.agent_id)).toEqual(['a3', 'a4'])
  })

  it('gives ticket rows the backlog columns and a phone the few that matter', () => {
    expect(columnsFor('channel', [['email', email]])).toEqual(['open', 'overdue', 'ticket_sl', 'created', 'resolved'])
    expect(
      columnsFor('channel', [
        ['voice', voice],
        ['email', email],
      ]),
    ).toContain('open')
    expect(columnsFor('queue', [['repair', voice]], true)).toEqual(['waiting', 'sl', 'abandon', 'offered'])
  })
})

describe('tiles', () => {
  const ctx = { snap, window: '30m', dict: t('en'), rules: DEFAULT_RULES, slOverridden: false, agents: snap.agents }
  it('show the row numbers with their colour and the line under them', () => {
    expect(tileView('sl', { ...ctx, row: voice })).toEqual({
      testid: 'tile-sl',
      label: 'Service level · Last 30 min',
      value: '72%',
      state: 'amber',
      sub: 'Today 72% · Target 80%/20s',
    })
    expect(tileView('tickets_open', { ...ctx, row: email })).toMatchObject({ value: '8', sub: 'oldest 2.0 h' })
    expect(tileView('tickets_overdue', { ...ctx, row: email })).toMatchObject({ value: '2', state: 'amber' })
    expect(tileView('ticket_sl', { ...ctx, row: email })).toMatchObject({ value: '75%', state: 'red' })
    expect(tileView('agents_not_ready', { ...ctx, row: voice })).toMatchObject({ value: '1', sub: 'break 1' })
    // No roster: no adherence tile at all.
    expect(tileView('adherence', { ...ctx, row: voice })).toBeNull()
  })
})

describe('agent board', () => {
  it('groups by state in the floor order, longest in state first, and marks the long ones', () => {
    const groups = boardGroups(snap.agents, DEFAULT_AGENT_BOARD)
    expect(groups.map((g) => [g.key, g.agents.map((a) => a.agent_id)])).toEqual([
      ['on_contact', ['a1']],
      ['ready', ['a3']],
      ['not_ready', ['a2']],
    ])
    expect(snap.agents.map((a) => isLong(a, DEFAULT_AGENT_BOARD, NOW))).toEqual([true, false, false, false])
    const byTeam = boardGroups(snap.agents, { ...DEFAULT_AGENT_BOARD, group_by: 'team', sort: 'name' })
    expect(byTeam.map((g) => [g.key, g.agents.map((a) => a.agent_id)])).toEqual([
      ['blue', ['a2', 'a1']],
      ['chat', ['a3']],
    ])
    expect(snap.agents.map(displayName)).toEqual(['李娜', 'Christopher M.', 'a3', 'a4'])
  })
})

describe('walls from the URL', () => {
  it('reads a saved wall id, and keeps the URL walls as definitions', () => {
    expect(parseParams('?wall=voice-floor&token=x')).toMatchObject({ saved: 'voice-floor', langSet: false })
    expect(parseParams('?wall=queue&queue=repair&lang=en')).toMatchObject({ page: { wall: 'queue' }, langSet: true })
    expect(parseParams('?wall=queue&queue=repair').saved).toBeUndefined()
    const params = parseParams('?channel=voice&th=sl:90:85')
    expect(urlWall(params, params.page)).toMatchObject({
      id: 'overview',
      filter: { channels: ['voice'] },
      thresholds: { sl: { green: 90, amber: 85 } },
      panels: ['volume_chart', 'sl_chart', 'queue_table', 'agent_board'],
    })
  })
})
