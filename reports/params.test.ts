import { describe, expect, it } from 'vitest'
import { BadRequest } from '../kits/http/index.js'
import { filtersParam, spanParam } from './params.js'
import { isoDate } from './period.js'

const TZ = 'Asia/Shanghai'
// 2026-03-04 10:00 in Shanghai, a Wednesday.
const NOW = Date.parse('2026-03-04T10:00:00+08:00')
const url = (q: string) => new URL(`http://x/?${q}`)

function refusal(fn: () => unknown): { field: string; reason: string } {
  try {
    fn()
  } catch (err) {
    if (err instanceof BadRequest) return { field: err.field!, reason: err.reason }
    throw err
  }
  throw new Error('not refused')
}

describe('report parameters', () => {
  it('defaults to the last complete period', () => {
    const span = (p: 'daily' | 'weekly' | 'monthly') => {
      const s = spanParam(url(''), p, NOW, TZ)
      return [isoDate(s.current.first), isoDate(s.current.last)]
    }
    expect(span('daily')).toEqual(['2026-03-03', '2026-03-03'])
    expect(span('weekly')).toEqual(['2026-02-23', '2026-03-01'])
    expect(span('monthly')).toEqual(['2026-02-01', '2026-02-28'])
  })

  it('refuses dates that are no dates, or in the future of the local calendar', () => {
    expect(refusal(() => spanParam(url('date=2026-13-01'), 'daily', NOW, TZ)).field).toBe('date')
    expect(refusal(() => spanParam(url('date=2026-03-05'), 'daily', NOW, TZ))).toEqual({
      field: 'date',
      reason: '2026-03-05 is in the future (today is 2026-03-04 in Asia/Shanghai)',
    })
    expect(spanParam(url('date=2026-03-04'), 'daily', NOW, TZ).toDate).toBe(true)
  })

  it('refuses a range too long for its granularity, naming the limit', () => {
    const r = refusal(() => spanParam(url('from=2025-01-01&to=2026-03-01'), 'weekly', NOW, TZ))
    expect(r.field).toBe('to')
    expect(r.reason).toMatch(/^a weekly report covers at most 53 weeks, asked for 61: use monthly/)
    expect(spanParam(url('from=2025-03-01&to=2026-03-01'), 'monthly', NOW, TZ).points).toHaveLength(13)
  })

  it('narrows only to channels, queues, teams and sites the tenant has', () => {
    const known = { queue: ['repair', '售后'], team: ['T1'], site: ['shanghai'] }
    expect(filtersParam(url('queue=%E5%94%AE%E5%90%8E&channel=voice'), known)).toEqual({
      queue: '售后',
      channel: 'voice',
    })
    expect(refusal(() => filtersParam(url('queue=billing'), known))).toEqual({
      field: 'queue',
      reason: 'unknown queue "billing" (known: repair, 售后)',
    })
    expect(refusal(() => filtersParam(url('channel=fax'), known)).field).toBe('channel')
  })
})
