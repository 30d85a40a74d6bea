/**
 * Accepting a valid batch: absorb repeats of stored events, resolve identities, publish the rest
 * and wait for JetStream. An event is counted as a duplicate only once an earlier copy is durably
 * stored (acknowledged by JetStream): a repeat of an event that another request is still publishing
 * waits for that publish, and is published again here if it failed (see ingest/dedup.ts).
 */
import type { StoredEvent } from '../core/events.js'
import { PublishClaim, type DedupWindow } from './dedup.js'
import type { IdentityResolver } from './identity.js'

export interface AcceptDeps {
  dedup: DedupWindow
  identity: IdentityResolver
  /** Publishes and waits for acks; returns the events JetStream did not acknowledge. */
  publish(events: StoredEvent[]): Promise<{ failed: StoredEvent[]; error?: Error }>
}

export interface AcceptOutcome {
  /** Published and acknowledged by this request. */
  accepted: number
  /** Already stored (acknowledged earlier, by this or another request). */
  duplicates: number
  /** Not acknowledged: the client must send these again. */
  failed: StoredEvent[]
  error?: Error
}

/** Rounds of "wait for the other publish, then try ourselves" before giving up on an id: each round ends in a publish. */
const MAX_ROUNDS = 3

const keyOf = (e: StoredEvent) => `${e.tenant}\u0000${e.event_id}`

/**
 * @param clientSupplied the events whose event_id came from the client: only those can repeat
 * (generated ids are unique by construction).
 */
export async function acceptEvents(events: StoredEvent[], clientSupplied: ReadonlySet<StoredEvent>, deps: AcceptDeps): Promise<AcceptOutcome> {
  const outcome: AcceptOutcome = { accepted: 0, duplicates: 0, failed: [] }
  let todo = events
  for (let round = 1; todo.length > 0; round++) {
    const claim = new PublishClaim()
    const fresh: StoredEvent[] = []
    const joined = new Map<PublishClaim, StoredEvent[]>()
    const now = Date.now()
    for (const e of todo) {
      const held = clientSupplied.has(e) ? deps.dedup.claim(keyOf(e), claim, now) : 'new'
      if (held === 'new') fresh.push(e)
      else if (held === 'stored') outcome.duplicates++
      else {
        const list = joined.get(held)
        if (list) list.push(e)
        else joined.set(held, [e])
      }
    }
    const { failed, error } = await publishClaimed(fresh, claim, deps)
    outcome.accepted += fresh.length - failed.length
    outcome.failed.push(...failed)
    outcome.error ??= error
    // Wait for the other publishes only after ours settled, so two requests that joined each other cannot deadlock.
    await Promise.all([...joined.keys()].map((c) => c.done))
    todo = [...joined.values()].flat()
    if (round === MAX_ROUNDS && todo.length) {
      outcome.failed.push(...todo)
      outcome.error ??= new Error(`${todo.length} events were being published by other requests that kept failing`)
      break
    }
  }
  return outcome
}

async function publishClaimed(fresh: StoredEvent[], claim: PublishClaim, deps: AcceptDeps): Promise<{ failed: StoredEvent[]; error?: Error }> {
  let result: { failed: StoredEvent[]; error?: Error } = { failed: [] }
  try {
    if (fresh.length) {
      await deps.identity.resolve(fresh)
      result = await deps.publish(fresh)
    }
  } catch (err) {
    result = { failed: fresh, error: new Error(`identity store: ${(err as Error).message}`, { cause: err }) }
  }
  // Release before settling: a request waiting on this claim then sees exactly what was stored.
  for (const e of result.failed) deps.dedup.release(keyOf(e), claim)
  claim.settle()
  return result
}
