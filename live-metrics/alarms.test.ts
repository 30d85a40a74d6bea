/**
 * The alarm evaluator on snapshots of the real engine, with fake time: a queue's longest wait grows with `now`
 * while a call waits, and stops when it is answered, so the condition turns on and off exactly when the test says.
 */
import { describe, expect, it } from 'vitest'
import type { AlarmChange, AlarmRule, Snapshot } from '../core/contracts/index.js'
import { createLiveMetrics } from './engine.js'
import { createAlarmEvaluator, type RuleSet } from './alarms.js'
import { alarmText, ruleRows } from './alarms-values.js'
import { ev, s } from './test-helpers/events.js'
import type { StoredEvent } from '../core/events.js'

const longWait: AlarmRule = {
  id: 'long-wait',
  metric: 'longest_wait_s',
  scope: { kind: 'queue', name: '*' },
  op: 'above',
  threshold: 60,
  for_s: 30,
  clear_s: 60,
  severity: 'warning',
}
const wall = (...rules: AlarmRule[]): RuleSet[] => [{ owner: 'voice', rules }]

/** A centre whose `events` happen at their ts: `at(seconds)` is its snapshot then, with the events up to then. */
function centre(events: StoredEvent[]) {
  const m = createLiveMetrics({ timeZone: 'UTC', retentionMs: 25 * 3_600_000 })
  const due = [...events]
  return {
    add: (...more: StoredEvent[]) => due.push(...more),
    at(seconds: number): Snapshot {
      for (const e of due.filter((e) => e.ts <= s(seconds))) {
        m.apply(e)
        due.splice(due.indexOf(e), 1)
      }
      return m.snapshot('acme', s(seconds))
    },
  }
}

/** Evaluates every `stepS` seconds from `fromS` to `toS`; answers the changes with the second they came at. */
function run(
  c: ReturnType<typeof centre>,
  sets: RuleSet[],
  fromS: number,
  toS: number,
  stepS = 5,
  e = createAlarmEvaluator(),
) {
  const all: (AlarmChange & { at: number })[] = []
  for (let t = fromS; t <= toS; t += stepS) for (const ch of e.evaluate(c.at(t), sets, s(t))) all.push({ ...ch, at: t })
  // Raises, acknowledgements and ends; the value's updates apart.
  return { changes: all.filter((ch) => ch.change !== 'updated'), all, evaluator: e }
}

const offered = (id: string, at: number, queue = 'repair') => ev('voice.offered', s(at), { interaction_id: id, queue })
const answered = (id: string, at: number, queue = 'repair') =>
  ev('voice.answered', s(at), { interaction_id: id, queue, agent_id: 'a1', team: 'blue' })

describe('alarm evaluator', () => {
  it('raises only after the condition held for_s, once per rule and row', () => {
    // Waiting since 0: above 60 s from 61 s on; for_s 30 → raised at the first evaluation ≥ 91 s.
    const { changes } = run(centre([offered('c1', 0)]), wall(longWait), 0, 200)
    expect(changes.map((c) => [c.change, c.at, c.alarm.key])).toEqual([['raised', 95, 'voice:long-wait:queue:repair']])
    expect(changes[0].alarm).toMatchObject({ tenant: 'acme', owner: 'voice', row: 'queue:repair', value: 95 })
    expect(changes[0].alarm.started_at).toBe(s(95))
    expect(changes[0].alarm.text).toBe('Longest wait on queue repair 95 s > 60 s')
  })

  it('raises nothing for a blip shorter than for_s', () => {
    // Above 60 s from 61 s to 80 s (answered at 80): 20 s < for_s.
    const c = centre([offered('c1', 0), answered('c1', 80)])
    expect(run(c, wall(longWait), 0, 300).changes).toEqual([])
  })

  it('ends only after the condition was false for clear_s', () => {
    const c = centre([offered('c1', 0), answered('c1', 150)])
    const { changes } = run(c, wall(longWait), 0, 400)
    expect(changes.map((ch) => [ch.change, ch.at])).toEqual([
      ['raised', 95],
      ['ended', 210], // false from 150, clear_s 60
    ])
    expect(changes[1].alarm.ended_at).toBe(s(210))
    expect(changes[1].alarm.started_at).toBe(s(95))
  })

  // Call i is offered at 100·i and answered 140 s later: the longest wait is over 60 s in (100·i + 60, 100·i + 140],
  // with dips of 20 s between.
  const flapping = () =>
    centre([0, 1, 2, 3, 4].flatMap((i) => [offered(`c${i}`, 100 * i), answered(`c${i}`, 100 * i + 140)]))

  it('damps flapping: a condition off and on again within clear_s keeps one alarm', () => {
    const { changes } = run(flapping(), wall(longWait), 0, 800)
    expect(changes.map((ch) => [ch.change, ch.at])).toEqual([
      ['raised', 95],
      ['ended', 600], // the last call answered at 540, clear_s 60
    ])
  })

  it('without damping the same traffic raises and ends every time', () => {
    const { changes } = run(flapping(), wall({ ...longWait, for_s: 0, clear_s: 0 }), 0, 800)
    expect(changes.map((ch) => ch.change)).toEqual(Array(5).fill(['raised', 'ended']).flat())
  })

  it('keeps the acknowledgement until the end; the next alarm of the key starts unacknowledged', () => {
    const c = centre([offered('c1', 0), answered('c1', 150), offered('c2', 300)])
    const e = createAlarmEvaluator()
    run(c, wall(longWait), 0, 100, 5, e)
    const key = 'voice:long-wait:queue:repair'
    const acked = e.acknowledge('acme', key, 'lin', s(100))
    expect(acked).toMatchObject({ changed: true, alarm: { acknowledged_by: 'lin', acknowledged_at: s(100) } })
    expect(e.acknowledge('acme', key, 'wang', s(101))).toMatchObject({
      changed: false,
      alarm: { acknowledged_by: 'lin' },
    })
    expect(e.active('acme')[0].acknowledged_by).toBe('lin')
    const { changes } = run(c, wall(longWait), 105, 500, 5, e)
    expect(changes.map((ch) => [ch.change, ch.alarm.acknowledged_by])).toEqual([
      ['ended', 'lin'],
      ['raised', undefined],
    ])
    expect(e.acknowledge('acme', 'voice:nope:tenant', 'lin', s(500))).toBeUndefined()
  })

  it('expands a * scope over the rows: one alarm per queue, each on its own', () => {
    const c = centre([offered('c1', 0, 'repair'), offered('c2', 40, 'billing'), answered('c1', 200, 'repair')])
    const { changes, evaluator } = run(c, wall(longWait), 0, 180)
    expect(changes.map((ch) => [ch.change, ch.alarm.row, ch.at])).toEqual([
      ['raised', 'queue:repair', 95],
      ['raised', 'queue:billing', 135],
    ])
    expect(evaluator.active('acme').map((a) => a.row)).toEqual(['queue:billing', 'queue:repair'])
    // A named scope watches its row only.
    const named = { ...longWait, id: 'billing-wait', scope: { kind: 'queue' as const, name: 'billing' } }
    expect(run(c, wall(named), 0, 180).changes.map((ch) => ch.alarm.key)).toEqual(['voice:billing-wait:queue:billing'])
  })

  it('ends the alarms of a rule that was deleted, at once', () => {
    const c = centre([offered('c1', 0)])
    const { evaluator } = run(c, wall(longWait), 0, 100)
    expect(evaluator.evaluate(c.at(105), wall(), s(105)).map((ch) => [ch.change, ch.alarm.ended_at])).toEqual([
      ['ended', s(105)],
    ])
    expect(evaluator.active('acme')).toEqual([])
  })

  it('reports a changed value at most every updateEveryMs, and a changed rule at once', () => {
    const c = centre([offered('c1', 0)])
    const e = createAlarmEvaluator({ updateEveryMs: 60_000 })
    const { all: changes } = run(c, wall(longWait), 0, 200, 5, e)
    expect(changes.map((ch) => [ch.change, ch.at, ch.alarm.value])).toEqual([
      ['raised', 95, 95],
      ['updated', 155, 155],
    ])
    const critical = { ...longWait, severity: 'critical' as const }
    expect(e.evaluate(c.at(201), wall(critical), s(201)).map((ch) => [ch.change, ch.alarm.severity])).toEqual([
      ['updated', 'critical'],
    ])
  })

  it('takes back stored alarms after a restart and ends them once clear', () => {
    const c = centre([offered('c1', 0), answered('c1', 150)])
    const before = run(c, wall(longWait), 0, 120).evaluator.active('acme')
    const e = createAlarmEvaluator()
    e.restore([...before, { ...before[0], key: 'voice:old:tenant', ended_at: s(10) }])
    expect(e.active('acme')).toEqual(before)
    // Still over the threshold: nothing new, no second raise.
    expect(e.evaluate(c.at(125), wall(longWait), s(125))).toEqual([])
    const { changes } = run(c, wall(longWait), 130, 300, 5, e)
    expect(changes.map((ch) => [ch.change, ch.at, ch.alarm.started_at])).toEqual([['ended', 210, s(95)]])
  })

  it('reads no agents ready on a queue only while someone waits there', () => {
    const noAgents: AlarmRule = {
      id: 'no-agents',
      metric: 'agents_ready',
      scope: { kind: 'queue', name: '*' },
      op: 'below',
      threshold: 1,
      severity: 'critical',
    }
    const c = centre([
      ev('agent.login', s(0), { agent_id: 'a1', team: 'blue', skills: ['repair'] }),
      ev('agent.not_ready', s(1), { agent_id: 'a1', payload: { reason: 'lunch' } }),
      offered('c1', 10, 'repair'),
      answered('c1', 20, 'repair'),
      ev('voice.ended', s(25), { interaction_id: 'c1', queue: 'repair', agent_id: 'a1' }),
    ])
    expect(ruleRows(c.at(15), noAgents)).toEqual([{ row: 'queue:repair', value: 0 }])
    expect(ruleRows(c.at(28), noAgents)).toEqual([{ row: 'queue:repair', value: null }])
    c.add(ev('agent.ready', s(30), { agent_id: 'a1' }), offered('c2', 40, 'repair'))
    expect(ruleRows(c.at(45), noAgents)).toEqual([{ row: 'queue:repair', value: 1 }])
    const team = { ...noAgents, scope: { kind: 'team' as const, name: 'blue' } }
    expect(ruleRows(c.at(45), team)).toEqual([{ row: 'team:blue', value: 1 }])
  })

  it('words the alarm with the window of a windowed metric', () => {
    const sl: AlarmRule = { ...longWait, metric: 'sl_pct', op: 'below', threshold: 80, scope: { kind: 'tenant' } }
    expect(alarmText(sl, 'tenant', 62.345)).toBe('SL 30m on the centre 62.3 % < 80 %')
    expect(alarmText({ ...sl, window: '15m' }, 'channel:voice', null)).toBe('SL 15m on channel voice – < 80 %')
  })
})
