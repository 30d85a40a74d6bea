import { describe, it, expect } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { resolveQueuePolicy } from './config.js'
import { validateRoutingFile, validateTenantConfig } from './validate-config.js'

const errorsOf = (raw: unknown) => {
  const r = validateTenantConfig(raw)
  return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.reason}`)
}

describe('routing configuration', () => {
  it('names the offending field', () => {
    const raw = {
      queues: {
        repair: {
          expansion: [
            { after_s: 0, min_proficiency: 4 },
            { after_s: -5, min_proficiency: 2 },
          ],
        },
      },
    }
    expect(errorsOf(raw)).toContain('queues.repair.expansion[1].after_s: must be ≥ 0, got -5')
  })

  it('reports every problem at once: unknown fields, bad enums, ranges, cross-field rules', () => {
    const errors = errorsOf({
      queues: {
        a: { policies: ['skills', 'magic'], skills: { a: 7 }, fairnes: {}, overflow: [{ after_s: 10, to: 'nowhere' }] },
        b: {
          expansion: [
            { after_s: 30, min_proficiency: 3 },
            { after_s: 10, min_proficiency: 1 },
          ],
          aging_per_s: 0,
        },
      },
    })
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^queues\.a\.policies\[1\]: must be one of priority, skills/),
        'queues.a.skills.a: must be ≤ 5, got 7',
        expect.stringMatching(/^queues\.a\.fairnes: unknown field/),
        'queues.b.aging_per_s: must be > 0, got 0',
      ]),
    )
    const cross = errorsOf({
      queues: {
        a: { overflow: [{ after_s: 10, to: 'nowhere' }] },
        b: {
          expansion: [
            { after_s: 30, min_proficiency: 3 },
            { after_s: 10, min_proficiency: 1 },
          ],
        },
      },
    })
    expect(cross).toEqual([
      'queues.a.overflow[0].to: unknown queue "nowhere"; configured queues: a, b',
      "queues.b.expansion[1].after_s: must be greater than the previous step's after_s (30)",
    ])
  })

  it('reads YAML with several tenants and prefixes their field names', () => {
    const text =
      'tenants:\n  acme:\n    queues:\n      sales: { priority: 5 }\n  beta:\n    queues:\n      help: { aging_per_s: -1 }\n'
    const r = validateRoutingFile(parseYaml(text))
    expect(r.ok).toBe(false)
    expect(!r.ok && r.errors[0].field).toBe('tenants.beta.queues.help.aging_per_s')
  })

  it('overlays built-in defaults, tenant defaults and queue settings key by key', () => {
    const r = validateTenantConfig({
      defaults: { affinity: { timeout_s: 60 }, priority: 3 },
      queues: { vip: { affinity: { bonus: 99 } } },
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const vip = resolveQueuePolicy(r.value, 'vip')
    expect(vip.affinity).toEqual({ timeout_s: 60, bonus: 99, max_age_h: 720 })
    expect(vip.priority).toBe(3)
    expect(vip.skills).toEqual({ vip: 1 })
    expect(resolveQueuePolicy(r.value, 'unlisted').skills).toEqual({ unlisted: 1 })
  })
})
