import { describe, it, expect } from 'vitest'
import { RoutingEngine } from './engine.js'
import { emptyTenantConfig, type PolicyName, type QueuePolicyInput, type TenantRoutingConfig } from './config.js'
import { explainDecision } from './explain.js'
import type { AgentProfile, ContactInput, Decision } from './types.js'

const S = 1000
const T0 = 1_700_000_000_000

function config(queues: Record<string, QueuePolicyInput>, defaults: QueuePolicyInput = {}): TenantRoutingConfig {
  return { ...emptyTenantConfig('t'), defaults, queues }
}

function profile(id: string, skills: Record<string, number>, more: Partial<AgentProfile> = {}): AgentProfile {
  return { id, skills, capacity: { voice: 1, webchat: 2 }, ...more }
}

function contact(id: string, queue: string, atS: number, more: Partial<ContactInput> = {}): ContactInput {
  return { id, queue, channel: 'voice', arrivedAt: T0 + atS * S, ...more }
}

function ready(e: RoutingEngine, p: AgentProfile, atS: number): Decision[] {
  return e.agentState({ agentId: p.id, at: T0 + atS * S, state: 'ready', profile: p })
}

const assigns = (ds: Decision[]) =>
  ds.filter((d) => d.kind === 'assign').map((d) => (d.kind === 'assign' ? `${d.contactId}>${d.agentId}` : ''))

function only(policies: PolicyName[], q: QueuePolicyInput = {}): QueuePolicyInput {
  return { policies, ...q }
}

describe('FCFS baseline and tie-breaking', () => {
  it('serves the oldest contact first and picks the longest-idle agent', () => {
    const e = new RoutingEngine(config({ sales: only([]) }))
    e.offer(contact('c2', 'sales', 5))
    e.offer(contact('c1', 'sales', 1))
    expect(assigns(ready(e, profile('a', { sales: 1 }), 10))).toEqual(['c1>a'])
    expect(assigns(ready(e, profile('b', { sales: 1 }), 11))).toEqual(['c2>b'])
    e.complete('c1', T0 + 12 * S)
    e.complete('c2', T0 + 20 * S)
    // a has been idle since 12 s, b only since 20 s.
    const d = e.offer(contact('c3', 'sales', 21))
    expect(assigns(d)).toEqual(['c3>a'])
    expect(d[0].kind === 'assign' && d[0].why.decidedBy).toBe('tie_break_idle')
  })

  it('breaks exact ties by agent id, whatever the login order', () => {
    for (const order of [
      ['z', 'm', 'a'],
      ['a', 'z', 'm'],
    ]) {
      const e = new RoutingEngine(config({ sales: only([]) }))
      for (const id of order) ready(e, profile(id, { sales: 1 }), 0)
      const d = e.offer(contact('c', 'sales', 1))
      expect(assigns(d)).toEqual(['c>a'])
      expect(d[0].kind === 'assign' && d[0].why.decidedBy).toBe('tie_break_id')
    }
  })

  it('gives identical decisions for identical inputs', () => {
    const run = () => {
      const e = new RoutingEngine(
        config({
          sales: {
            expansion: [
              { after_s: 0, min_proficiency: 3 },
              { after_s: 20, min_proficiency: 1 },
            ],
          },
        }),
      )
      const out: Decision[] = []
      for (let i = 0; i < 6; i++)
        out.push(
          ...ready(e, profile(`a${i}`, { sales: 1 + (i % 5) }, { tags: [`t${i % 3}`], csat: 3 + (i % 3) * 0.5 }), i),
        )
      for (let i = 0; i < 20; i++)
        out.push(...e.offer(contact(`c${i}`, 'sales', 10 + i * 2, { tags: [`t${i % 4}`], vip: i % 7 === 0 ? 1 : 0 })))
      out.push(...e.tick(T0 + 100 * S))
      for (let i = 0; i < 20; i++) out.push(...e.complete(`c${i}`, T0 + (120 + i) * S))
      return out
    }
    expect(run()).toEqual(run())
  })
})

describe('capacity', () => {
  it('holds up to N chats but one call, and never mixes a call with chats', () => {
    const e = new RoutingEngine(config({ help: only([]) }))
    ready(e, profile('a', { help: 1 }), 0)
    expect(assigns(e.offer(contact('chat1', 'help', 1, { channel: 'webchat' })))).toEqual(['chat1>a'])
    expect(assigns(e.offer(contact('chat2', 'help', 2, { channel: 'webchat' })))).toEqual(['chat2>a'])
    expect(assigns(e.offer(contact('chat3', 'help', 3, { channel: 'webchat' })))).toEqual([]) // capacity 2
    expect(assigns(e.offer(contact('call', 'help', 4)))).toEqual([]) // voice needs her full attention
    e.complete('chat1', T0 + 5 * S)
    // chat3 waits longer than the call would, but the call is not allowed while chat2 is open: chat3 takes the seat.
    expect(e.stats().waiting).toBe(1)
    e.complete('chat2', T0 + 6 * S)
    e.complete('chat3', T0 + 7 * S)
    expect(e.lastDecision('call')?.kind).toBe('assign')
    expect(assigns(e.offer(contact('chat4', 'help', 8, { channel: 'webchat' })))).toEqual([]) // on a call: no chats
  })
})

describe('skills with expansion', () => {
  const cfg = config({
    repair: {
      policies: ['skills'],
      skills: { repair: 1 },
      expansion: [
        { after_s: 0, min_proficiency: 4 },
        { after_s: 30, min_proficiency: 2 },
      ],
    },
  })

  it('waits for an expert, then widens to lower proficiency on the timer', () => {
    const e = new RoutingEngine(cfg)
    ready(e, profile('novice', { repair: 2 }), 0)
    ready(e, profile('beginner', { repair: 1 }), 0)
    expect(assigns(e.offer(contact('c', 'repair', 10)))).toEqual([])
    expect(e.nextDueAt()).toBe(T0 + 40 * S)
    expect(e.tick(T0 + 39.999 * S)).toEqual([])
    const d = e.tick(T0 + 40 * S)
    expect(assigns(d)).toEqual(['c>novice'])
    expect(d[0].kind === 'assign' && [d[0].why.expansionStep, d[0].why.minProficiency]).toEqual([1, 2])
  })

  it('prefers the more proficient agent', () => {
    const e = new RoutingEngine(cfg)
    ready(e, profile('four', { repair: 4 }), 0)
    ready(e, profile('five', { repair: 5 }), 1)
    const d = e.offer(contact('c', 'repair', 10))
    expect(assigns(d)).toEqual(['c>five'])
    expect(d[0].kind === 'assign' && d[0].why.decidedBy).toBe('skill')
  })

  it('requires the language skill', () => {
    const e = new RoutingEngine(config({ help: only([]) }))
    ready(e, profile('zh', { help: 1, 'lang:zh': 5 }), 0)
    expect(assigns(e.offer(contact('c', 'help', 1, { language: 'en' })))).toEqual([])
    expect(assigns(ready(e, profile('en', { help: 1, 'lang:en': 3 }), 2))).toEqual(['c>en'])
  })
})

describe('two-way tags (双向标签)', () => {
  it('prefers the agent who covers the customer, then the specialist over the generalist', () => {
    const e = new RoutingEngine(config({ help: only(['tags']) }))
    ready(e, profile('none', { help: 1 }, { tags: ['product:pc'] }), 0)
    ready(e, profile('generalist', { help: 1 }, { tags: ['product:tv', 'product:phone', 'product:pc'] }), 1)
    ready(e, profile('specialist', { help: 1 }, { tags: ['product:tv'] }), 2)
    const d = e.offer(contact('c', 'help', 5, { tags: ['product:tv'] }))
    expect(assigns(d)).toEqual(['c>specialist'])
    expect(d[0].kind === 'assign' && d[0].why.runnerUp?.id).toBe('generalist')
    expect(assigns(e.offer(contact('c2', 'help', 6, { tags: ['product:phone'] })))).toEqual(['c2>generalist'])
  })
})

describe('VIP', () => {
  it('serves a VIP before older regular contacts and prefers the dedicated group', () => {
    const e = new RoutingEngine(
      config({ help: only(['vip'], { vip: { dedicated_group: 'vip-desk', reserve_s: 60 } }) }),
    )
    e.offer(contact('old', 'help', 0))
    e.offer(contact('vip', 'help', 20, { vip: 1 }))
    expect(assigns(ready(e, profile('a', { help: 1 }), 25))).toEqual(['vip>a'])
    ready(e, profile('desk', { help: 1 }, { groups: ['vip-desk'] }), 26)
    expect(e.stats().waiting).toBe(1) // reserved: "old" (26 s waiting) is not for the VIP desk yet
    expect(assigns(e.tick(T0 + 60 * S))).toEqual(['old>desk'])
    e.complete('vip', T0 + 61 * S)
    e.complete('old', T0 + 62 * S)
    // Both idle; the desk has been idle for less time but wins the VIP.
    const d = e.offer(contact('vip2', 'help', 70, { vip: 2 }))
    expect(assigns(d)).toEqual(['vip2>desk'])
    expect(d[0].kind === 'assign' && d[0].why.decidedBy).toBe('vip_group')
  })
})

describe('last-agent affinity (熟客优先)', () => {
  const cfg = config({ help: only(['affinity', 'fairness'], { affinity: { timeout_s: 30 } }) })
  const history = { lastAgentId: 'mei', lastContactAt: T0 }

  it('picks the last agent over a longer-idle one', () => {
    const e = new RoutingEngine(cfg)
    ready(e, profile('bo', { help: 1 }), 0)
    ready(e, profile('mei', { help: 1 }), 50)
    const d = e.offer(contact('c', 'help', 60, { history }))
    expect(assigns(d)).toEqual(['c>mei'])
    expect(d[0].kind === 'assign' && d[0].why.decidedBy).toBe('affinity')
  })

  it('waits for a busy last agent up to the timeout, then anyone may take the contact', () => {
    const e = new RoutingEngine(cfg)
    ready(e, profile('mei', { help: 1 }), 0)
    e.offer(contact('x', 'help', 1))
    ready(e, profile('bo', { help: 1 }), 2)
    expect(assigns(e.offer(contact('c', 'help', 10, { history })))).toEqual([])
    expect(e.nextDueAt()).toBe(T0 + 40 * S)
    expect(assigns(e.tick(T0 + 40 * S))).toEqual(['c>bo'])
  })

  it('gets the contact when she frees up within the timeout', () => {
    const e = new RoutingEngine(cfg)
    ready(e, profile('mei', { help: 1 }), 0)
    e.offer(contact('x', 'help', 1))
    ready(e, profile('bo', { help: 1 }), 2)
    e.offer(contact('c', 'help', 10, { history }))
    expect(assigns(e.complete('x', T0 + 20 * S))).toEqual(['c>mei'])
  })
})

describe('rating priority (好评优先)', () => {
  it('sends at-risk customers to well-rated agents, others by idle time', () => {
    const e = new RoutingEngine(config({ help: only(['rating', 'fairness']) }))
    ready(e, profile('low', { help: 1 }, { csat: 3.2 }), 0)
    ready(e, profile('high', { help: 1 }, { csat: 4.8 }), 30)
    const angry = e.offer(contact('angry', 'help', 40, { history: { ratings: [1, 2] } }))
    expect(assigns(angry)).toEqual(['angry>high'])
    expect(angry[0].kind === 'assign' && angry[0].why.decidedBy).toBe('rating')
    e.complete('angry', T0 + 50 * S)
    expect(assigns(e.offer(contact('calm', 'help', 51, { history: { ratings: [5], sentiment: 0.4 } })))).toEqual([
      'calm>low',
    ])
  })

  it('puts an at-risk contact ahead in line', () => {
    const e = new RoutingEngine(config({ help: only(['rating']) }))
    e.offer(contact('calm', 'help', 0))
    e.offer(contact('upset', 'help', 5, { history: { sentiment: -0.8 } }))
    expect(assigns(ready(e, profile('a', { help: 1 }), 6))).toEqual(['upset>a'])
  })
})

describe('fairness', () => {
  it('least_occupied picks the agent with the most free capacity', () => {
    const e = new RoutingEngine(config({ chat: only(['fairness'], { fairness: { mode: 'least_occupied' } }) }))
    ready(e, profile('a', { chat: 1 }, { capacity: { webchat: 3 } }), 0)
    ready(e, profile('b', { chat: 1 }, { capacity: { webchat: 3 } }), 1)
    const first = assigns(e.offer(contact('c1', 'chat', 2, { channel: 'webchat' })))
    const second = assigns(e.offer(contact('c2', 'chat', 3, { channel: 'webchat' })))
    expect([first, second]).toEqual([['c1>a'], ['c2>b']])
  })
})

describe('overflow and callback', () => {
  it('lets another queue take the contact after the overflow time', () => {
    const e = new RoutingEngine(
      config({ vip: only(['overflow'], { overflow: [{ after_s: 45, to: 'general' }] }), general: only([]) }),
    )
    ready(e, profile('g', { general: 1 }), 0)
    expect(assigns(e.offer(contact('c', 'vip', 0)))).toEqual([])
    const d = e.tick(T0 + 45 * S)
    expect(d.map((x) => x.kind)).toEqual(['overflow', 'assign'])
    expect(d[1].kind === 'assign' && d[1].queue).toBe('general')
  })

  it('offers a callback once the predicted wait passes the threshold', () => {
    const e = new RoutingEngine(
      config({ help: only(['callback'], { callback: { predicted_wait_s: 200, default_aht_s: 100 } }) }),
    )
    ready(e, profile('a', { help: 1 }), 0)
    ready(e, profile('b', { help: 1 }), 0)
    const kinds: string[] = []
    for (let i = 0; i < 8; i++) kinds.push(...e.offer(contact(`c${i}`, 'help', i)).map((d) => d.kind))
    // 2 assigned; waiting k → predicted k × 100 / 2 s: > 200 s from the 5th waiting contact on.
    expect(kinds).toEqual(['assign', 'assign', 'callback_offer', 'callback_offer'])
    const offer = e.offer(contact('c8', 'help', 9))[0]
    expect(offer.kind === 'callback_offer' && offer.predictedWaitS).toBe(350)
  })
})

describe('starvation freedom', () => {
  it('serves a low-priority contact despite a steady stream of high-priority ones', () => {
    const e = new RoutingEngine(
      config({
        low: only(['priority'], { skills: { any: 1 } }),
        high: only(['priority'], { priority: 100, skills: { any: 1 } }),
      }),
    )
    ready(e, profile('a', { any: 1 }), 0)
    e.offer(contact('busy', 'high', 0))
    e.offer(contact('low', 'low', 1))
    let servedAt = -1
    for (let t = 10; t < 1000 && servedAt < 0; t += 10) {
      e.offer(contact(`h${t}`, 'high', t - 1))
      const done = [...['busy'], ...Array.from({ length: 100 }, (_, i) => `h${i * 10}`)].find(
        (id) => e.lastDecision(id)?.kind === 'assign' && (e.lastDecision(id) as { agentId: string }).agentId === 'a',
      )
      const d = e.complete(done!, T0 + t * S)
      if (assigns(d)[0] === 'low>a') servedAt = t
    }
    // Aging 1 point/s: 100 points of priority are worth 100 s of waiting, so "low" is served about 100 s in.
    expect(servedAt).toBeGreaterThan(0)
    expect(servedAt).toBeLessThanOrEqual(120)
  })
})

describe('agent going not-ready as she is chosen', () => {
  it('is skipped when her not-ready arrives first', () => {
    const e = new RoutingEngine(config({ help: only([]) }))
    ready(e, profile('a', { help: 1 }), 0)
    ready(e, profile('b', { help: 1 }), 5)
    e.agentState({ agentId: 'a', at: T0 + 10 * S, state: 'not_ready' })
    expect(assigns(e.offer(contact('c', 'help', 10)))).toEqual(['c>b'])
  })

  it('requeues the contact at its old place when she goes not-ready before answering', () => {
    const e = new RoutingEngine(config({ help: only([]) }))
    ready(e, profile('a', { help: 1 }), 0)
    e.offer(contact('first', 'help', 1))
    ready(e, profile('b', { help: 1 }), 2)
    e.agentState({ agentId: 'b', at: T0 + 3 * S, state: 'not_ready' })
    e.offer(contact('second', 'help', 4)) // nobody free
    e.offer(contact('third', 'help', 5))
    const d = e.agentState({ agentId: 'a', at: T0 + 6 * S, state: 'not_ready' }) // "first" was ringing on a
    expect(d.map((x) => x.kind)).toEqual(['requeue'])
    // b comes back: "first" (arrived 1 s) is still ahead of "second" and "third".
    expect(assigns(ready(e, profile('b', { help: 1 }), 7))).toEqual(['first>b'])
  })

  it('keeps an answered contact with her', () => {
    const e = new RoutingEngine(config({ help: only([]) }))
    ready(e, profile('a', { help: 1 }), 0)
    e.offer(contact('c', 'help', 1))
    e.answered('c', T0 + 2 * S)
    expect(e.agentState({ agentId: 'a', at: T0 + 3 * S, state: 'not_ready' })).toEqual([])
    expect(e.complete('c', T0 + 4 * S)).toEqual([])
  })
})

describe('bad input is a value', () => {
  it('reports unknown agents, contacts and duplicate offers as ignored decisions', () => {
    const e = new RoutingEngine(config({}))
    expect(e.agentState({ agentId: 'ghost', at: T0, state: 'ready' })[0].kind).toBe('ignored')
    expect(e.complete('nope', T0)[0].kind).toBe('ignored')
    e.offer(contact('c', 'q', 0))
    const dup = e.offer(contact('c', 'q', 0))
    expect(dup[0].kind === 'ignored' && dup[0].reason).toMatch(/duplicate/)
  })
})

describe('run-time config and restarts', () => {
  it('keeps waiting contacts across a config change and routes them under the new rules', () => {
    const strict = config({ repair: { policies: ['skills'], expansion: [{ after_s: 0, min_proficiency: 5 }] } })
    const e = new RoutingEngine(strict)
    ready(e, profile('a', { repair: 3 }), 0)
    e.offer(contact('c', 'repair', 1))
    expect(e.stats().waiting).toBe(1)
    const d = e.setConfig(
      config({ repair: { policies: ['skills'], expansion: [{ after_s: 0, min_proficiency: 3 }] } }),
      T0 + 2 * S,
    )
    expect(assigns(d)).toEqual(['c>a'])
    expect(d[0].kind === 'assign' && d[0].trigger).toBe('config_changed')
  })

  it('rebuilds from exported state and carries on exactly as the original, without double assignment', () => {
    const cfg = config({
      help: {
        expansion: [
          { after_s: 0, min_proficiency: 3 },
          { after_s: 20, min_proficiency: 1 },
        ],
      },
    })
    const e = new RoutingEngine(cfg)
    for (let i = 0; i < 4; i++) ready(e, profile(`a${i}`, { help: 1 + i }, { csat: 3 + i * 0.4 }), i)
    for (let i = 0; i < 8; i++)
      e.offer(
        contact(`c${i}`, 'help', 5 + i, {
          history: i % 3 === 0 ? { lastAgentId: 'a3', lastContactAt: T0 } : undefined,
        }),
      )
    const copy = RoutingEngine.fromState(JSON.parse(JSON.stringify(e.exportState())))
    const assigned = e.exportState().contacts.find((c) => c.state === 'ringing')!.input
    const rest = (x: RoutingEngine) => [
      ...x.offer(assigned),
      ...x.tick(T0 + 40 * S),
      ...x.complete('c0', T0 + 41 * S),
      ...x.offer(contact('c9', 'help', 42)),
      ...x.complete('c1', T0 + 43 * S),
      ...x.tick(T0 + 80 * S),
    ]
    const a = rest(e),
      b = rest(copy)
    expect(b).toEqual(a)
    expect(a[0].kind).toBe('ignored')
    expect(copy.exportState()).toEqual(e.exportState())
  })
})

describe('explanations', () => {
  it('says which policy won and who was runner-up', () => {
    const e = new RoutingEngine(config({ help: only(['tags']) }))
    ready(e, profile('generalist', { help: 1 }, { tags: ['product:tv', 'product:phone'] }), 0)
    ready(e, profile('specialist', { help: 1 }, { tags: ['product:tv'] }), 50)
    const [d] = e.offer(contact('c', 'help', 60, { tags: ['product:tv'] }))
    const text = explainDecision(d)
    expect(text).toContain('contact c → agent specialist via queue help')
    expect(text).toContain('decided by tags (+2.50)')
    expect(text).toContain('runner-up generalist: total 12.5 = tags 12.5')
  })
})

describe('abandon', () => {
  it('voids the timers of a contact that left', () => {
    const e = new RoutingEngine(
      config({
        repair: {
          policies: ['skills'],
          expansion: [
            { after_s: 0, min_proficiency: 4 },
            { after_s: 30, min_proficiency: 1 },
          ],
        },
      }),
    )
    ready(e, profile('a', { repair: 1 }), 0)
    e.offer(contact('c', 'repair', 1))
    e.abandon('c', T0 + 10 * S)
    expect(e.nextDueAt()).toBeUndefined()
    expect(e.tick(T0 + 40 * S)).toEqual([])
  })
})
