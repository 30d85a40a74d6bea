import { describe, it, expect } from 'vitest'
import { validateEvent } from '../core/validate.js'
import type { IncomingEvent } from '../core/events.js'
import { generate, generateRun } from './generate.js'
import { Simulation } from './engine.js'
import { ZH, EN } from './phrases.js'

const MONDAY = Date.parse('2024-05-06T00:00:00+08:00')
const HOUR = 3_600_000
// One busy weekday (and its drain), shared by the checks below.
const run = generateRun({ seed: 7, start: MONDAY, durationMs: 24 * HOUR })
const { events, truth } = run
const byInteraction = new Map<string, IncomingEvent[]>()
for (const e of events)
  if (e.interaction_id)
    (byInteraction.get(e.interaction_id) ?? byInteraction.set(e.interaction_id, []).get(e.interaction_id)!).push(e)
const types = (list: IncomingEvent[]) => list.map((e) => e.type)
const text = (e: IncomingEvent) => String((e.payload as { text?: string }).text ?? '')
const agentOf = new Map(truth.agents.map((a) => [a.id, a]))
const localHour = (ts: number) => new Date(ts + 8 * HOUR).getUTCHours()

describe('generate', () => {
  it('is deterministic: same seed and start, same events; another seed differs', () => {
    const a = generate({ seed: 3, start: MONDAY + 9 * HOUR, durationMs: HOUR })
    const b = generate({ seed: 3, start: MONDAY + 9 * HOUR, durationMs: HOUR })
    const c = generate({ seed: 4, start: MONDAY + 9 * HOUR, durationMs: HOUR })
    expect(a.length).toBeGreaterThan(1000)
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a))
  })

  it('gives the same events however the run is chunked (what the live simulator relies on)', () => {
    const whole = generate({ seed: 5, start: MONDAY + 10 * HOUR, durationMs: 2 * HOUR })
    const sim = new Simulation({ seed: 5, start: MONDAY + 10 * HOUR })
    const chunked: IncomingEvent[] = []
    for (let t = MONDAY + 10 * HOUR; t < MONDAY + 12 * HOUR;)
      chunked.push(...sim.advanceTo((t = Math.min(t + 7 * 60_000 + 13, MONDAY + 12 * HOUR))))
    chunked.push(...sim.drain())
    expect(JSON.stringify(chunked)).toBe(JSON.stringify(whole))
  })

  it('writes only valid events, sorted by ts, with unique event ids', () => {
    expect(events.length).toBeGreaterThan(50_000)
    const bad = events.map((e) => [e, validateEvent(e)] as const).filter(([, v]) => !v.ok)
    expect(bad.slice(0, 3).map(([e, v]) => ({ type: e.type, v }))).toEqual([])
    for (let i = 1; i < events.length; i++) expect(events[i].ts >= events[i - 1].ts).toBe(true)
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length)
    expect(events.every((e) => e.tenant === 'demo')).toBe(true)
  })

  it('covers every channel and the main event types', () => {
    const channels = new Set(events.map((e) => e.channel))
    for (const ch of ['voice', 'webchat', 'app', 'wechat', 'dingtalk', 'facebook', 'line', 'email', 'ticket'])
      expect(channels).toContain(ch)
    const seen = new Set(types(events))
    for (const t of [
      'voice.offered',
      'voice.ivr',
      'voice.queued',
      'voice.answered',
      'voice.hold',
      'voice.unhold',
      'voice.transfer',
      'voice.ended',
      'voice.abandoned',
      'voice.callback_requested',
      'voice.recording_available',
      'chat.started',
      'chat.message',
      'chat.transferred_to_agent',
      'chat.ended',
      'ticket.created',
      'ticket.assigned',
      'ticket.status_changed',
      'ticket.comment',
      'ticket.resolved',
      'ticket.reopened',
      'agent.login',
      'agent.ready',
      'agent.not_ready',
      'agent.wrap_up',
      'agent.logout',
      'survey.nps',
      'survey.csat',
      'identity.identify',
    ])
      expect(seen).toContain(t)
    const reasons = new Set(
      events.filter((e) => e.type === 'agent.not_ready').map((e) => (e.payload as { reason: string }).reason),
    )
    for (const r of ['lunch', 'break']) expect(reasons).toContain(r)
  })

  it('follows the calendar: voice only 08:00-22:00, more contacts at 10:00 than at 03:00, quieter at the weekend', () => {
    const offered = events.filter((e) => e.type === 'voice.offered')
    expect(offered.every((e) => localHour(e.ts) >= 8 && localHour(e.ts) < 22)).toBe(true)
    const starts = events.filter((e) => e.type === 'chat.started')
    const at = (h: number) => starts.filter((e) => localHour(e.ts) === h).length
    expect(at(10)).toBeGreaterThan(3 * at(3))
    expect(at(3)).toBeGreaterThan(0)
    const saturday = generate({ seed: 7, start: MONDAY + 5 * 24 * HOUR, durationMs: 24 * HOUR, drain: false })
    const weekdayContacts = events.filter((e) => e.type === 'voice.offered' || e.type === 'chat.started').length
    expect(saturday.filter((e) => e.type === 'voice.offered' || e.type === 'chat.started').length).toBeLessThan(
      weekdayContacts * 0.75,
    )
  })

  it('runs well-formed voice life cycles', () => {
    let calls = 0
    for (const list of byInteraction.values()) {
      if (list[0].channel !== 'voice') continue
      calls++
      const t = types(list.filter((e) => e.type.startsWith('voice.')))
      expect(t[0]).toBe('voice.offered')
      const ended = t.indexOf('voice.ended'),
        abandoned = t.indexOf('voice.abandoned')
      expect(ended >= 0 || abandoned >= 0).toBe(true)
      expect(ended >= 0 && abandoned >= 0).toBe(false)
      const answered = t.indexOf('voice.answered')
      if (answered >= 0) {
        expect(t.indexOf('voice.queued')).toBeLessThan(answered)
        if (ended < 0) {
          // Only a transferred caller can give up after being answered: in the second queue.
          expect(t.indexOf('voice.transfer')).toBeGreaterThan(answered)
          expect(abandoned).toBeGreaterThan(t.indexOf('voice.transfer'))
          continue
        }
        expect(ended).toBeGreaterThan(answered)
        expect(t).toContain('voice.recording_available')
        const rec = list.find((e) => e.type === 'voice.recording_available')!
        expect((rec.payload as { url: string }).url).toBe(`file:///recordings/${rec.interaction_id}.wav`)
      } else expect(t).not.toContain('voice.recording_available')
      expect(t.filter((x) => x === 'voice.hold').length).toBe(t.filter((x) => x === 'voice.unhold').length)
      if (t.includes('voice.transfer')) expect(t.filter((x) => x === 'voice.queued').length).toBe(2)
    }
    expect(calls).toBeGreaterThan(1000)
  })

  it('runs well-formed chat and ticket life cycles', () => {
    for (const list of byInteraction.values()) {
      const own = list.filter((e) => /^(voice|chat|ticket)\./.test(e.type))
      const t = types(own)
      if (t[0].startsWith('chat.')) {
        expect(t[0]).toBe('chat.started')
        expect(t.at(-1)).toBe('chat.ended')
        expect(t.filter((x) => x === 'chat.ended').length).toBe(1)
        const firstAgentMessage = own.findIndex(
          (e) => e.type === 'chat.message' && (e.payload as { role: string }).role === 'agent',
        )
        if (firstAgentMessage >= 0) expect(t.indexOf('chat.transferred_to_agent')).toBeLessThan(firstAgentMessage)
      } else if (t[0].startsWith('ticket.')) {
        expect(t[0]).toBe('ticket.created')
        expect(t.indexOf('ticket.assigned')).toBeLessThan(t.indexOf('ticket.resolved'))
        if (t.includes('ticket.reopened'))
          expect(t.lastIndexOf('ticket.resolved')).toBeGreaterThan(t.indexOf('ticket.reopened'))
      } else expect(t[0]).toBe('voice.offered')
    }
  })

  it('pairs every wrap_up with the next ready/not_ready of the same interaction, and keeps agents within capacity and sessions', () => {
    const perAgent = new Map<string, IncomingEvent[]>()
    for (const e of events)
      if (e.agent_id && e.type.startsWith('agent.'))
        (perAgent.get(e.agent_id) ?? perAgent.set(e.agent_id, []).get(e.agent_id)!).push(e)
    // When each agent took each contact: the answer, or their first chat message.
    const takenBy = new Map<string, Map<string, number>>()
    for (const e of events) {
      if (
        !e.agent_id ||
        !(
          e.type === 'voice.answered' ||
          (e.type === 'chat.message' && (e.payload as { role: string }).role === 'agent')
        )
      )
        continue
      const mine = takenBy.get(e.agent_id) ?? takenBy.set(e.agent_id, new Map()).get(e.agent_id)!
      if (!mine.has(e.interaction_id!)) mine.set(e.interaction_id!, e.ts)
    }
    let wraps = 0
    for (const [id, list] of perAgent) {
      let loggedIn = false
      const wrapping = new Set<string>()
      for (const e of list) {
        if (e.type === 'agent.login') {
          expect(loggedIn).toBe(false)
          loggedIn = true
          continue
        }
        expect(loggedIn).toBe(true)
        if (e.type === 'agent.logout') {
          expect(wrapping.size).toBe(0)
          loggedIn = false
        } else if (e.type === 'agent.wrap_up') {
          wraps++
          wrapping.add(e.interaction_id!)
        } else if (e.interaction_id) {
          expect(wrapping.delete(e.interaction_id)).toBe(true)
        }
      }
      expect(loggedIn).toBe(false)
      expect(wrapping.size).toBe(0)
      // Capacity: contacts held at once, from taking a contact until its wrap ends.
      const capacity = agentOf.get(id)!.capacity
      const marks: [number, number][] = []
      for (const [iid, took] of takenBy.get(id) ?? []) {
        const freed = list.find(
          (e) => e.interaction_id === iid && (e.type === 'agent.ready' || e.type === 'agent.not_ready'),
        )
        if (freed) marks.push([took, 1], [freed.ts, -1])
      }
      marks.sort((a, b) => a[0] - b[0] || a[1] - b[1])
      let held = 0
      for (const [, d] of marks) expect((held += d)).toBeLessThanOrEqual(capacity)
    }
    expect(wraps).toBeGreaterThan(1000)
  })

  it('brings customers back on other channels, with identify events linking their identities', () => {
    const multi = truth.customers.filter((c) => c.channels.length > 1)
    expect(multi.length).toBeGreaterThan(truth.customers.length * 0.1)
    const owner = new Map<string, string>()
    for (const c of truth.customers) {
      for (const v of Object.values(c.identities)) {
        expect(owner.has(v!)).toBe(false) // identities are never shared between people
        owner.set(v!, c.key)
      }
    }
    const channelsOf = new Map<string, Set<string>>()
    for (const e of events) {
      for (const v of Object.values(e.customer ?? {})) {
        const key = owner.get(v!)
        expect(key).toBeDefined()
        ;(channelsOf.get(key!) ?? channelsOf.set(key!, new Set()).get(key!)!).add(e.channel)
      }
    }
    expect([...channelsOf.values()].filter((s) => s.size > 1).length).toBeGreaterThanOrEqual(multi.length * 0.9)
    const identifies = events.filter((e) => e.type === 'identity.identify')
    expect(identifies.length).toBeGreaterThan(50)
    for (const e of identifies) expect(new Set(Object.values(e.customer!).map((v) => owner.get(v!))).size).toBe(1)
    // Someone who called with a phone and later chatted on WeChat with an openid + the same phone.
    expect(
      truth.customers.some(
        (c) => c.channels.includes('voice') && c.channels.includes('wechat') && c.seen.wechat_openid && c.seen.phone,
      ),
    ).toBe(true)
  })

  it('writes Chinese and English transcripts with products, error codes and some PII', () => {
    const messages = events.filter((e) => e.type === 'chat.message' || e.type === 'ticket.comment').map(text)
    expect(messages.some((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true)
    expect(messages.some((t) => /^[\x20-\x7e…’]+$/.test(t) && /[a-z]{3,}/.test(t))).toBe(true)
    const all = messages.join('\n')
    for (const needle of [
      '您好',
      '感谢您的耐心等待',
      '祝您生活愉快',
      'ThinkPad X1 Carbon',
      '拯救者 Y9000P',
      '小新 Pro 14',
      '0x0000007B',
      '蓝屏',
    ])
      expect(all).toContain(needle)
    expect(all).toMatch(/LX\d{12}/)
    expect(all).toMatch(/1[3589]\d{9}/)
    expect(all).toMatch(/[\w.]+@[\w.]+\.com/)
    const customerNames = new Set(events.map((e) => e.customer_name))
    expect([...customerNames].some((n) => /^[\u4e00-\u9fff]{2,4}$/.test(n ?? ''))).toBe(true)
    expect([...customerNames].some((n) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n ?? ''))).toBe(true)
  })

  it('has polite and impolite agents, and only the impolite ones pass the buck', () => {
    const profiles = new Set(truth.agents.map((a) => a.politeness))
    expect(profiles).toEqual(new Set(['polite', 'neutral', 'rude']))
    const blame = new Set([...ZH.blame, ...EN.blame])
    const agentLines = events.filter(
      (e) => e.type === 'chat.message' && (e.payload as { role: string }).role === 'agent',
    )
    const blamers = new Set(
      agentLines.filter((e) => blame.has(text(e))).map((e) => agentOf.get(e.agent_id!)!.politeness),
    )
    expect(blamers).toEqual(new Set(['rude']))
    const all = agentLines.map(text).join('\n')
    for (const phrase of [
      '这不归我们管',
      '不是我们的问题',
      '你自己去问厂家',
      "That's not our department.",
      'You should have read the manual.',
    ])
      expect(all).toContain(phrase)
    const politeLines = agentLines
      .filter((e) => agentOf.get(e.agent_id!)!.politeness === 'polite')
      .map(text)
      .join('\n')
    expect(politeLines).toMatch(/还有其他可以帮您的吗/)
  })

  it('scores surveys lower after rude agents and long waits', () => {
    const nps = events.filter((e) => e.type === 'survey.nps' && e.agent_id)
    expect(nps.length).toBeGreaterThan(300)
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    const scoreBy = (tone: string) =>
      mean(
        nps
          .filter((e) => agentOf.get(e.agent_id!)!.politeness === tone)
          .map((e) => (e.payload as { score: number }).score),
      )
    expect(scoreBy('polite')).toBeGreaterThan(scoreBy('rude') + 1.5)
    const csat = events.filter((e) => e.type === 'survey.csat').map((e) => (e.payload as { score: number }).score)
    expect(Math.min(...csat)).toBeGreaterThanOrEqual(1)
    expect(Math.max(...csat)).toBeLessThanOrEqual(5)
  })

  it('rejects bad options with a clear message', () => {
    expect(() => generate({ seed: -1 })).toThrow(/seed/)
    expect(() => generate({ agents: 0 })).toThrow(/agents/)
    expect(() => generate({ tenant: 'Bad Tenant' })).toThrow(/tenant/)
  })
})
