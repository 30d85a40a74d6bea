/**
 * The durable record of report sends: one entry per send (`<tenant>.<schedule>.<period start>`), plus when each
 * schedule was first seen. Kept in a NATS KV bucket rather than a ClickHouse table, because:
 *
 * - every write is compare-and-set (`create`, `update` at a revision): before sending, an instance claims the send,
 *   so two Mofang processes on one NATS never both send it, and a claim is read back at once (ClickHouse has no
 *   unique keys, and a ReplacingMergeTree settles duplicates only on merge);
 * - it lives with the streams, like the identity map (ingest/identity.ts), so delivery needs nothing more to run;
 * - it is tiny: about 430 entries a year per schedule, so the bucket keeps them all (no TTL) for the audit trail.
 */
import type { KV } from '@nats-io/kv'

/** What happened to one send. */
export interface DeliveryRecord {
  /**
   * sending: claimed by `owner`, in progress (or its process died mid-send: see DeliveryOptions.leaseMs);
   * retrying: the last attempt failed, the next is due at `next_attempt_at`; sent: the server accepted it;
   * expired: still unsent when it grew older than the catch-up horizon, given up.
   */
  state: 'sending' | 'retrying' | 'sent' | 'expired'
  /** Attempts so far, this one included. */
  attempts: number
  /** When the record was written, ms since the epoch. */
  updated_at: number
  /** The instance that claimed the send. */
  owner?: string
  message_id?: string
  /** The last failure, for retrying and expired sends. */
  last_error?: string
  next_attempt_at?: number
  /** Addresses the SMTP server took and refused, for sent ones. */
  accepted?: string[]
  rejected?: string[]
}

export interface LedgerEntry {
  record: DeliveryRecord
  /** Pass back to swap() to write over exactly this version. */
  revision: number
}

/** The durable record the delivery engine reads and claims sends in. */
export interface DeliveryLedger {
  /** When the schedule was first seen; the first call records `now`. */
  firstSeen(scheduleKey: string, now: number): Promise<number>
  get(key: string): Promise<LedgerEntry | undefined>
  /**
   * Writes `record` if the entry is still at `revision` (0: absent). Resolves with the new revision, or false when
   * another writer got there first; rejects when the store cannot be reached.
   */
  swap(key: string, record: DeliveryRecord, revision: number): Promise<number | false>
}

const encode = (v: unknown): string => JSON.stringify(v)

/** The ledger in a NATS KV bucket (opened by the service: reportDeliveryService). */
export function kvLedger(kv: KV): DeliveryLedger {
  const entry = async (key: string) => {
    const e = await kv.get(key)
    return e && e.operation === 'PUT' ? e : undefined
  }
  return {
    async firstSeen(scheduleKey, now) {
      const key = `since.${scheduleKey}`
      const known = await entry(key)
      if (known) return Number(known.string())
      try {
        await kv.create(key, String(now))
        return now
      } catch (err) {
        // Another instance recorded it first: theirs stands.
        const theirs = await entry(key)
        if (theirs) return Number(theirs.string())
        throw err
      }
    },
    async get(key) {
      const e = await entry(`send.${key}`)
      return e ? { record: e.json<DeliveryRecord>(), revision: e.revision } : undefined
    },
    async swap(key, record, revision) {
      const k = `send.${key}`
      try {
        return revision === 0 ? await kv.create(k, encode(record)) : await kv.update(k, encode(record), revision)
      } catch (err) {
        // A conflict leaves another revision in place; anything else (no answer) is the store's fault.
        const now = await entry(k)
        if ((now?.revision ?? 0) !== revision) return false
        throw err
      }
    },
  }
}
