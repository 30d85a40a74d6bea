/**
 * What of the snapshot a wall shows, from its filter (channels, queues, teams, sites): the row its tiles read, the
 * series its charts draw, the rows of its tables and the agents on its board. Several channels (the chat floor) are
 * added up with core/contracts' addRows, so a one-channel wall shows the snapshot's own row, number for number.
 */
import {
  addRows,
  addSeries,
  addWindows,
  type AgentView,
  type DimensionMetrics,
  type IntervalSeries,
  type PlanSeries,
  type Snapshot,
  type WallFilter,
} from '../../../../core/contracts/index.js'

export type RowKind = 'queue' | 'channel' | 'team' | 'site'

export function rowsOf(snap: Snapshot, kind: RowKind): Record<string, DimensionMetrics> {
  return { queue: snap.queues, channel: snap.channels, team: snap.teams, site: snap.sites }[kind] ?? {}
}

const some = (list: string[] | undefined): list is string[] => (list?.length ?? 0) > 0

/** The rows the tiles add up: the wall's channels, else its queues, else its teams, else its sites; null = the tenant. */
export function headlineKeys(filter: WallFilter): { kind: RowKind; names: string[] } | null {
  if (some(filter.channels)) return { kind: 'channel', names: filter.channels }
  if (some(filter.queues)) return { kind: 'queue', names: filter.queues }
  if (some(filter.teams)) return { kind: 'team', names: filter.teams }
  if (some(filter.sites)) return { kind: 'site', names: filter.sites }
  return null
}

/** A row with nothing in it yet (a channel that has had no contact today). */
function emptyRow(snap: Snapshot): DimensionMetrics {
  return {
    waiting: 0,
    longest_wait_s: 0,
    target: snap.totals.target,
    windows: Object.fromEntries(snap.windows.map((w) => [w, addWindows([])])),
  }
}

export function headlineRow(snap: Snapshot, filter: WallFilter): DimensionMetrics {
  const keys = headlineKeys(filter)
  if (!keys) return snap.totals
  const rows = rowsOf(snap, keys.kind)
  const found = keys.names.flatMap((n) => rows[n] ?? [])
  return found.length ? addRows(found) : emptyRow(snap)
}

/** Series keys of the headline (teams and sites have no series of their own: none). */
function seriesKeys(filter: WallFilter): string[] | undefined {
  const keys = headlineKeys(filter)
  if (!keys) return ['all']
  return keys.kind === 'channel' || keys.kind === 'queue' ? keys.names.map((n) => `${keys.kind}:${n}`) : undefined
}

export function headlineSeries(snap: Snapshot, filter: WallFilter): IntervalSeries | undefined {
  return addSeries((seriesKeys(filter) ?? []).flatMap((k) => snap.series[k] ?? []))
}

/** Today's forecast of the headline, when it is one series the planner forecasts. */
export function headlinePlan(snap: Snapshot, filter: WallFilter): PlanSeries | undefined {
  const keys = seriesKeys(filter)
  return keys?.length === 1 ? snap.plan?.series[keys[0]] : undefined
}

const busy = (d: DimensionMetrics) =>
  d.waiting > 0 || d.windows.today.offered > 0 || (d.tickets?.open ?? 0) > 0 || d.windows.today.tickets_created > 0

/**
 * Queue rows of some channels only: the snapshot's rows of each queue on each of them (a queue shared by calls and
 * chats is split by channel), added up over the channels.
 */
function queuesOn(snap: Snapshot, channels: string[]): Record<string, DimensionMetrics> {
  const parts = new Map<string, DimensionMetrics[]>()
  for (const c of channels)
    for (const [q, d] of Object.entries(snap.channel_queues[c] ?? {})) parts.set(q, [...(parts.get(q) ?? []), d])
  return Object.fromEntries([...parts].map(([q, rows]) => [q, addRows(rows)]))
}

/**
 * A table's rows: the names the wall lists, in its order; else every row with traffic (teams and sites: with agents
 * too), most waiting first, then busiest. A wall of some channels shows their queues on those channels only.
 */
export function tableRows(snap: Snapshot, kind: RowKind, filter: WallFilter): [string, DimensionMetrics][] {
  const rows = kind === 'queue' && some(filter.channels) ? queuesOn(snap, filter.channels) : rowsOf(snap, kind)
  const listed = { queue: filter.queues, channel: filter.channels, team: filter.teams, site: filter.sites }[kind]
  if (some(listed)) return listed.flatMap((n) => (rows[n] ? [[n, rows[n]] as [string, DimensionMetrics]] : []))
  return Object.entries(rows)
    .filter(([, d]) => busy(d) || (d.agents !== undefined && d.agents.offline < agentCount(d)))
    .sort(
      ([, a], [, b]) =>
        b.waiting - a.waiting ||
        b.windows.today.offered - a.windows.today.offered ||
        (b.tickets?.open ?? 0) - (a.tickets?.open ?? 0),
    )
}

const agentCount = (d: DimensionMetrics) =>
  d.agents ? d.agents.ready + d.agents.on_contact + d.agents.wrap_up + d.agents.not_ready + d.agents.offline : 0

/**
 * The agents on the wall: of its teams and sites; of a wall of channels, those working them (the channel of their
 * state events); of a wall of queues, those skilled for them (when skills are known at all).
 */
export function agentsShown(snap: Snapshot, filter: WallFilter): AgentView[] {
  let list = snap.agents
  if (some(filter.teams)) list = list.filter((a) => a.team !== undefined && filter.teams!.includes(a.team))
  if (some(filter.sites)) list = list.filter((a) => a.site !== undefined && filter.sites!.includes(a.site))
  if (some(filter.channels) && list.some((a) => a.channel))
    list = list.filter((a) => a.channel !== undefined && filter.channels!.includes(a.channel))
  const queues = filter.queues
  if (some(queues) && list.some((a) => a.skills?.length))
    list = list.filter((a) => a.skills?.some((s) => queues.includes(s)))
  return list
}
