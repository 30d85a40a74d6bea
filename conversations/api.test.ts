import { describe, expect, it } from 'vitest'
import type { LiveConversation } from '../core/contracts/index.js'
import { selectConversations } from './api.js'

const row = (id: string, o: Partial<LiveConversation>): LiveConversation => ({
  tenant_id: 'acme',
  interaction_id: id,
  channel: 'webchat',
  kind: 'chat',
  queue: 'support',
  agent_id: 'a1',
  agent_name: null,
  customer_id: null,
  state: 'talking',
  started_at: 0,
  queued_at: null,
  last_message_at: null,
  customer_waiting_ms: 0,
  mood: null,
  mood_line: [],
  flags: [],
  messages_count: 0,
  facts: [],
  ...o,
})

const rows = [
  row('calm', { started_at: 3, mood: 0.4, customer_waiting_ms: 5_000 }),
  row('angry', { started_at: 2, mood: -0.7, flags: ['angry_customer'], queue: 'vip', channel: 'wechat' }),
  row('waiting', { started_at: 1, mood: 0, customer_waiting_ms: 90_000, agent_id: 'a2' }),
]
const ids = (query: string) => selectConversations(rows, new URL(`http://x/?${query}`)).map((c) => c.interaction_id)

describe('the live list', () => {
  it('sorts by waiting (longest first) unless asked otherwise', () => {
    expect(ids('')).toEqual(['waiting', 'calm', 'angry'])
    expect(ids('sort=waiting&order=asc')).toEqual(['angry', 'calm', 'waiting'])
  })
  it('sorts by mood worst first, and by duration longest first', () => {
    expect(ids('sort=mood')).toEqual(['angry', 'waiting', 'calm'])
    expect(ids('sort=duration')).toEqual(['waiting', 'angry', 'calm'])
    expect(ids('sort=duration&order=asc')).toEqual(['calm', 'angry', 'waiting'])
  })
  it('filters by queue, channel, agent and flag', () => {
    expect(ids('queue=vip')).toEqual(['angry'])
    expect(ids('channel=webchat&sort=mood')).toEqual(['waiting', 'calm'])
    expect(ids('agent=a2')).toEqual(['waiting'])
    expect(ids('flag=angry_customer')).toEqual(['angry'])
  })
  it('refuses unknown sorts, orders and flags, naming the parameter', () => {
    for (const [query, field] of [
      ['sort=loud', 'sort'],
      ['order=up', 'order'],
      ['flag=rude', 'flag'],
    ])
      expect(() => ids(query)).toThrow(expect.objectContaining({ field }))
  })
})
