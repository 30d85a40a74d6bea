/**
 * Accepting a valid batch: absorb repeats of stored events, resolve identities, publish the rest
 * and wait for JetStream. An event is counted as a duplicate only once an earlier copy is durably
 * stored (acknowledged by JetStream): a repeat of an event that another request is still publishing
 * waits for that publish, and is published again here if it failed; a repeat of an event whose
 * earlier publish got no answer republishes that earlier message as it was (see ingest/dedup.ts).
 */
import type { StoredEvent } from '../core/index.js'
import type { RedactionPolicy } from '../kits/pii/index.js'
import { PublishClaim, type DedupWindow } from './dedup.js'
import type { IdentityResolver } from './identity.js'
import type { EventMessage, PublishFailure } from './publish.js'
import { redactEvent } from './redaction.js'

export interface AcceptDeps {
  dedup: DedupWindow
  identity: Pick<IdentityResolver, 'resolve'>
  /**
   * The tenants whose events are redacted before publishing (MOFANG_REDACT_TENANTS, ingest/redaction.ts); absent =
   * every event is published as sent.
   */
  redaction?: RedactionPolicy
  /** Packs events into messages (ingest/publish.ts packEvents with the stream's prefix). */
  pack(events: StoredEvent[]): EventMessage[]
  /** Publishes messages and waits for acks; returns those JetStream did not acknowledge. */
  publish(messages: EventMessage[]): Promise<{ failed: PublishFailure[]; error?: Error }>
}

export interface AcceptOutcome {
  /** Published and acknowledged by this request. */
  accepted: number
  /** Already stored (acknowledged earlier, by this or another request). */
  duplicates: number
  /** Not acknowledged, and certainly not stored (JetStream refused them, or they were never sent): send them again. */
  failed: StoredEvent[]
  /**
   * Not acknowledged, but JetStream may hold them (its answer never came). Send them again with their event_id:
   * the retry republishes the message as it was first sent, so nothing is stored twice.
   */
  unconfirmed: StoredEvent[]
  error?: Error
}

/**
 * Rounds of "wait for the other publish, then try ourselves" before giving up on an id: each round ends in a publish.
 */
const MAX_ROUNDS = 3

const keyOf = (e: StoredEvent) => `${e.tenant}\u0000${e.event_id}`

/**
 * @param clientSupplied the events whose event_id came from the client: only those can repeat
 * (generated ids are unique by construction).
 */
export async function acceptEvents(
  events: StoredEvent[],
  clientSupplied: ReadonlySet<StoredEvent>,
  deps: AcceptDeps,
): Promise<AcceptOutcome> {
  const outcome: AcceptOutcome = { accepted: 0, duplicates: 0, failed: [], unconfirmed: [] }
  let todo = events
  for (let round = 1; todo.length > 0; round++) {
    const claim = new PublishClaim()
    const fresh: StoredEvent[] = []
    const joined = new Map<PublishClaim, StoredEvent[]>()
    // An uncertain earlier message → this request's events it carries.
    const republish = new Map<EventMessage, StoredEvent[]>()
    const now = Date.now()
    for (const e of todo) {
      const held = clientSupplied.has(e) ? deps.dedup.claim(keyOf(e), claim, now) : 'new'
      if (held === 'new') fresh.push(e)
      else if (held === 'stored') outcome.duplicates++
      else if (held instanceof PublishClaim) pushTo(joined, held, e)
      else pushTo(republish, held.message, e)
    }
    for (const message of republish.keys()) for (const e of message.events) deps.dedup.adopt(keyOf(e), claim, now)
    const { failed, unconfirmed, error } = await publishClaimed(fresh, republish, claim, deps)
    outcome.accepted +=
      fresh.length +
      [...republish.values()].reduce((n, list) => n + list.length, 0) -
      failed.length -
      unconfirmed.length
    outcome.failed.push(...failed)
    outcome.unconfirmed.push(...unconfirmed)
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

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * Publishes this round's fresh events and uncertain earlier messages; returns this request's events not acknowledged.
 */
async function publishClaimed(
  fresh: StoredEvent[],
  republish: Map<EventMessage, StoredEvent[]>,
  claim: PublishClaim,
  deps: AcceptDeps,
): Promise<{ failed: StoredEvent[]; unconfirmed: StoredEvent[]; error?: Error }> {
  const failed: StoredEvent[] = []
  const unconfirmed: StoredEvent[] = []
  let error: Error | undefined
  try {
    if (fresh.length) await deps.identity.resolve(fresh)
    // After identity merge, which needs the raw identities; before anything leaves this process.
    if (deps.redaction) for (const e of fresh) if (deps.redaction.applies(e.tenant)) redactEvent(e)
    const messages = [...republish.keys(), ...(fresh.length ? deps.pack(fresh) : [])]
    const result = messages.length ? await deps.publish(messages) : { failed: [] }
    error = result.error
    for (const { message, maybeStored } of result.failed) {
      // Keep what JetStream may hold as it was sent; release what it refused.
      for (const e of message.events) {
        if (maybeStored) claim.uncertain.set(keyOf(e), message)
        else deps.dedup.release(keyOf(e), claim)
      }
      const mine = republish.get(message) ?? message.events
      if (maybeStored) unconfirmed.push(...mine)
      else failed.push(...mine)
    }
  } catch (err) {
    error = new Error(`identity store: ${(err as Error).message}`, { cause: err })
    for (const e of fresh) deps.dedup.release(keyOf(e), claim)
    for (const [message, mine] of republish) {
      for (const e of message.events) claim.uncertain.set(keyOf(e), message)
      unconfirmed.push(...mine)
    }
    failed.push(...fresh)
  }
  // Settle after releasing: a request waiting on this claim then sees exactly what was stored.
  claim.settle()
  return { failed, unconfirmed, error }
}
