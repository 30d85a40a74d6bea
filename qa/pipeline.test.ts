import { describe, it, expect } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rootDir } from '../core/compiled.js'
import { detectLanguage } from './language.js'
import { surnameOf } from './surname.js'
import { STEPS, scoreInteraction } from './pipeline.js'
import { extractFacts } from './facts.js'
import { defaultScorecard } from './scorecard.js'
import type { Interaction } from './types.js'

describe('pipeline', () => {
  it('runs named steps with redaction first', () => {
    expect(STEPS.map((s) => s.name)).toEqual([
      'redact_pii',
      'detect_language',
      'segment',
      'sentiment',
      'checks',
      'facts',
      'nps',
      'score',
    ])
  })

  it('detects zh, en and mixed', () => {
    expect(detectLanguage(['您好，请问您的ThinkPad X1有什么问题？'])).toBe('zh')
    expect(detectLanguage(['Hello, how can I help you?'])).toBe('en')
    expect(detectLanguage(['my laptop is broken', '电脑坏了'])).toBe('mixed')
  })

  it('derives surnames, compound ones included', () => {
    expect(surnameOf('王伟')).toBe('王')
    expect(surnameOf('欧阳娜娜')).toBe('欧阳')
    expect(surnameOf('司马')).toBe('司')
    expect(surnameOf('crystal minh')).toBe('Minh')
    expect(surnameOf(undefined)).toBeNull()
  })

  it('extracts error codes, product models and order numbers', () => {
    const facts = extractFacts(
      [
        { role: 'customer', text: '我的ThinkPad X1 Carbon Gen 11蓝屏了，0x0000007B，INACCESSIBLE_BOOT_DEVICE' },
        {
          role: 'customer',
          text: 'also my Lenovo Legion Y9000P and 小新Pro 14, order number: 3348917502, error code 43',
        },
      ],
      defaultScorecard('zh'),
    )
    expect(facts.map((f) => [f.kind, f.value])).toEqual([
      ['error_code', '0x0000007B'],
      ['error_code', 'INACCESSIBLE_BOOT_DEVICE'],
      ['product_model', 'ThinkPad X1 Carbon Gen 11'],
      ['error_code', '43'],
      ['product_model', 'Lenovo Legion Y9000P'],
      ['product_model', '小新Pro 14'],
      ['order_number', '3348917502'],
    ])
  })

  it('never lets PII reach the output turns, flags or facts', () => {
    const r = scoreInteraction({
      interaction_id: 'p',
      turns: [
        { role: 'customer', text: '我手机13812345678，卡号4111111111111111，邮箱a@b.cn' },
        { role: 'agent', text: '您好' },
      ],
    })
    expect(JSON.stringify(r)).not.toMatch(/13812345678|4111111111111111|a@b\.cn/)
    expect(r.pii.map((p) => p.kind)).toEqual(['phone', 'bank_card', 'email'])
  })

  it('weights applicable checks into a 0-100 score', () => {
    const r = scoreInteraction({
      interaction_id: 's',
      turns: [{ role: 'agent', text: 'Hello, thank you for contacting us. Have a great day!' }],
    })
    const applicable = Object.values(r.checks).filter((c) => c.applicable)
    const expected =
      (100 * applicable.reduce((s, c) => s + c.weight * c.fraction, 0)) / applicable.reduce((s, c) => s + c.weight, 0)
    expect(r.score).toBeCloseTo(expected, 1)
    expect(r.checks.sentiment.applicable).toBe(false)
  })

  const abcd = join(rootDir(), '..', 'shared', 'data', 'abcd_sample.json')
  it.skipIf(!existsSync(abcd))('scores real English ABCD dialogues (skipped without ../shared)', () => {
    const convos = JSON.parse(readFileSync(abcd, 'utf8')) as {
      convo_id: number
      scenario: { personal: { customer_name: string } }
      original: [string, string][]
    }[]
    for (const c of convos) {
      const x: Interaction = {
        interaction_id: String(c.convo_id),
        customer_name: c.scenario.personal.customer_name,
        turns: c.original
          .filter(([r]) => r !== 'action')
          .map(([role, text]) => ({ role: role as 'agent' | 'customer', text })),
      }
      const r = scoreInteraction(x)
      expect(r.language).toBe('en')
      expect(r.score).toBeGreaterThan(0)
      expect(r.score).toBeLessThanOrEqual(100)
      expect(r.politeness.agent).toBeGreaterThan(0.5)
      expect(JSON.stringify(r.turns)).not.toContain(c.scenario.personal.customer_name.split(' ')[0] + '730@')
    }
  })
})
