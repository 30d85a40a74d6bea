/**
 * A migrated chDB warehouse for the report tests and the benchmark, and simulated contact-centre events to fill it:
 * the simulator's deterministic generator with each event's customer_id set to the simulated person (what identity
 * merge would give once every identity of theirs has been linked), stored as the warehouse sink stores rows.
 */
import { join } from 'node:path'
import type { IncomingEvent, StoredEvent } from '../../core/index.js'
import { generateRun } from '../../simulator/index.js'
import { eventRows, insertEventRows, migrate, openWarehouse, type Warehouse } from '../../warehouse/index.js'

export async function reportWarehouse(dir: string): Promise<Warehouse> {
  const wh = await openWarehouse({ chdbPath: join(dir, 'clickhouse') })
  await migrate(wh)
  return wh
}

export interface SimulatedOptions {
  tenant: string
  /** First instant, ms. */
  start: number
  days: number
  seed?: number
  /** Contacts per hour at the weekly peak. Default 120. */
  rate?: number
  agents?: number
}

/** Simulated events of `days` days from `start` (contacts still open at the end finish), as stored events. */
export function simulatedEvents(o: SimulatedOptions): StoredEvent[] {
  const run = generateRun({
    seed: o.seed ?? 7,
    start: o.start,
    durationMs: o.days * 86_400_000,
    ratePerHour: o.rate ?? 120,
    agents: o.agents ?? 20,
    tenant: o.tenant,
  })
  const owner = new Map<string, string>()
  for (const c of run.truth.customers)
    for (const [kind, value] of Object.entries(c.identities)) if (value) owner.set(`${kind}:${value}`, c.key)
  const customerOf = (e: IncomingEvent) => {
    for (const [kind, value] of Object.entries(e.customer ?? {})) {
      const key = owner.get(`${kind}:${value}`)
      if (key) return key
    }
    return ''
  }
  return run.events.map((e, i) => ({
    ...e,
    v: 1,
    event_id: `sim-${o.seed ?? 7}-${i}`,
    received_at: e.ts,
    customer_id: customerOf(e),
    payload: e.payload ?? {},
  }))
}

/** Stores events as the warehouse sink does (insertEventRows), in chunks. */
export async function storeEvents(wh: Warehouse, events: readonly StoredEvent[], chunk = 50_000): Promise<void> {
  for (let i = 0; i < events.length; i += chunk) await insertEventRows(wh, [eventRows(events.slice(i, i + chunk))])
}

/**
 * QA results for every `every`-th chat or call that ended among `events` (deterministic made-up scores, flags,
 * sentiment, predicted CSAT and key facts), stored in qa_results as the QA service stores them.
 */
export async function storeQaResults(wh: Warehouse, events: readonly StoredEvent[], every = 3): Promise<number> {
  const ended = events.filter((e) => e.type === 'chat.ended' || e.type === 'voice.ended')
  const rows = ended
    .filter((_, i) => i % every === 0)
    .map((e, i) => ({
      tenant: e.tenant,
      interaction_id: e.interaction_id,
      channel: e.channel,
      queue: e.queue ?? '',
      agent_id: e.agent_id ?? '',
      ended_at: e.ts,
      scored_at: e.ts + 60_000,
      scorecard_id: 'default',
      scorecard_version: 1,
      language: 'zh',
      score: 60 + ((i * 7) % 41),
      flagged: i % 5 === 0 ? 1 : 0,
      sentiment_first: ((i % 9) - 4) / 5,
      sentiment_last: ((i % 7) - 3) / 4,
      csat_predicted: 1 + ((i * 3) % 9) / 2,
      facts: JSON.stringify(
        i % 4 === 0
          ? [
              { kind: 'error_code', value: i % 8 === 0 ? '0x0000007B' : 'E-1001', turn: 0, start: 0, end: 1 },
              { kind: 'product_model', value: 'ThinkPad X1 Carbon', turn: 1, start: 0, end: 1 },
            ]
          : [],
      ),
    }))
  if (rows.length) await wh.insert('qa_results', rows)
  return rows.length
}
