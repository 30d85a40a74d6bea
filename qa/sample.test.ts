import { describe, expect, it } from 'vitest'
import { isSampled, sampleDraw, weekOf, type SampleCandidate } from './sample.js'

const TZ = 'Asia/Shanghai'
const WEEK_MS = 7 * 86_400_000
/** Monday 2026-03-02 09:00 in Shanghai. */
const MONDAY = Date.parse('2026-03-02T01:00:00Z')

/** `perWeek` unflagged interactions for each of `agents` agents in each of `weeks` weeks. */
function candidates(
  agents: number,
  weeks: number,
  perWeek: number,
  tenant = 'acme',
): (SampleCandidate & { agent: number })[] {
  const out: (SampleCandidate & { agent: number })[] = []
  for (let a = 0; a < agents; a++)
    for (let w = 0; w < weeks; w++)
      for (let i = 0; i < perWeek; i++)
        out.push({
          tenant,
          agent: a,
          interaction_id: `ia-${a}-${w}-${i}`,
          ended_ms: MONDAY + w * WEEK_MS + i * 3_600_000,
          flagged: false,
        })
  return out
}

describe('weekly review sample', () => {
  it('keys the week by its local Monday', () => {
    expect(weekOf(MONDAY, TZ)).toBe('2026-03-02')
    expect(weekOf(MONDAY + 6 * 86_400_000, TZ)).toBe('2026-03-02')
    // Sunday 23:30 in Shanghai is still the same week, though it is already Sunday 15:30 UTC…
    expect(weekOf(Date.parse('2026-03-08T15:30:00Z'), TZ)).toBe('2026-03-02')
    // …and Monday 00:30 in Shanghai (Sunday 16:30 UTC) starts the next one.
    expect(weekOf(Date.parse('2026-03-08T16:30:00Z'), TZ)).toBe('2026-03-09')
    expect(weekOf(Date.parse('2026-03-08T16:30:00Z'), 'UTC')).toBe('2026-03-02')
  })

  it('draws in [0, 1), the same for the same tenant, week and interaction, different otherwise', () => {
    const d = sampleDraw('acme', '2026-03-02', 'ia-1')
    expect(d).toBeGreaterThanOrEqual(0)
    expect(d).toBeLessThan(1)
    expect(sampleDraw('acme', '2026-03-02', 'ia-1')).toBe(d)
    expect(sampleDraw('other', '2026-03-02', 'ia-1')).not.toBe(d)
    expect(sampleDraw('acme', '2026-03-09', 'ia-1')).not.toBe(d)
    expect(sampleDraw('acme', '2026-03-02', 'ia-2')).not.toBe(d)
  })

  it('respects the share over many agents and weeks, and for each agent', () => {
    const all = candidates(200, 8, 50)
    for (const share of [0.05, 0.2]) {
      const picked = all.filter((c) => isSampled(c, share, TZ))
      // 80,000 draws: the binomial's standard deviation at 5 % is 0.08 percentage points.
      expect(Math.abs(picked.length / all.length - share)).toBeLessThan(0.005)
      const perAgent = new Map<number, number>()
      for (const c of picked) perAgent.set(c.agent, (perAgent.get(c.agent) ?? 0) + 1)
      // Each agent's own 400 interactions: the share within four standard deviations.
      const sd = Math.sqrt(400 * share * (1 - share))
      for (let a = 0; a < 200; a++) expect(Math.abs((perAgent.get(a) ?? 0) - 400 * share)).toBeLessThan(4 * sd + 1)
    }
  })

  it('is stable: a larger share keeps every earlier pick, and 0 and 1 pick none and all', () => {
    const all = candidates(20, 4, 30)
    const small = new Set(all.filter((c) => isSampled(c, 0.05, TZ)).map((c) => c.interaction_id))
    const large = new Set(all.filter((c) => isSampled(c, 0.2, TZ)).map((c) => c.interaction_id))
    for (const id of small) expect(large.has(id)).toBe(true)
    expect(all.filter((c) => isSampled(c, 0, TZ))).toEqual([])
    expect(all.filter((c) => isSampled(c, 1, TZ))).toHaveLength(all.length)
    // The same pick on every read.
    expect(new Set(all.filter((c) => isSampled(c, 0.05, TZ)).map((c) => c.interaction_id))).toEqual(small)
  })

  it('never samples a flagged interaction', () => {
    const flagged = candidates(10, 2, 20).map((c) => ({ ...c, flagged: true }))
    expect(flagged.filter((c) => isSampled(c, 1, TZ))).toEqual([])
  })

  it("picks differently per tenant: one tenant's sample tells nothing about another's", () => {
    const a = candidates(10, 2, 50, 'acme').filter((c) => isSampled(c, 0.1, TZ))
    const b = candidates(10, 2, 50, 'globex').filter((c) => isSampled(c, 0.1, TZ))
    const overlap = a.filter((x) => b.some((y) => y.interaction_id === x.interaction_id)).length
    expect(overlap).toBeLessThan(a.length / 2)
  })
})
