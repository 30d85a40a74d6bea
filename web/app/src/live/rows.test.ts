import { describe, expect, it } from 'vitest'
import type { LiveConversation, LiveConversationDetail } from '../../../../core/contracts/index.js'
import { applyUpdate, duration, filterRows, moodPath, rowOf, searchOf, sortRows, valuesOf, viewOf } from './rows.js'

const row = (id: string, over: Partial<LiveConversation> = {}): LiveConversation => ({
  tenant_id: 'acme',
  interaction_id: id,
  channel: 'webchat',
  kind: 'chat',
  queue: 'repair',
  agent_id: 'a-1',
  agent_name: null,
  customer_id: 'c-1',
  state: 'talking',
  started_at: 1_000,
  queued_at: null,
  last_message_at: null,
  customer_waiting_ms: 0,
  mood: 0,
  mood_line: [],
  flags: [],
  messages_count: 0,
  facts: [],
  ...over,
})

const detail = (r: LiveConversation): LiveConversationDetail => ({ ...r, messages: [], transcript: [] })

describe('the live rows', () => {
  it('applies updates: a new conversation is added, a changed one replaced, an ended one removed', () => {
    let rows = [row('a'), row('b')]
    rows = applyUpdate(rows, { conversation: detail(row('c', { mood: -0.8 })), ended: false })
    expect(rows.map((r) => r.interaction_id)).toEqual(['a', 'b', 'c'])
    expect(rows[2]).not.toHaveProperty('messages')
    rows = applyUpdate(rows, { conversation: detail(row('a', { flags: ['angry_customer'] })), ended: false })
    expect(rows.find((r) => r.interaction_id === 'a')!.flags).toEqual(['angry_customer'])
    rows = applyUpdate(rows, { conversation: detail(row('b')), ended: true })
    expect(rows.map((r) => r.interaction_id).sort()).toEqual(['a', 'c'])
    expect(rowOf(detail(row('x')))).toEqual(row('x'))
  })

  it('filters by queue, channel, flag and every word of the search', () => {
    const rows = [
      row('chat-1', { flags: ['angry_customer', 'escalation'] }),
      row('call-1', { channel: 'voice', kind: 'call', queue: 'vip', agent_name: '李娜' }),
      row('chat-2', { facts: [{ kind: 'error_code', value: '0x0000007B', source: 'ocr', event_id: 'e', ts: 1 }] }),
    ]
    const none = { queue: '', channel: '', flag: '' as const, text: '' }
    const ids = (f: Partial<typeof none> | { flag: 'angry_customer' }) =>
      filterRows(rows, { ...none, ...f }).map((r) => r.interaction_id)
    expect(ids({})).toEqual(['chat-1', 'call-1', 'chat-2'])
    expect(ids({ queue: 'vip' })).toEqual(['call-1'])
    expect(ids({ channel: 'webchat' })).toEqual(['chat-1', 'chat-2'])
    expect(ids({ flag: 'angry_customer' })).toEqual(['chat-1'])
    expect(ids({ text: '0x0000007b' })).toEqual(['chat-2'])
    expect(ids({ text: 'VIP 李娜' })).toEqual(['call-1'])
    expect(ids({ text: 'vip chat' })).toEqual([])
    expect(valuesOf(rows, (r) => r.queue)).toEqual(['repair', 'vip'])
  })

  it('sorts by a column either way, ties oldest first; flags sort worst first', () => {
    const rows = [
      row('calm', { started_at: 3, mood: 0.5, customer_waiting_ms: 0 }),
      row('angry', { started_at: 2, mood: -0.9, customer_waiting_ms: 90_000, flags: ['angry_customer'] }),
      row('slow', {
        started_at: 1,
        mood: 0,
        customer_waiting_ms: 30_000,
        flags: ['long_silence', 'agent_not_replying'],
      }),
    ]
    const ids = (key: Parameters<typeof sortRows>[1], dir: 'asc' | 'desc') =>
      sortRows(rows, key, dir, 10_000).map((r) => r.interaction_id)
    expect(ids('waiting', 'desc')).toEqual(['angry', 'slow', 'calm'])
    expect(ids('mood', 'asc')).toEqual(['angry', 'slow', 'calm'])
    expect(ids('duration', 'desc')).toEqual(['slow', 'angry', 'calm'])
    expect(ids('flags', 'desc')).toEqual(['angry', 'slow', 'calm'])
    expect(ids('queue', 'asc')).toEqual(['slow', 'angry', 'calm'])
  })

  it('writes durations and draws the mood line from -1 (bottom) to 1 (top)', () => {
    expect(duration(42_000)).toBe('0:42')
    expect(duration(725_000)).toBe('12:05')
    expect(duration(3_723_000)).toBe('1:02:03')
    expect(duration(-5)).toBe('0:00')
    const p = (mood: number) => ({ ts: 0, message: null, mood, signals: [] })
    expect(moodPath([p(1), p(0), p(-1)], 100, 20)).toBe('M0.0,0.0 L50.0,10.0 L100.0,20.0')
    expect(moodPath([p(-2)], 100, 20)).toBe('M50.0,20.0')
    expect(moodPath([], 100, 20)).toBe('')
  })

  it('keeps filters and order in the address, defaults left out, unknown values ignored', () => {
    const view = viewOf('?lang=en&queue=vip&flag=escalation&q=0x7b&sort=mood&dir=asc')
    expect(view).toEqual({
      filters: { queue: 'vip', channel: '', flag: 'escalation', text: '0x7b' },
      sort: { key: 'mood', dir: 'asc' },
    })
    expect(searchOf(view, 'en')).toBe('?lang=en&queue=vip&flag=escalation&q=0x7b&sort=mood&dir=asc')
    expect(viewOf(searchOf(view, 'zh'))).toEqual(view)
    expect(viewOf('?flag=loud&sort=colour')).toEqual(viewOf(''))
    expect(searchOf(viewOf(''), 'zh')).toBe('')
  })
})
