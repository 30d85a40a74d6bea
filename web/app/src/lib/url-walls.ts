/**
 * The walls configured by URL parameters (?wall=overview|queue|agents…) as wall definitions, so one renderer
 * (walls/Wall.svelte) draws them and the walls supervisors save. Only the parameters a bookmark can carry: the
 * overview's channel and site, a queue, the window, the thresholds and the language.
 */
import {
  CONTACT_TILES,
  DEFAULT_AGENT_BOARD,
  type WallDefinition,
  type WallTile,
} from '../../../../core/contracts/index.js'
import type { Page, WallParams } from './params.js'
import { parseLimits } from './thresholds.js'
import type { Dict } from './i18n.js'

const AGENT_TILES: WallTile[] = [
  'agents_on_contact',
  'agents_ready',
  'agents_wrap_up',
  'agents_not_ready',
  'occupancy',
  'waiting',
  'adherence',
]

export function urlWall(params: WallParams, page: Page): WallDefinition {
  const sites = params.site ? [params.site] : []
  const base = {
    id: page.wall,
    tenant: '',
    name: '',
    lang: params.lang,
    window: params.window,
    thresholds: parseLimits(params.thresholds),
    agent_board: { ...DEFAULT_AGENT_BOARD, sort: 'state' as const },
    alarms: [],
    updated_at: 0,
  }
  if (page.wall === 'agents') return { ...base, filter: { sites }, tiles: AGENT_TILES, panels: ['agent_board'] }
  if (page.wall === 'queue')
    return {
      ...base,
      filter: { queues: page.queue ? [page.queue] : [], sites },
      tiles: CONTACT_TILES,
      panels: ['volume_chart', 'sl_chart', 'agent_board'],
    }
  return {
    ...base,
    filter: { channels: params.channel ? [params.channel] : [], sites },
    tiles: CONTACT_TILES,
    panels: ['volume_chart', 'sl_chart', 'queue_table', 'agent_board'],
  }
}

/** What the header says beside the title on a URL-configured wall: the queue, the agents, the channel; the site. */
export function urlSubtitle(wall: WallDefinition, dict: Dict): string {
  const channel = wall.filter.channels?.[0]
  return [
    wall.id === 'queue'
      ? `${dict.queueWall} ${wall.filter.queues?.[0] ?? ''}`
      : wall.id === 'agents'
        ? dict.agentsWall
        : channel
          ? (dict.channel[channel] ?? channel)
          : '',
    wall.filter.sites?.[0] ?? '',
  ]
    .filter(Boolean)
    .join(' · ')
}
