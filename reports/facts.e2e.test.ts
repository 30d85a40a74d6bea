/**
 * The report metrics' SQL (sql/queries/report_facts.sql, through the daily rollup) on hand-made event sequences in
 * real chDB, each figure worked out by hand:
 *   - a call transferred from repair to billing, with a hold and two wraps;
 *   - the same customer back on WeChat two hours later, under another customer id until an identity merge joins
 *     them: first-contact resolution across two channels;
 *   - a ticket resolved, reopened and resolved again the next day;
 *   - surveys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportAnswer, ReportMetricId } from '../core/contracts/index.js'
import type { Warehouse } from '../core/index.js'
import { tempDir } from '../testing/env.js'
import { eventRows, insertEventRows } from '../warehouse/index.js'
import { localDay, parseDay, spanOf } from './period.js'
import { buildReport } from './report.js'
import { Rollups } from './rollups.js'
import { at, ev, TZ } from './test-helpers/events.js'
import { reportWarehouse } from './test-helpers/warehouse.js'

const T = 'facts'
const dir = tempDir('report-facts')
let wh: Warehouse
let rollups: Rollups

const agent = (id: string, team: string) => ({ agent_id: id, team, site: 'shanghai' })

const EVENTS = [
  // The call: queued 10 s after the offer, answered 15 s later (in SL), 30 s on hold, transferred at 10:03:00
  // to billing, answered there 20 s later, ended at 10:05:00. Wraps: 40 s and 30 s.
  ev(T, '2026-03-02 10:00:00', 'voice.offered', 'c1', { customer_id: 'cA', queue: 'repair' }),
  ev(T, '2026-03-02 10:00:10', 'voice.queued', 'c1', { customer_id: 'cA', queue: 'repair' }),
  ev(T, '2026-03-02 10:00:25', 'voice.answered', 'c1', { customer_id: 'cA', queue: 'repair', ...agent('ag1', 'T1') }),
  ev(T, '2026-03-02 10:01:00', 'voice.hold', 'c1', { customer_id: 'cA', ...agent('ag1', 'T1') }),
  ev(T, '2026-03-02 10:01:30', 'voice.unhold', 'c1', { customer_id: 'cA', ...agent('ag1', 'T1') }),
  ev(T, '2026-03-02 10:03:00', 'voice.transfer', 'c1', {
    customer_id: 'cA',
    ...agent('ag1', 'T1'),
    payload: { kind: 'warm', to_queue: 'billing' },
  }),
  ev(T, '2026-03-02 10:03:00', 'agent.wrap_up', 'c1', agent('ag1', 'T1')),
  ev(T, '2026-03-02 10:03:40', 'agent.ready', '', agent('ag1', 'T1')),
  ev(T, '2026-03-02 10:03:20', 'voice.answered', 'c1', { customer_id: 'cA', queue: 'billing', ...agent('ag2', 'T2') }),
  ev(T, '2026-03-02 10:05:00', 'voice.ended', 'c1', {
    customer_id: 'cA',
    ...agent('ag2', 'T2'),
    payload: { ended_by: 'customer' },
  }),
  ev(T, '2026-03-02 10:05:00', 'agent.wrap_up', 'c1', agent('ag2', 'T2')),
  ev(T, '2026-03-02 10:05:30', 'agent.ready', '', agent('ag2', 'T2')),
  ev(T, '2026-03-02 10:06:00', 'survey.csat', 'c1', {
    customer_id: 'cA',
    ...agent('ag2', 'T2'),
    payload: { score: 5 },
  }),
  // The same person on WeChat, known only by an openid (customer cB) until an agent asks for the phone: the merge
  // makes cB an alias of cA. Answered 15 s after the hand-over to an agent.
  ev(T, '2026-03-02 12:00:00', 'chat.started', 'c2', { customer_id: 'cB', queue: 'repair' }),
  ev(T, '2026-03-02 12:00:05', 'chat.transferred_to_agent', 'c2', { customer_id: 'cB', queue: 'repair' }),
  ev(T, '2026-03-02 12:00:20', 'chat.message', 'c2', {
    customer_id: 'cB',
    queue: 'repair',
    ...agent('ag3', 'T1'),
    payload: { role: 'agent', text: '您好，请问有什么可以帮您？' },
  }),
  ev(T, '2026-03-02 12:05:00', 'identity.identify', '', { channel: 'wechat', customer_id: 'cA', merged_from: ['cB'] }),
  ev(T, '2026-03-02 12:10:00', 'chat.ended', 'c2', {
    customer_id: 'cA',
    ...agent('ag3', 'T1'),
    payload: { ended_by: 'agent' },
  }),
  ev(T, '2026-03-02 12:11:00', 'survey.nps', 'c2', { customer_id: 'cA', ...agent('ag3', 'T1'), payload: { score: 6 } }),
  // A high-priority ticket (8 h target): first public agent reply after 30 min, resolved after 2 h, reopened,
  // resolved again the next morning (25 h after creation).
  ev(T, '2026-03-02 09:00:00', 'ticket.created', 'c3', {
    customer_id: 'cC',
    queue: 'repair',
    payload: { subject: '蓝屏 0x0000007B', priority: 'high', category: 'repair' },
  }),
  ev(T, '2026-03-02 09:10:00', 'ticket.assigned', 'c3', {
    customer_id: 'cC',
    ...agent('ag4', 'T4'),
    payload: { team: 'backoffice-repair' },
  }),
  ev(T, '2026-03-02 09:20:00', 'ticket.comment', 'c3', {
    customer_id: 'cC',
    ...agent('ag4', 'T4'),
    payload: { role: 'agent', text: '内部备注', public: false },
  }),
  ev(T, '2026-03-02 09:30:00', 'ticket.comment', 'c3', {
    customer_id: 'cC',
    ...agent('ag4', 'T4'),
    payload: { role: 'agent', text: '请重启试试', public: true },
  }),
  ev(T, '2026-03-02 11:00:00', 'ticket.resolved', 'c3', { customer_id: 'cC', ...agent('ag4', 'T4') }),
  ev(T, '2026-03-02 13:00:00', 'ticket.reopened', 'c3', { customer_id: 'cC', payload: { reason: '还是蓝屏' } }),
  ev(T, '2026-03-03 10:00:00', 'ticket.resolved', 'c3', { customer_id: 'cC', ...agent('ag4', 'T4') }),
]

beforeAll(async () => {
  wh = await reportWarehouse(dir.path)
  await insertEventRows(wh, [eventRows(EVENTS)])
  rollups = new Rollups(wh, { timeZone: TZ, repeatDays: 7 })
})
afterAll(async () => {
  await wh?.close()
  dir.remove()
})

const daily = (date: string, filters = {}): Promise<ReportAnswer> =>
  buildReport(wh, rollups, {
    tenant: T,
    span: spanOf('daily', localDay(Date.now(), TZ), { day: parseDay(date)! }),
    filters,
  })

const values = (r: ReportAnswer) =>
  Object.fromEntries(r.metrics.map((m) => [m.id, m.value])) as Record<ReportMetricId, number | null>

describe('report metrics on hand-made events', () => {
  it('a transferred call: each contact once, each leg handled, talk, hold and wrap per leg', async () => {
    const v = values(await daily('2026-03-02'))
    // Contacts: the call and the chat (tickets are not offered to the queues); legs: the call's two, the chat.
    expect(v.offered).toBe(2)
    expect(v.handled).toBe(3)
    expect(v.transfers_per_contact).toBe(0.5) // one transfer, two contacts answered
    // Waits: the call 15 s from voice.queued, the chat 15 s from the hand-over.
    expect(v.asa).toBe(15)
    expect(v.service_level).toBe(100)
    // Talk 125 s + 100 s + 580 s (the chat, 12:00:20 to 12:10:00), hold 30 s, wrap 40 s + 30 s, over 3 segments.
    expect(v.talk_time).toBe(Math.round((10 * (125 + 100 + 580)) / 3) / 10)
    expect(v.hold_time).toBe(10)
    expect(v.wrap_time).toBe(Math.round((10 * 70) / 3) / 10)
    expect(v.aht).toBe(Math.round((10 * (125 + 100 + 580 + 30 + 70)) / 3) / 10)
  })

  it('queue rows count every leg: billing offered the transferred call', async () => {
    const r = await daily('2026-03-02')
    const byQueue = r.metrics.find((m) => m.id === 'offered')!.breakdowns!.find((b) => b.by === 'queue')!.rows
    expect(Object.fromEntries(byQueue.map((x) => [x.key, x.value]))).toEqual({ repair: 2, billing: 1 })
    const billing = values(await daily('2026-03-02', { queue: 'billing' }))
    expect(billing.offered).toBe(1)
    expect(billing.asa).toBe(20) // from the transfer to the second answer
  })

  it('first-contact resolution follows the identity merge across voice and WeChat', async () => {
    const v = values(await daily('2026-03-02'))
    // Three contacts of known customers: the call (cA), the chat (cB, merged into cA), the ticket (cC).
    // The call was followed within 7 days by the chat, on another channel: not resolved, switched. The chat came
    // back after the call: a repeat contact. The ticket's customer never came back.
    expect(v.repeat_contact_rate).toBe(Math.round(1000 / 3) / 10)
    expect(v.fcr).toBe(Math.round(2000 / 3) / 10)
    expect(v.channel_switch_rate).toBe(Math.round(1000 / 3) / 10)
    // Handle time per distinct customer served: cA's three segments.
    expect(v.service_time_per_customer).toBe(125 + 100 + 580 + 30 + 70)
  })

  it('a reopened ticket: first response, two resolutions on two days, the reopen, the backlog in between', async () => {
    const first = values(await daily('2026-03-02'))
    expect(first.tickets_created).toBe(1)
    expect(first.ticket_first_response).toBe(0.5)
    expect(first.ticket_resolution_time).toBe(2)
    expect(first.ticket_reopen_rate).toBe(100)
    expect(first.ticket_backlog).toBe(1) // reopened at 13:00, still open at midnight
    expect(first.sla_breaches).toBe(0) // resolved 6 h before its 8 h deadline
    const second = values(await daily('2026-03-03'))
    expect(second.ticket_resolution_time).toBe(25)
    expect(second.ticket_backlog).toBe(0)
    expect(second.tickets_created).toBe(0)
  })

  it('surveys: CSAT, five-star rate and NPS', async () => {
    const v = values(await daily('2026-03-02'))
    expect(v.csat).toBe(100)
    expect(v.five_star_rate).toBe(100)
    expect(v.nps).toBe(-100) // one 6: a detractor
  })

  it('scorecards per agent and team, and the ticket reason', async () => {
    const r = await daily('2026-03-02')
    const ag1 = r.agents.find((a) => a.key === 'ag1')!
    expect(ag1.team).toBe('T1')
    expect(ag1.values.handled).toBe(1)
    expect(ag1.values.aht).toBe(125 + 30 + 40)
    expect(r.teams.map((t) => t.key).sort()).toEqual(['T1', 'T2'])
    expect(r.top.filter((t) => t.kind === 'reason').map((t) => [t.value, t.count])).toEqual([['repair', 3]])
  })

  it('an SLA breach counts on its deadline: a late event marks the day stale and the rollup is built again', async () => {
    const before = values(await daily('2026-03-04'))
    expect(before.sla_breaches).toBe(0)
    // An urgent ticket (4 h target) created late on the 3rd, never resolved: breached at 02:00 on the 4th.
    await insertEventRows(wh, [
      eventRows([
        ev(T, '2026-03-03 22:00:00', 'ticket.created', 'c4', {
          customer_id: 'cD',
          payload: { subject: 'x', priority: 'urgent' },
        }),
      ]),
    ])
    const after = await daily('2026-03-04')
    expect(values(after).sla_breaches).toBe(1)
    const byPriority = after.metrics.find((m) => m.id === 'sla_breaches')!.breakdowns![0].rows
    expect(byPriority.find((x) => x.key === 'urgent')!.value).toBe(1)
    expect(at('2026-03-04 02:00:00')).toBeGreaterThan(after.range.from_ms)
  })
})
