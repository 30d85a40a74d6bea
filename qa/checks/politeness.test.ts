import { describe, it, expect } from 'vitest'
import { scoreInteraction } from '../pipeline.js'
import { compileScorecard } from '../scorecard.js'
import type { Interaction, Turn } from '../types.js'

const chat = (turns: [Turn['role'], string][]): Interaction => ({
  interaction_id: 'p',
  turns: turns.map(([role, text], i) => ({ role, text, ts: i * 10_000 })),
})
const card = (politeness: Record<string, unknown>) =>
  compileScorecard({ id: 't', version: 1, language: 'any', checks: { politeness: { weight: 1, ...politeness } } })
const politenessFlags = (x: Interaction, sc = card({ min_score: 0.5, polite: ['thank you'] })) =>
  scoreInteraction(x, sc).flags.filter((f) => f.check === 'politeness')

describe('politeness check (learned model)', () => {
  it('scores each agent turn in [0,1] and averages; not applicable without agent turns', () => {
    const r = scoreInteraction(
      chat([
        ['customer', 'hello?'],
        ['agent', '您好，请问有什么可以帮您？'],
        ['agent', 'Thank you for waiting, I have the details now.'],
      ]),
    )
    expect(r.politeness.agent).toBeGreaterThan(0.6)
    expect(r.politeness.agent).toBeLessThanOrEqual(1)
    expect(scoreInteraction(chat([['customer', '你好']])).politeness.agent).toBeNull()
  })

  it('flags an impolite turn with the strategies that made it so', () => {
    const flags = politenessFlags(
      chat([
        ['agent', '您好'],
        ['agent', '你先把序列号发过来。'],
      ]),
    )
    const turn = flags.find((f) => f.turn === 1)!
    expect(turn.severity).toBe('low')
    expect([turn.text, turn.end - turn.start]).toEqual(['', 0])
    expect(turn.reason).toMatch(/^politeness 0\.\d\d \(impolite: .*bare imperative/)
    expect(turn.reason).toMatch(/second-person start/)
  })

  it('names the strategies in the interaction flag below min_score, with the configured severity', () => {
    const flags = politenessFlags(
      chat([
        ['agent', 'Why not read the manual?'],
        ['agent', "Don't you see the error?"],
      ]),
      card({ min_score: 0.5, severity: 'high', polite: ['thank you'] }),
    )
    const whole = flags.find((f) => f.turn === -1)!
    expect(whole.severity).toBe('high')
    expect(whole.reason).toMatch(/^agent politeness 0\.\d\d below 0\.5 \(impolite: .*challenging question/)
  })

  it('passes a polite agent, and min_score decides', () => {
    const x = chat([
      ['agent', 'Hi, thank you for contacting us.'],
      ['agent', 'Could you please confirm your order number?'],
    ])
    expect(politenessFlags(x)).toEqual([])
    expect(politenessFlags(x, card({ min_score: 0.99, polite: ['thank you'] })).map((f) => f.turn)).toEqual([-1])
  })

  it('keeps the scorecard lists: an impolite entry is a rude expression, an uncovered polite entry positive lexicon', () => {
    const x = chat([['agent', 'Banana, the order ships tomorrow.']])
    const plain = scoreInteraction(x, card({ min_score: 0.1, polite: ['thank you'] }))
    const listedRude = scoreInteraction(x, card({ min_score: 0.1, polite: ['thank you'], impolite: ['banana'] }))
    expect(listedRude.politeness.agent!).toBeLessThan(plain.politeness.agent! - 0.3)
    expect(listedRude.flags.find((f) => f.turn === 0 && f.text === 'Banana')?.reason).toBe('impolite expression')

    const y = chat([['agent', 'Namaste, the order ships tomorrow.']])
    const listedPolite = scoreInteraction(y, card({ min_score: 0.1, polite: ['namaste'] }))
    const unlisted = scoreInteraction(y, card({ min_score: 0.1, polite: ['thank you'] }))
    expect(listedPolite.politeness.agent!).toBeGreaterThan(unlisted.politeness.agent!)
  })
})
