/**
 * The delivery engine: on each tick it works out which sends are due, claims each in the durable record, renders
 * the attachments, sends, and records the outcome. Pure of clocks and timers (the service drives `tick(now)`), so
 * tests run days of schedule in a few calls.
 *
 * Guarantees, given the record (ledger.ts):
 * - **No send skipped by downtime.** Every send due since the schedule was first seen, and within the catch-up
 *   horizon (`maxAgeMs`, 7 days), goes out at the next tick: a start after a weekend down sends each missed daily
 *   report, once.
 * - **No send repeated by a restart.** A send is claimed (compare-and-set) before it starts and recorded as sent
 *   once the SMTP server accepts it; a later tick, or another instance, skips it. Stopping waits for a send in
 *   progress to be recorded.
 * - **At least once across a crash.** A process killed after the server accepted a message but before recording it
 *   leaves a claim; once that claim is older than `leaseMs` the send is tried again, with the same Message-ID, so
 *   the copy is recognisably the same message. A crash is the only way to get a second copy.
 * - **Failures are retried** with exponential backoff (1 min doubling to 30 min), whatever failed: rendering, the
 *   SMTP server refusing or unreachable, the record. Past the catch-up horizon a send is given up and recorded as
 *   expired. Nothing here throws into the caller: the system keeps running, and health() reports it.
 */
import { randomBytes } from 'node:crypto'
import { nextOccurrence, occurrencesBetween, type Occurrence } from './calendar.js'
import type { DeliveryLedger, DeliveryRecord, LedgerEntry } from './ledger.js'
import { messageIdOf, reportMail } from './mail.js'
import type { ReportFormat, ReportPeriod } from '../../core/contracts/index.js'
import type { AttachmentFormat, MailLanguage, Schedule } from './schedules.js'
import type { SendMail } from './smtp.js'

/**
 * Renders one report file (the reports part's export): `date` is the first local day of the period, YYYY-MM-DD; the
 * format is one of a schedule's attachments (pdf, xlsx, csv).
 */
/** The report's file in `format`, its labels in `lang` (the schedule's language). */
export type RenderReport = (
  tenant: string,
  period: ReportPeriod,
  date: string,
  format: ReportFormat,
  lang: MailLanguage,
) => Promise<Buffer>

export interface BackoffOptions {
  /** Wait after the first failure, ms. Default 60 000. */
  initialMs?: number
  /** Longest wait, ms. Default 1 800 000 (30 min). */
  maxMs?: number
}

export interface DeliveryOptions {
  schedules: readonly Schedule[]
  ledger: DeliveryLedger
  render: RenderReport
  send: SendMail
  /** The right-hand side of Message-IDs (the sender's domain). */
  messageIdDomain: string
  retry?: BackoffOptions
  /** Sends due longer ago than this are neither caught up nor retried, ms. Default 7 days. */
  maxAgeMs?: number
  /** A claim older than this belongs to a process that died mid-send: the send is tried again, ms. Default 10 min. */
  leaseMs?: number
  /** Names this instance in its claims. Default random. */
  owner?: string
  log?: (msg: string) => void
}

/** One send that has failed and waits for its next attempt. */
export interface PendingSend {
  schedule: string
  tenant: string
  period_start: string
  attempts: number
  next_attempt: string
  last_error: string
}

/** The engine's state for /healthz. */
export interface DeliveryHealth {
  /** idle: nothing owed; retrying: some sends failed and wait for their next attempt. */
  state: 'idle' | 'retrying'
  schedules: number
  last_success: { at: string; schedule: string; tenant: string; period_start: string; recipients: number } | null
  last_failure: { at: string; schedule: string; tenant: string; period_start: string; reason: string } | null
  /** The next time the engine will send: the earliest retry or due send. */
  next_attempt: string | null
  pending: PendingSend[]
  /** Sends given up since start (older than the catch-up horizon while still failing). */
  given_up: number
}

export interface Delivery {
  /** Sends what is due at `now`; resolves when every attempt of this tick is recorded. Never rejects. */
  tick(now: number): Promise<void>
  health(now: number): DeliveryHealth
}

const DAY_MS = 86_400_000
const iso = (ms: number): string => new Date(ms).toISOString()
const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export function createDelivery(opts: DeliveryOptions): Delivery {
  const { ledger, log = () => {} } = opts
  const initialMs = opts.retry?.initialMs ?? 60_000
  const maxMs = opts.retry?.maxMs ?? 1_800_000
  const maxAgeMs = opts.maxAgeMs ?? 7 * DAY_MS
  const leaseMs = opts.leaseMs ?? 600_000
  const owner = opts.owner ?? randomBytes(6).toString('hex')
  /** Sends recorded as done (sent or expired): not read again. */
  const done = new Set<string>()
  /** Sends that failed and wait, by key. */
  const pending = new Map<string, { occurrence: Occurrence; record: DeliveryRecord }>()
  let lastSuccess: DeliveryHealth['last_success'] = null
  let lastFailure: DeliveryHealth['last_failure'] = null
  let givenUp = 0

  const backoff = (attempts: number) => Math.min(maxMs, initialMs * 2 ** (attempts - 1))

  const failed = (o: Occurrence, reason: string, now: number) => {
    const { id, tenant } = o.schedule
    lastFailure = { at: iso(now), schedule: id, tenant, period_start: o.periodStart, reason }
  }

  /** What to do about one due send, given its record. */
  function decide(entry: LedgerEntry | undefined, now: number): 'done' | 'wait' | 'attempt' {
    if (!entry) return 'attempt'
    const r = entry.record
    if (r.state === 'sent' || r.state === 'expired') return 'done'
    if (r.state === 'retrying') return (r.next_attempt_at ?? 0) <= now ? 'attempt' : 'wait'
    return now - r.updated_at >= leaseMs ? 'attempt' : 'wait'
  }

  async function attempt(o: Occurrence, entry: LedgerEntry | undefined, now: number): Promise<void> {
    const attempts = (entry?.record.attempts ?? 0) + 1
    const messageId = messageIdOf(o, opts.messageIdDomain)
    const claim: DeliveryRecord = { state: 'sending', attempts, updated_at: now, owner, message_id: messageId }
    const revision = await ledger.swap(o.key, claim, entry?.revision ?? 0)
    if (revision === false) return // another instance claimed it first
    let record: DeliveryRecord
    try {
      const files = new Map<AttachmentFormat, Buffer>()
      for (const format of o.schedule.formats) {
        try {
          files.set(
            format,
            await opts.render(o.schedule.tenant, o.schedule.period, o.periodStart, format, o.schedule.lang),
          )
        } catch (err) {
          throw new Error(`rendering the ${format.toUpperCase()}: ${reasonOf(err)}`, { cause: err })
        }
      }
      const result = await opts.send(reportMail(o, files, opts.messageIdDomain))
      record = { ...claim, state: 'sent', updated_at: now, accepted: result.accepted, rejected: result.rejected }
      pending.delete(o.key)
      done.add(o.key)
      const { id, tenant } = o.schedule
      lastSuccess = {
        at: iso(now),
        schedule: id,
        tenant,
        period_start: o.periodStart,
        recipients: result.accepted.length,
      }
      log(`report delivery: ${o.key} sent to ${result.accepted.length} recipient(s) (attempt ${attempts})`)
      // The server took the message but refused some addresses: reported, not resent (the others have it).
      if (result.rejected.length) failed(o, `recipients refused: ${result.rejected.join(', ')}`, now)
    } catch (err) {
      const reason = reasonOf(err)
      const next = now + backoff(attempts)
      record = { ...claim, state: 'retrying', last_error: reason, next_attempt_at: next }
      pending.set(o.key, { occurrence: o, record })
      failed(o, reason, now)
      log(`report delivery: ${o.key} attempt ${attempts} failed (${reason}); next attempt at ${iso(next)}`)
    }
    await ledger.swap(o.key, record, revision)
  }

  /** Sends still failing when they left the catch-up horizon: recorded as expired, counted, logged. */
  async function expire(stillDue: Set<string>, now: number): Promise<void> {
    for (const [key, { occurrence, record }] of pending) {
      if (stillDue.has(key)) continue
      pending.delete(key)
      givenUp++
      const entry = await ledger.get(key)
      if (entry && entry.record.state !== 'sent')
        await ledger.swap(key, { ...entry.record, state: 'expired', updated_at: now }, entry.revision)
      failed(occurrence, `given up after ${record.attempts} attempts: ${record.last_error}`, now)
      log(`report delivery: ${key} given up after ${record.attempts} attempts (older than the catch-up horizon)`)
    }
  }

  async function tickSchedule(schedule: Schedule, now: number, stillDue: Set<string>): Promise<void> {
    const since = await ledger.firstSeen(`${schedule.tenant}.${schedule.id}`, now)
    for (const o of occurrencesBetween(schedule, Math.max(since, now - maxAgeMs), now)) {
      stillDue.add(o.key)
      if (done.has(o.key)) continue
      const entry = await ledger.get(o.key)
      const step = decide(entry, now)
      if (step === 'done') done.add(o.key)
      else if (step === 'attempt') await attempt(o, entry, now)
      else if (entry?.record.state === 'retrying') pending.set(o.key, { occurrence: o, record: entry.record })
    }
  }

  return {
    async tick(now) {
      const stillDue = new Set<string>()
      let complete = true
      for (const schedule of opts.schedules) {
        try {
          await tickSchedule(schedule, now, stillDue)
        } catch (err) {
          // The record cannot be read or written (NATS down): nothing is sent unrecorded; the next tick tries again.
          complete = false
          const reason = `delivery record: ${reasonOf(err)}`
          lastFailure = { at: iso(now), schedule: schedule.id, tenant: schedule.tenant, period_start: '', reason }
          log(`report delivery: ${schedule.tenant}/${schedule.id}: ${reason}`)
        }
      }
      // Only a tick that saw every schedule knows which sends left the horizon.
      if (complete)
        await expire(stillDue, now).catch((err) => log(`report delivery: recording an expired send: ${reasonOf(err)}`))
    },
    health(now) {
      const waits = [...pending.values()].map((p) => p.record.next_attempt_at ?? now)
      const dues = opts.schedules.map((s) => nextOccurrence(s, now).dueAt)
      const next = Math.min(...waits, ...dues)
      return {
        state: pending.size ? 'retrying' : 'idle',
        schedules: opts.schedules.length,
        last_success: lastSuccess,
        last_failure: lastFailure,
        next_attempt: Number.isFinite(next) ? iso(next) : null,
        pending: [...pending.values()].map(({ occurrence: o, record: r }) => ({
          schedule: o.schedule.id,
          tenant: o.schedule.tenant,
          period_start: o.periodStart,
          attempts: r.attempts,
          next_attempt: iso(r.next_attempt_at ?? now),
          last_error: r.last_error ?? '',
        })),
        given_up: givenUp,
      }
    },
  }
}
