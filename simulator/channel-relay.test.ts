import { describe, expect, it } from 'vitest'
import type { IncomingEvent } from '../core/index.js'
import { ChannelRelay, type RelayPlatform } from './channel-relay.js'
import type { EventPoster } from './poster.js'

const line: RelayPlatform = {
  platform: 'line',
  identity: 'line_user_id',
  sign: (m) => ({ method: 'POST', query: {}, headers: { 'x-sig': 'sig' }, body: JSON.stringify(m) }),
}
const relay = (liveFrom = 0) =>
  new ChannelRelay({
    url: 'http://127.0.0.1:1',
    tenant: 'demo',
    platforms: new Map([['line', line]]),
    interactionIdOf: (p, u, m) => `${p}-${u}-${m}`,
    share: 1,
    liveFrom,
    log: () => {},
  })
const ev = (type: IncomingEvent['type'], ts: number, payload?: Record<string, unknown>): IncomingEvent => ({
  tenant: 'demo',
  event_id: `e-${type}-${ts}`,
  ts,
  channel: 'line',
  type,
  interaction_id: 'sim-1',
  customer: { line_user_id: 'U1', email: 'a@b.c' },
  ...(payload && { payload }),
})

describe('ChannelRelay', () => {
  it("holds a chat until its customer's first message, then gives every event that conversation's id", () => {
    const r = relay()
    const started = ev('chat.started', 1)
    const bot = ev('chat.message', 2, { role: 'bot', text: '您好', message_id: 'sim-1-m1' })
    expect(r.route([started, bot])).toEqual([])
    const first = ev('chat.message', 3, { role: 'customer', text: '蓝屏了', message_id: 'sim-1-m2' })
    const out = r.route([first])
    expect(out.map((e) => e.interaction_id)).toEqual(['line-U1-sim-1-m2', 'line-U1-sim-1-m2'])
    // The chat.started shares its id with the one the channel endpoint makes, so only one is stored.
    expect(out[0].event_id).toBe('line-U1-sim-1-m2:started')
    expect(r.stats().waiting).toBe(1)
    const agent = ev('chat.message', 4, { role: 'agent', text: '请重启', message_id: 'sim-1-m3' })
    const again = ev('chat.message', 5, { role: 'customer', text: '好了', message_id: 'sim-1-m4' })
    const ended = ev('chat.ended', 6, { ended_by: 'customer' })
    expect(r.route([agent, again, ended]).map((e) => [e.type, e.interaction_id])).toEqual([
      ['chat.message', 'line-U1-sim-1-m2'],
      ['chat.ended', 'line-U1-sim-1-m2'],
    ])
    expect(r.stats().waiting).toBe(2)
  })

  it('drains the outbox after the poster, also when an earlier drain found it empty', async () => {
    const r = relay()
    const flushed: string[] = []
    const poster = { flush: async () => void flushed.push('flush') } as unknown as EventPoster
    await r.drain(poster) // nothing yet
    r.route([ev('chat.started', 1), ev('chat.message', 2, { role: 'customer', text: 'x', message_id: 'm1' })])
    // Nothing listens at the URL: the message stays for the next tick.
    await r.drain(poster)
    expect(flushed).toEqual(['flush'])
    expect(r.stats().waiting).toBe(1)
  })

  it('leaves back-filled chats and other channels alone', () => {
    const r = relay(100)
    const old = [ev('chat.started', 1), ev('chat.message', 2, { role: 'customer', text: 'x', message_id: 'm' })]
    expect(r.route(old)).toEqual(old)
    const voice = { ...ev('voice.offered', 200), channel: 'voice' as const }
    expect(r.route([voice])).toEqual([voice])
  })
})
