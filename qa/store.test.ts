import { describe, it, expect } from 'vitest'
import { scoreInteraction } from './pipeline.js'
import { isFlagged, liveInput, qaRows, severeAlert, storeQaRows } from './store.js'
import type { ScorableInteraction } from './turns.js'
import type { Warehouse } from '../warehouse/client.js'

const PHONE = '13812345678'
const EMAIL = 'wang.wei@example.com'
const item: ScorableInteraction = {
  tenant: 'acme',
  queue: 'repair',
  agent_id: 'a7',
  ended_at: 1_700_000_000_000,
  interaction: {
    interaction_id: 'c1',
    channel: 'wechat',
    customer_name: '王伟',
    turns: [
      { role: 'customer', text: `你好，我的电话是${PHONE}，邮箱 ${EMAIL}，电脑蓝屏了`, ts: 1 },
      { role: 'agent', text: '这不归我们管，你自己去问厂家。滚', ts: 2 },
      { role: 'customer', text: '太离谱了，服务太差了', ts: 3 },
    ],
  },
}

describe('QA rows', () => {
  const result = scoreInteraction(item.interaction)
  const rows = qaRows(item, result, 1_700_000_001_000)

  it('never carries the unredacted text', () => {
    const all = JSON.stringify(rows)
    expect(all).not.toContain(PHONE)
    expect(all).not.toContain(EMAIL)
    expect(rows.result.pii_count).toBeGreaterThanOrEqual(2)
    expect(JSON.parse(rows.result.turns)[0].text).toContain('*'.repeat(PHONE.length))
  })

  it('stores one flag row per flag with its evidence and the result columns', () => {
    expect(rows.flags.length).toBe(result.flags.length)
    const blame = rows.flags.find((f) => f.check_name === 'blame')!
    expect(blame).toMatchObject({
      tenant: 'acme',
      interaction_id: 'c1',
      turn: 1,
      severity: 'high',
      queue: 'repair',
      agent_id: 'a7',
      scored_at: 1_700_000_001_000,
    })
    expect(blame.evidence).toBe(item.interaction.turns[1].text.slice(blame.span_start, blame.span_end))
    expect(rows.result).toMatchObject({
      tenant: 'acme',
      interaction_id: 'c1',
      channel: 'wechat',
      flagged: 1,
      auto_failed: 1,
      score: 0,
      max_severity: 'critical',
    })
    expect(rows.result.flag_checks).toEqual(expect.arrayContaining(['blame', 'forbidden_words']))
    expect(Object.keys(JSON.parse(rows.result.checks))).toContain('greeting')
  })

  it('stores the predicted CSAT and the survey answers beside it', () => {
    expect(rows.result.csat_predicted).toBe(result.csat_predicted)
    expect(rows.result).toMatchObject({ survey_nps: null, survey_csat: null })
    const surveyed = { ...item, interaction: { ...item.interaction, survey: { nps: 3, csat: 2 } } }
    expect(qaRows(surveyed, scoreInteraction(surveyed.interaction), 1).result).toMatchObject({
      survey_nps: 3,
      survey_csat: 2,
    })
  })

  it('publishes a live input and a critical alert for abusive language', () => {
    expect(liveInput(rows.result)).toEqual({
      tenant: 'acme',
      interaction_id: 'c1',
      ts: 1_700_000_001_000,
      score: 0,
      flagged: true,
      sentiment: rows.result.sentiment_customer,
      queue: 'repair',
      agent_id: 'a7',
    })
    const alert = severeAlert(rows.result, rows.flags)!
    expect(alert).toMatchObject({ tenant: 'acme', id: 'qa:c1', severity: 'critical', source: 'qa' })
    expect(alert.text).toContain('forbidden_words')
    expect(
      severeAlert(
        rows.result,
        rows.flags.filter((f) => f.severity !== 'critical'),
      ),
    ).toBeNull()
  })

  it('does not flag a clean chat', () => {
    const clean = scoreInteraction({
      interaction_id: 'c2',
      turns: [
        { role: 'customer', text: '你好' },
        { role: 'agent', text: '您好，很高兴为您服务，请问有什么可以帮您？' },
        { role: 'customer', text: '好的，谢谢' },
        { role: 'agent', text: '感谢您的耐心，祝您生活愉快' },
      ],
    })
    expect(isFlagged(clean)).toBe(false)
  })

  it('inserts results before flags', async () => {
    const calls: string[] = []
    const wh = { insert: async (table: string) => void calls.push(table) } as unknown as Warehouse
    await storeQaRows(wh, [rows])
    expect(calls).toEqual(['qa_results', 'qa_flags'])
    await storeQaRows(wh, [])
    expect(calls.length).toBe(2)
  })
})
