import { describe, expect, it } from 'vitest'
import { IncidentDetector, parseIncidentRules, rulesMatching } from './incidents.js'

const MIN = 60_000
const opts = { minConversations: 3, windowMs: 10 * MIN }
const T0 = 1_800_000_000_000

describe('incident detection', () => {
  it('raises when N conversations share a key within the window, once', () => {
    const d = new IncidentDetector(opts)
    expect(d.observe('acme', '0x0000007B', 'error_code', 'c1', T0)).toBeNull()
    expect(d.observe('acme', '0x0000007B', 'error_code', 'c1', T0 + MIN)).toBeNull() // same conversation again
    expect(d.observe('acme', '0x0000007B', 'error_code', 'c2', T0 + 2 * MIN)).toBeNull()
    const raised = d.observe('acme', '0x0000007B', 'error_code', 'c3', T0 + 3 * MIN)
    expect(raised?.change).toBe('raised')
    expect(raised?.incident).toMatchObject({
      id: `0x0000007B:${T0 + 3 * MIN}`,
      tenant_id: 'acme',
      key: '0x0000007B',
      rule: 'error_code',
      started_at: T0 + 3 * MIN,
      ended_at: null,
      conversations: 3,
      interaction_ids: ['c1', 'c2', 'c3'],
    })
    expect(d.observe('acme', '0x0000007B', 'error_code', 'c4', T0 + 4 * MIN)?.change).toBe('updated')
    expect(d.open('acme')).toHaveLength(1)
    expect(d.open('other')).toHaveLength(0)
  })

  it('does not raise for conversations spread wider than the window, or across tenants', () => {
    const d = new IncidentDetector(opts)
    d.observe('acme', 'E-1001', 'error_code', 'c1', T0)
    d.observe('acme', 'E-1001', 'error_code', 'c2', T0 + 6 * MIN)
    expect(d.observe('acme', 'E-1001', 'error_code', 'c3', T0 + 12 * MIN)).toBeNull()
    expect(d.observe('beta', 'E-1001', 'error_code', 'c4', T0 + 12 * MIN)).toBeNull()
  })

  it('clears once the rate stayed below the threshold for a window, and raises again later', () => {
    const d = new IncidentDetector(opts)
    for (const [i, c] of ['c1', 'c2', 'c3', 'c4'].entries()) d.observe('acme', 'E-1', 'error_code', c, T0 + i * MIN)
    // The third newest (c2, at T0 + 1 min) leaves the window at T0 + 11 min; below for 10 more → T0 + 21 min.
    expect(d.tick(T0 + 20 * MIN)).toEqual([])
    const [cleared] = d.tick(T0 + 21 * MIN)
    expect(cleared.change).toBe('cleared')
    expect(cleared.incident.ended_at).toBe(T0 + 21 * MIN)
    expect(d.open('acme')).toEqual([])
    expect(d.tick(T0 + 40 * MIN)).toEqual([])
    const later = T0 + 60 * MIN
    for (const c of ['d1', 'd2']) d.observe('acme', 'E-1', 'error_code', c, later)
    expect(d.observe('acme', 'E-1', 'error_code', 'd3', later)?.change).toBe('raised')
  })
})

describe('incident rules', () => {
  it('parses named keyword lists and matches texts', () => {
    const rules = parseIncidentRules("login: 登录不了|无法登录|can't log in; outage: 断网|/no (internet|network)/")
    expect(rules.map((r) => [r.name, r.words])).toEqual([
      ['login', ['登录不了', '无法登录', "can't log in"]],
      ['outage', ['断网', '/no (internet|network)/']],
    ])
    expect(rulesMatching(rules, 'APP 无法登录了').map((r) => r.name)).toEqual(['login'])
    expect(rulesMatching(rules, 'No internet since 9').map((r) => r.name)).toEqual(['outage'])
    expect(rulesMatching(rules, 'all fine')).toEqual([])
    expect(parseIncidentRules(undefined)).toEqual([])
  })
  it('refuses a rule without a name or words, or with a bad regex', () => {
    expect(() => parseIncidentRules('just words')).toThrow(/expected name/)
    expect(() => parseIncidentRules('x:')).toThrow(/expected name/)
    expect(() => parseIncidentRules('x: /(/')).toThrow(/rule x/)
  })
})
