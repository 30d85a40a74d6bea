import { describe, it, expect } from 'vitest'
import { sentimentModel } from '../sentiment/model.js'
import type { Turn } from '../types.js'
import { hasSgd, loadCheckDialogues, loadSgd, parseUss, splitSgd } from './corpus.js'
import { countCues, CUE_INDEX, wordTokensOf } from './cues.js'
import { dialogueFeatures, FEATURE_NAMES, normalizeText } from './features.js'
import { auc, spearman } from '../../kits/stats/index.js'
import { CSAT_MAX, CSAT_MIN, loadSatisfactionModel, SatisfactionModel, type SatisfactionWeights } from './model.js'

const model = loadSatisfactionModel()
const sentiment = sentimentModel()

const chat = (lines: [Turn['role'], string][]): Turn[] => lines.map(([role, text]) => ({ role, text }))
const csat = (turns: Turn[]) =>
  model.predict(
    turns,
    turns.map((t) => (t.role === 'bot' ? null : sentiment.score(t.text))),
  )
const cues = (text: string) => {
  const normalized = normalizeText(text)
  const counts = countCues(wordTokensOf(normalized), normalized, /\p{Script=Han}/u.test(normalized))
  return Object.fromEntries(Object.entries(CUE_INDEX).flatMap(([name, i]) => (counts[i] ? [[name, counts[i]]] : [])))
}

describe('satisfaction cues', () => {
  it('finds resolution, complaint, rejection and escalation in English', () => {
    expect(cues('It works now, thank you so much!')).toMatchObject({ praise: 1, thanks: 1 })
    expect(cues("No, that's all.")).toMatchObject({ closing: 1 })
    expect(cues('It is still not working. This is ridiculous, I want a refund')).toMatchObject({
      unresolved: 2,
      complaint: 1,
      escalate: 1,
    })
    expect(cues("That's not what I asked, try again")).toMatchObject({ rejection: 2 })
    expect(cues("Sorry, I couldn't find any table, there are no slots available")).toMatchObject({
      apology: 1,
      failure: 2,
    })
    expect(cues('Your reservation has been successfully booked')).toMatchObject({ success: 1 })
  })

  it('finds the same cues in Chinese, without the near-misses', () => {
    expect(cues('好的，谢谢你，解决了')).toMatchObject({ thanks: 1, praise: 1 })
    expect(cues('还是不行，我要投诉，退款')).toMatchObject({ unresolved: 1, complaint: 1, escalate: 1 })
    expect(cues('不对，换一个')).toMatchObject({ rejection: 2 })
    expect(cues('抱歉，我这边查不到')).toMatchObject({ apology: 1, failure: 1 })
    expect(cues('已经为您办理好了')).toMatchObject({ success: 1 })
    // 不错 (not bad), 没问题 (no problem) and 不客气 (you're welcome) are not negations; 是不是 is not a rejection.
    expect(cues('不错，没问题，不客气')).not.toHaveProperty('negate')
    expect(cues('是不是这个型号')).not.toHaveProperty('rejection')
  })

  it('counts a phrase once per cue (the longest match wins)', () => {
    expect(cues('sounds great')).toMatchObject({ praise: 1 })
    expect(cues("I couldn't find it")).toMatchObject({ failure: 1 })
  })
})

describe('predicted satisfaction (shipped weights)', () => {
  it('ships weights for exactly the features of features.ts', () => {
    expect(Object.keys(model.weights.features)).toEqual([...FEATURE_NAMES])
    const { detractor_below, promoter_from } = model.weights.classes
    expect(detractor_below).toBeLessThan(promoter_from)
  })

  it('refuses weights for another feature set', () => {
    const { sent_mean: _dropped, ...features } = model.weights.features
    const broken: SatisfactionWeights = { ...model.weights, features }
    expect(() => new SatisfactionModel(broken)).toThrow(/do not match/)
  })

  it('stays within 1..5, empty and extreme chats included', () => {
    const furious = chat(
      Array.from({ length: 20 }, (_, i): [Turn['role'], string] =>
        i % 2
          ? ['agent', "Sorry, I can't do that. Unfortunately it is not available."]
          : [
              'customer',
              'STILL NOT WORKING!!! This is ridiculous, useless, worst service ever. Cancel it, refund now!!',
            ],
      ),
    )
    const delighted = chat(
      Array.from({ length: 20 }, (_, i): [Turn['role'], string] =>
        i % 2
          ? ['agent', 'Done, your refund has been processed successfully.']
          : ['customer', 'Perfect, that works now, thank you so much, you have been really helpful!'],
      ),
    )
    for (const turns of [[], chat([['agent', 'Hello']]), chat([['customer', '']]), furious, delighted]) {
      const p = csat(turns)
      expect(p).toBeGreaterThanOrEqual(CSAT_MIN)
      expect(p).toBeLessThanOrEqual(CSAT_MAX)
    }
    expect(csat(furious)).toBeLessThan(csat(delighted))
  })

  it('rates a chat that ends in thanks and resolution above one that ends in angry repetition (en, zh)', () => {
    const opening: [Turn['role'], string][] = [
      ['customer', 'Hi, my laptop shows a blue screen after the update'],
      ['agent', 'Hello, please restart it while holding F8 and choose safe mode.'],
    ]
    const resolved = chat([
      ...opening,
      ['customer', 'OK, it works now. Thank you, that fixed it!'],
      ['agent', 'Great, anything else?'],
      ['customer', "No, that's all. Thanks a lot"],
    ])
    const angry = chat([
      ...opening,
      ['customer', 'I did that, it still shows the blue screen'],
      ['agent', 'Please restart it while holding F8 and choose safe mode.'],
      ['customer', 'I told you I did that! It is still not working. This is ridiculous, I want a refund.'],
    ])
    expect(csat(resolved)).toBeGreaterThan(csat(angry))
    expect(model.npsClass(csat(resolved))).toBe('promoter')
    expect(model.npsClass(csat(angry))).toBe('detractor')

    const zhOpening: [Turn['role'], string][] = [
      ['customer', '你好，我的电脑更新后蓝屏了'],
      ['agent', '您好，请您按F8进入安全模式试一下'],
    ]
    const zhResolved = chat([
      ...zhOpening,
      ['customer', '可以了，解决了，谢谢你'],
      ['agent', '不客气'],
      ['customer', '没有了，再见'],
    ])
    const zhAngry = chat([
      ...zhOpening,
      ['customer', '试过了，还是蓝屏'],
      ['agent', '您好，请您按F8进入安全模式试一下'],
      ['customer', '我说了好几遍了，还是不行！！太离谱了，我要投诉'],
    ])
    expect(csat(zhResolved)).toBeGreaterThan(csat(zhAngry))
    expect(model.npsClass(csat(zhResolved))).toBe('promoter')
    expect(model.npsClass(csat(zhAngry))).toBe('detractor')
  })

  it('moves the obvious way when one cue is added', () => {
    const base: [Turn['role'], string][] = [
      ['customer', 'I need to change the delivery address of my order'],
      ['agent', 'Sure, what is the new address?'],
      ['customer', '12 Main Street'],
    ]
    const plain = csat(chat(base))
    expect(csat(chat([...base, ['agent', 'Done, the address has been updated.']]))).toBeGreaterThan(plain)
    expect(csat(chat([...base, ['agent', "Sorry, I'm unable to change it."]]))).toBeLessThan(plain)
    expect(csat(chat([...base, ['customer', 'Thanks, perfect']]))).toBeGreaterThan(plain)
    expect(
      csat(chat([...base, ['customer', 'Why is this so complicated? I want to speak to a manager']])),
    ).toBeLessThan(plain)
  })

  it('separates the hand-written zh and en check chats: every dissatisfied one below every satisfied one', () => {
    const checks = loadCheckDialogues()
    expect(checks.length).toBeGreaterThanOrEqual(16)
    for (const language of ['zh', 'en'] as const) {
      const of = checks.filter((c) => c.language === language)
      const lowestSatisfied = Math.min(...of.filter((c) => c.satisfied).map((c) => csat(c.turns)))
      const highestDissatisfied = Math.max(...of.filter((c) => !c.satisfied).map((c) => csat(c.turns)))
      expect(highestDissatisfied, language).toBeLessThan(lowestSatisfied)
    }
  })

  it.skipIf(!hasSgd())(
    'reaches its recorded rho and AUC on the held-out SGD dialogues (skipped without ../shared/data/uss/SGD.txt)',
    () => {
      const { train, heldOut } = splitSgd(loadSgd())
      expect(heldOut).toHaveLength(200)
      const trained = new Set(train.map((d) => d.index))
      expect(heldOut.filter((d) => trained.has(d.index))).toEqual([])
      const predicted = heldOut.map((d) => csat(d.turns))
      const rho = spearman(
        predicted,
        heldOut.map((d) => d.rating),
      )
      const a = auc(
        predicted.map((p) => -p),
        heldOut.map((d) => d.rating < 3),
      )
      // Measured (train.ts): rho 0.403, AUC 0.808 on these 200 dialogues (37 dissatisfied); floors leave a margin.
      expect(rho).toBeGreaterThan(0.35)
      expect(a).toBeGreaterThan(0.76)
    },
  )
})

describe('metrics and corpus', () => {
  it('computes Spearman and AUC with ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1)
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1)
    expect(auc([0.9, 0.8, 0.1, 0.2], [true, true, false, false])).toBe(1)
    expect(auc([0.5, 0.5], [true, false])).toBe(0.5)
  })

  it('parses the USS format: turns, per-turn and dialogue ratings', () => {
    const [d] = parseUss(
      'USER\tFind me a flight\tINFORM_INTENT\t3,3,4\nSYSTEM\tWhere to?\tREQUEST\t\nUSER\tThanks\tTHANK_YOU\t4,4,4\nUSER\tOVERALL\t\t2,3,4\n\n',
    )
    expect(d.turns.map((t) => t.role)).toEqual(['customer', 'agent', 'customer'])
    expect(d.rating).toBe(3)
    expect(d.turnRatings).toEqual([10 / 3, null, 4])
  })

  it('extracts the same features for the same chat (no hidden state)', () => {
    const turns = chat([
      ['customer', 'It still does not work'],
      ['agent', 'Sorry'],
    ])
    const s = turns.map(() => -0.5)
    expect(dialogueFeatures(turns, s)).toEqual(dialogueFeatures(turns, s))
  })
})
