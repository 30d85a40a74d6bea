/**
 * The walls a tenant starts with, one per channel family the reference centres run as a floor of its own (voice, the
 * chat channels, email and tickets) and the whole centre. The wallboard service saves them for a tenant that has no
 * wall at all (so a tenant that deletes every wall gets them back at the next start).
 */
import { DEFAULT_AGENT_BOARD as BOARD, CONTACT_TILES, type WallDefinition } from '../../core/contracts/index.js'
import { LIVE_CHAT_CHANNELS } from '../../core/index.js'
import { WallConflict, type WallStore } from './wall-store.js'

/** The chat channels handled live by agents (email and web-form tickets are deferred work: the tickets wall). */
export const CHAT_CHANNELS: string[] = [...LIVE_CHAT_CHANNELS]
export const TICKET_CHANNELS = ['email', 'ticket']

const base = (tenant: string, now: number) => ({
  tenant,
  lang: 'zh' as const,
  window: '30m',
  thresholds: {},
  updated_at: now,
  updated_by: 'mofang',
})

export function defaultWalls(tenant: string, now: number): WallDefinition[] {
  return [
    {
      ...base(tenant, now),
      id: 'voice',
      name: '语音热线',
      filter: { channels: ['voice'] },
      tiles: ['waiting', 'longest_wait', 'sl', 'asa', 'abandon', 'offered', 'aht', 'occupancy', 'agents_ready', 'csat'],
      panels: ['volume_chart', 'sl_chart', 'queue_table', 'agent_board'],
      agent_board: BOARD,
      alarms: [
        {
          id: 'sl-low',
          metric: 'sl_pct',
          scope: { kind: 'channel', name: 'voice' },
          op: 'below',
          threshold: 70,
          window: '30m',
          severity: 'critical',
        },
        {
          id: 'long-wait',
          metric: 'longest_wait_s',
          scope: { kind: 'queue', name: '*' },
          op: 'above',
          threshold: 120,
          severity: 'warning',
        },
      ],
    },
    {
      ...base(tenant, now),
      id: 'chat',
      name: '在线会话',
      filter: { channels: CHAT_CHANNELS },
      tiles: [
        'waiting',
        'longest_wait',
        'sl',
        'asa',
        'abandon',
        'offered',
        'aht',
        'chat_concurrency',
        'agents_ready',
        'csat',
      ],
      panels: ['volume_chart', 'channel_table', 'queue_table', 'agent_board'],
      agent_board: BOARD,
      alarms: [
        {
          id: 'chat-wait',
          metric: 'waiting',
          scope: { kind: 'channel', name: '*' },
          op: 'above',
          threshold: 15,
          severity: 'warning',
        },
      ],
    },
    {
      ...base(tenant, now),
      id: 'email-tickets',
      name: '邮件与工单',
      window: '60m',
      filter: { channels: TICKET_CHANNELS },
      tiles: ['tickets_open', 'tickets_overdue', 'ticket_sl', 'tickets_today', 'csat', 'qa'],
      // Ticket work is not skill-routed to a floor of its own: the teams' table shows who is on it.
      panels: ['channel_table', 'queue_table', 'team_table'],
      agent_board: { ...BOARD, group_by: 'team' },
      alarms: [],
    },
    {
      ...base(tenant, now),
      id: 'floor',
      name: '全景',
      filter: {},
      tiles: [...CONTACT_TILES, 'tickets_open'],
      panels: ['volume_chart', 'channel_table', 'site_table', 'team_table'],
      agent_board: BOARD,
      rotation: { walls: ['voice', 'chat', 'email-tickets'], every_s: 30 },
      alarms: [
        {
          id: 'abandon-high',
          metric: 'abandon_pct',
          scope: { kind: 'tenant' },
          op: 'above',
          threshold: 10,
          window: '30m',
          severity: 'warning',
        },
      ],
    },
  ]
}

/** Saves the default walls of each tenant that has no wall; answers the tenants it saved them for. */
export async function seedDefaultWalls(store: WallStore, tenants: Iterable<string>, now: number): Promise<string[]> {
  const seeded: string[] = []
  for (const tenant of tenants) {
    if ((await store.listWalls(tenant)).length) continue
    for (const wall of defaultWalls(tenant, now)) {
      // Another wallboard server may be seeding the same tenant at this moment: its walls are the same.
      await store.putWall(wall, 0).catch((err) => {
        if (!(err instanceof WallConflict)) throw err
      })
    }
    seeded.push(tenant)
  }
  return seeded
}
