/** The delivery record in memory, with the KV bucket's compare-and-set semantics: for the engine's unit tests. */
import type { DeliveryLedger, DeliveryRecord } from '../ledger.js'

export interface MemoryLedger extends DeliveryLedger {
  /** Every send entry, by key. */
  readonly sends: Map<string, { record: DeliveryRecord; revision: number }>
  /** While true, every read and write rejects, like a KV bucket whose NATS server is down. */
  down: boolean
}

export function memoryLedger(): MemoryLedger {
  const since = new Map<string, number>()
  const sends = new Map<string, { record: DeliveryRecord; revision: number }>()
  let revisions = 0
  const ledger: MemoryLedger = {
    sends,
    down: false,
    async firstSeen(key, now) {
      if (ledger.down) throw new Error('no responders available')
      if (!since.has(key)) since.set(key, now)
      return since.get(key)!
    },
    async get(key) {
      if (ledger.down) throw new Error('no responders available')
      const e = sends.get(key)
      return e && { record: structuredClone(e.record), revision: e.revision }
    },
    async swap(key, record, revision) {
      if (ledger.down) throw new Error('no responders available')
      if ((sends.get(key)?.revision ?? 0) !== revision) return false
      sends.set(key, { record: structuredClone(record), revision: ++revisions })
      return revisions
    },
  }
  return ledger
}
