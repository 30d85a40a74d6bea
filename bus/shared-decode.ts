/**
 * One decode of an event message for every consumer in this process that reads it. The live metrics and the live
 * conversations each follow the event stream with a consumer of their own, so each chat message reached this process
 * twice and was parsed twice: about a twentieth of the server's thread at 20,000 events/s with every service on. The
 * events of the last messages decoded are kept, found by stream, sequence and the time the stream stored the message,
 * for the consumer that comes second (the two run close together, so a small window serves). The time tells a
 * stream deleted and made again apart: it numbers its messages from 1 once more, but stores them later. The message's
 * bytes are not kept for that: they are views of the NATS client's read buffers, and holding them for the window kept
 * every buffer read in it alive past two young-generation collections, so V8 moved them to the old generation, whose
 * growth in ArrayBuffer memory then set off a full collection every ~2 s under load (bench:ingest, `--trace-gc`).
 *
 * The consumers share the objects and must not change them: under tests (NODE_ENV=test) they are frozen, so one
 * that writes to an event fails there instead of corrupting the other's view.
 */
import { decodeEvents } from '../core/contracts/index.js'
import type { StoredEvent } from '../core/index.js'

/** Events kept for a consumer that comes second; past this the oldest messages go (~1 KiB an event in memory). */
const KEEP_EVENTS = 20_000

const kept = new Map<string, readonly StoredEvent[]>()
let keptEvents = 0
const freeze = process.env.NODE_ENV === 'test'

/** What identifies a stream message (a JsMsg has all of it). */
export interface StreamMessage {
  data: Uint8Array
  seq: number
  info: { stream: string; timestampNanos: number }
}

/** decodeEvents() of a stream message, parsed once per process however many consumers read it. Read-only. */
export function decodeStreamEvents(msg: StreamMessage): readonly StoredEvent[] {
  const key = `${msg.info.stream}\u0000${msg.seq}\u0000${msg.info.timestampNanos}`
  const hit = kept.get(key)
  if (hit) return hit
  const events = decodeEvents(msg.data)
  if (freeze) deepFreeze(events)
  kept.set(key, events)
  keptEvents += events.length
  for (const oldest of kept.keys()) {
    if (keptEvents <= KEEP_EVENTS || oldest === key) break
    forget(oldest)
  }
  return events
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const v of Object.values(value)) deepFreeze(v)
}

function forget(key: string): void {
  keptEvents -= kept.get(key)!.length
  kept.delete(key)
}
