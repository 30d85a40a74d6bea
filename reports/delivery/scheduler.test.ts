/**
 * The schedule calendar and the delivery engine on a fake clock: each tick is a `now` passed in, a restart is a new
 * engine on the same record, so days of schedule run in milliseconds.
 */
import { describe, expect, it } from 'vitest'
import { nextOccurrence, occurrenceOn, occurrencesBetween } from './calendar.js'
import { createDelivery, type DeliveryOptions } from './delivery.js'
import { dayOfDate } from '../../kits/time/index.js'
import type { ReportMail } from './mail.js'
import type { Schedule } from './schedules.js'
import { memoryLedger, type MemoryLedger } from './test-helpers/memory-ledger.js'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const at = (iso: string) => Date.parse(iso)

function schedule(over: Partial<Schedule> = {}): Schedule {
  return {
    id: 'exec-daily',
    tenant: 'acme',
    period: 'daily',
    recipients: ['ceo@example.com'],
    atMinutes: 8 * 60,
    timeZone: 'Asia/Shanghai',
    lang: 'zh',
    formats: ['pdf', 'xlsx'],
    ...over,
  }
}

describe('calendar', () => {
  it('daily at 08:00 Shanghai covers the day before; weekly on Mondays the week before; monthly on the 1st', () => {
    const daily = occurrenceOn(schedule(), dayOfDate(2026, 3, 2))!
    expect(new Date(daily.dueAt).toISOString()).toBe('2026-03-02T00:00:00.000Z')
    expect([daily.periodStart, daily.periodEnd, daily.key]).toEqual([
      '2026-03-01',
      '2026-03-01',
      'acme.exec-daily.2026-03-01',
    ])

    const weekly = schedule({ id: 'w', period: 'weekly' })
    expect(occurrenceOn(weekly, dayOfDate(2026, 3, 1))).toBeUndefined() // a Sunday
    const monday = occurrenceOn(weekly, dayOfDate(2026, 3, 2))!
    expect([monday.periodStart, monday.periodEnd]).toEqual(['2026-02-23', '2026-03-01'])

    const monthly = schedule({ id: 'm', period: 'monthly' })
    expect(occurrenceOn(monthly, dayOfDate(2026, 3, 2))).toBeUndefined()
    const march = occurrenceOn(monthly, dayOfDate(2026, 3, 1))!
    expect([march.periodStart, march.periodEnd]).toEqual(['2026-02-01', '2026-02-28'])
    const january = occurrenceOn(monthly, dayOfDate(2026, 1, 1))!
    expect([january.periodStart, january.periodEnd]).toEqual(['2025-12-01', '2025-12-31'])
    expect(new Date(january.dueAt).toISOString()).toBe('2026-01-01T00:00:00.000Z')
  })

  it('keeps 08:00 local across the DST changes in Europe/Berlin', () => {
    const berlin = schedule({ timeZone: 'Europe/Berlin' })
    const due = (m: number, d: number) => new Date(occurrenceOn(berlin, dayOfDate(2026, m, d))!.dueAt).toISOString()
    // Summer time starts on 29 March 2026 and ends on 25 October 2026.
    expect(due(3, 28)).toBe('2026-03-28T07:00:00.000Z')
    expect(due(3, 29)).toBe('2026-03-29T06:00:00.000Z')
    expect(due(3, 30)).toBe('2026-03-30T06:00:00.000Z')
    expect(due(10, 24)).toBe('2026-10-24T06:00:00.000Z')
    expect(due(10, 25)).toBe('2026-10-25T07:00:00.000Z')
    // 02:30 does not exist on the spring-forward night: it goes out at 03:30 summer time.
    const early = schedule({ timeZone: 'Europe/Berlin', atMinutes: 150 })
    expect(new Date(occurrenceOn(early, dayOfDate(2026, 3, 29))!.dueAt).toISOString()).toBe('2026-03-29T01:30:00.000Z')
  })

  it('lists the sends between two instants, oldest first, and the next one', () => {
    const s = schedule({ period: 'weekly', id: 'w' })
    const keys = occurrencesBetween(s, at('2026-02-01T00:00:00Z'), at('2026-03-02T00:00:00Z')).map((o) => o.periodStart)
    // Mondays 2026-02-02, 09, 16, 23 and 2026-03-02 at 08:00 Shanghai (00:00 UTC, the upper bound included).
    expect(keys).toEqual(['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'])
    expect(new Date(nextOccurrence(s, at('2026-03-02T00:00:00Z')).dueAt).toISOString()).toBe('2026-03-09T00:00:00.000Z')
  })
})

/** An engine with a recording send; `restart()` is a new engine on the same record. */
function harness(schedules: Schedule[], over: Partial<DeliveryOptions> = {}, ledger: MemoryLedger = memoryLedger()) {
  const sent: { mail: ReportMail; now: number }[] = []
  const rendered: string[] = []
  let clock = 0
  let failNext = 0
  const make = () =>
    createDelivery({
      schedules,
      ledger,
      messageIdDomain: 'example.com',
      render: async (tenant, period, date, format) => {
        rendered.push(`${tenant}/${period}/${date}/${format}`)
        return Buffer.from(`${format} of ${date}`)
      },
      send: async (mail) => {
        if (failNext > 0) {
          failNext--
          throw new Error('550 5.7.1 relaying denied')
        }
        sent.push({ mail, now: clock })
        return { accepted: mail.to, rejected: [] }
      },
      ...over,
    })
  let engine = make()
  return {
    ledger,
    sent,
    rendered,
    failTimes: (n: number) => void (failNext = n),
    tick: (now: number) => engine.tick((clock = now)),
    health: (now: number) => engine.health(now),
    restart: () => void (engine = make()),
  }
}

describe('delivery engine', () => {
  it('sends a report missed while down once, at start, and does not repeat it after a restart', async () => {
    const h = harness([schedule()])
    await h.tick(at('2026-03-01T12:00:00Z')) // first start: 20:00 Shanghai, nothing due yet
    expect(h.sent).toHaveLength(0)
    // Down from 20:00 to 09:30 the next day, across 08:00 (00:00 UTC).
    h.restart()
    await h.tick(at('2026-03-02T01:30:00Z'))
    expect(h.sent.map((s) => s.mail.subject)).toEqual(['服务日报 · acme · 2026-03-01'])
    // Restarted again, and again: the record says it went out.
    for (const later of [1, 2]) {
      h.restart()
      await h.tick(at('2026-03-02T01:30:00Z') + later * MIN)
    }
    expect(h.sent).toHaveLength(1)
    expect(h.ledger.sends.get('acme.exec-daily.2026-03-01')!.record).toMatchObject({ state: 'sent', attempts: 1 })
  })

  it('catches up each day missed during a long downtime, and a weekly report between them, each once', async () => {
    const h = harness([schedule(), schedule({ id: 'exec-weekly', period: 'weekly' })])
    await h.tick(at('2026-02-27T12:00:00Z')) // Friday evening
    h.restart()
    await h.tick(at('2026-03-03T04:00:00Z')) // Tuesday noon
    expect(h.sent.map((s) => s.mail.messageId)).toEqual([
      '<acme.exec-daily.2026-02-27.report@example.com>',
      '<acme.exec-daily.2026-02-28.report@example.com>',
      '<acme.exec-daily.2026-03-01.report@example.com>',
      '<acme.exec-daily.2026-03-02.report@example.com>',
      '<acme.exec-weekly.2026-02-23.report@example.com>',
    ])
    h.restart()
    await h.tick(at('2026-03-03T05:00:00Z'))
    expect(h.sent).toHaveLength(5)
  })

  it('runs on the local clock over days of ticks in Europe/Berlin across the spring-forward night', async () => {
    const h = harness([schedule({ timeZone: 'Europe/Berlin' })])
    for (let t = at('2026-03-27T12:00:00Z'); t <= at('2026-03-30T12:00:00Z'); t += 15 * MIN) await h.tick(t)
    expect(h.sent.map((s) => [new Date(s.now).toISOString(), s.mail.subject])).toEqual([
      ['2026-03-28T07:00:00.000Z', '服务日报 · acme · 2026-03-27'],
      ['2026-03-29T06:00:00.000Z', '服务日报 · acme · 2026-03-28'],
      ['2026-03-30T06:00:00.000Z', '服务日报 · acme · 2026-03-29'],
    ])
  })

  it('does not send the past of a new schedule', async () => {
    const h = harness([schedule()])
    await h.tick(at('2026-03-02T01:00:00Z')) // first seen at 09:00 Shanghai, an hour after today's send time
    expect(h.sent).toHaveLength(0)
    await h.tick(at('2026-03-03T00:00:00Z'))
    expect(h.sent.map((s) => s.mail.subject)).toEqual(['服务日报 · acme · 2026-03-02'])
  })

  it('renders every format and attaches it', async () => {
    const h = harness([schedule({ lang: 'en', period: 'monthly', id: 'm' })])
    await h.tick(at('2026-02-20T00:00:00Z'))
    await h.tick(at('2026-03-01T00:00:00Z'))
    expect(h.rendered).toEqual(['acme/monthly/2026-02-01/pdf', 'acme/monthly/2026-02-01/xlsx'])
    const mail = h.sent[0].mail
    expect(mail.subject).toBe('Monthly service report · acme · 2026-02')
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([
      ['mofang-acme-monthly-2026-02-01.pdf', 'application/pdf', 'pdf of 2026-02-01'],
      [
        'mofang-acme-monthly-2026-02-01.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'xlsx of 2026-02-01',
      ],
    ])
  })

  it('retries a refused send with exponential backoff, capped, and reports it in health', async () => {
    const h = harness([schedule()], { retry: { initialMs: MIN, maxMs: 4 * MIN } })
    const due = at('2026-03-02T00:00:00Z')
    await h.tick(due - HOUR)
    h.failTimes(4)
    const attempts: number[] = []
    for (let m = 0; m <= 20; m++) {
      const before = h.ledger.sends.get('acme.exec-daily.2026-03-01')?.record.attempts ?? 0
      await h.tick(due + m * MIN)
      if ((h.ledger.sends.get('acme.exec-daily.2026-03-01')?.record.attempts ?? 0) > before) attempts.push(m)
      if (m === 0) {
        const health = h.health(due)
        expect(health.state).toBe('retrying')
        expect(health.last_failure).toMatchObject({ schedule: 'exec-daily', reason: '550 5.7.1 relaying denied' })
        expect(health.pending).toEqual([
          {
            schedule: 'exec-daily',
            tenant: 'acme',
            period_start: '2026-03-01',
            attempts: 1,
            next_attempt: new Date(due + MIN).toISOString(),
            last_error: '550 5.7.1 relaying denied',
          },
        ])
        expect(health.next_attempt).toBe(new Date(due + MIN).toISOString())
      }
    }
    // Waits of 1, 2, 4 and 4 (the cap) minutes, then the fifth attempt goes through.
    expect(attempts).toEqual([0, 1, 3, 7, 11])
    expect(h.sent).toHaveLength(1)
    const health = h.health(due + 20 * MIN)
    expect(health.state).toBe('idle')
    expect(health.pending).toEqual([])
    expect(health.last_success).toMatchObject({ schedule: 'exec-daily', period_start: '2026-03-01', recipients: 1 })
  })

  it('keeps the backoff across a restart: the record says when the next attempt is due', async () => {
    const h = harness([schedule()], { retry: { initialMs: 10 * MIN } })
    const due = at('2026-03-02T00:00:00Z')
    await h.tick(due - HOUR)
    h.failTimes(1)
    await h.tick(due)
    h.restart()
    await h.tick(due + 5 * MIN)
    expect(h.sent).toHaveLength(0)
    expect(h.health(due + 5 * MIN).pending).toHaveLength(1)
    await h.tick(due + 10 * MIN)
    expect(h.sent).toHaveLength(1)
  })

  it('sends again, with the same Message-ID, only after a crash between the send and its record', async () => {
    const ledger = memoryLedger()
    const crashing = harness([schedule()], {}, ledger)
    const due = at('2026-03-02T00:00:00Z')
    await crashing.tick(due - HOUR)
    // The server takes the message, then the record cannot be written: as if the process died right there.
    const h = harness(
      [schedule()],
      {
        send: async (mail) => {
          ledger.down = true
          crashing.sent.push({ mail, now: due })
          return { accepted: mail.to, rejected: [] }
        },
      },
      ledger,
    )
    await h.tick(due)
    ledger.down = false
    expect(ledger.sends.get('acme.exec-daily.2026-03-01')!.record.state).toBe('sending')
    // A new process: the claim is young (its owner may still be sending), then older than the lease.
    crashing.restart()
    await crashing.tick(due + MIN)
    expect(crashing.sent).toHaveLength(1)
    await crashing.tick(due + 11 * MIN)
    expect(crashing.sent.map((s) => s.mail.messageId)).toEqual([
      '<acme.exec-daily.2026-03-01.report@example.com>',
      '<acme.exec-daily.2026-03-01.report@example.com>',
    ])
    expect(ledger.sends.get('acme.exec-daily.2026-03-01')!.record).toMatchObject({ state: 'sent', attempts: 2 })
  })

  it('lets one of two instances on the same record send', async () => {
    const ledger = memoryLedger()
    const a = harness([schedule()], {}, ledger)
    const b = harness([schedule()], {}, ledger)
    const due = at('2026-03-02T00:00:00Z')
    await a.tick(due - HOUR)
    await Promise.all([a.tick(due), b.tick(due)])
    expect(a.sent.length + b.sent.length).toBe(1)
  })

  it('gives up a send still failing past the catch-up horizon, and keeps running while the record is down', async () => {
    const logs: string[] = []
    const h = harness([schedule()], {
      maxAgeMs: 2 * DAY,
      retry: { initialMs: HOUR, maxMs: HOUR },
      log: (l) => logs.push(l),
    })
    const due = at('2026-03-02T00:00:00Z')
    await h.tick(due - HOUR)
    h.failTimes(1000)
    for (let t = due; t <= due + 2 * DAY + 2 * HOUR; t += HOUR) await h.tick(t)
    const health = h.health(due + 2 * DAY + 2 * HOUR)
    expect(health.given_up).toBe(1)
    expect(logs).toContain(
      'report delivery: acme.exec-daily.2026-03-01 given up after 49 attempts (older than the catch-up horizon)',
    )
    expect(h.ledger.sends.get('acme.exec-daily.2026-03-01')!.record.state).toBe('expired')

    h.ledger.down = true
    await expect(h.tick(due + 3 * DAY)).resolves.toBeUndefined()
    expect(h.health(due + 3 * DAY).last_failure?.reason).toBe('delivery record: no responders available')
  })

  it('a down horizon: after ten days away only the last seven days of reports go out', async () => {
    const h = harness([schedule()])
    await h.tick(at('2026-02-01T12:00:00Z'))
    h.restart()
    await h.tick(at('2026-02-11T12:00:00Z'))
    expect(h.sent.map((s) => s.mail.subject.slice(-10))).toEqual([
      '2026-02-04',
      '2026-02-05',
      '2026-02-06',
      '2026-02-07',
      '2026-02-08',
      '2026-02-09',
      '2026-02-10',
    ])
  })
})
