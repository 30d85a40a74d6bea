/**
 * Publishing accepted events to JetStream. Events are grouped by subject and
 * packed many to a message (NDJSON), because one JetStream publish per event tops
 * out near 17k/s from one client. Each message gets a Nats-Msg-Id derived from its
 * content, so an identical retry is dropped by JetStream's duplicate window even
 * when it lands on another ingest instance.
 */
import type { JetStreamClient } from '@nats-io/jetstream'
import { subjectOf, type StoredEvent } from '../core/events.js'
import { digest } from '../core/ids.js'
import { NatsUnavailableError } from '../core/errors.js'

export interface PublishOptions {
  /** Subject prefix (see stream/topology.ts). */
  prefix: string
  /** Largest message body, bytes. Default 900 KiB (the server allows 8 MB; smaller messages pipeline better). */
  maxMessageBytes?: number
  /** ms to wait for each JetStream ack. Default 5,000. */
  ackTimeoutMs?: number
}

export interface EventMessage {
  subject: string
  events: StoredEvent[]
  body: Uint8Array
}

/** Packs events into messages: one subject each, in first-appearance order, each under the size limit. */
export function packEvents(events: StoredEvent[], opts: PublishOptions): EventMessage[] {
  const max = opts.maxMessageBytes ?? 900 * 1024
  const bySubject = new Map<string, { events: StoredEvent[]; lines: string[]; bytes: number }[]>()
  for (const e of events) {
    const subject = subjectOf(e, opts.prefix)
    const line = JSON.stringify(e)
    let chunks = bySubject.get(subject)
    if (!chunks) bySubject.set(subject, (chunks = [{ events: [], lines: [], bytes: 0 }]))
    let last = chunks[chunks.length - 1]
    if (last.bytes + line.length + 1 > max && last.events.length > 0) chunks.push((last = { events: [], lines: [], bytes: 0 }))
    last.events.push(e)
    last.lines.push(line)
    last.bytes += Buffer.byteLength(line) + 1
  }
  const encoder = new TextEncoder()
  return [...bySubject].flatMap(([subject, chunks]) =>
    chunks.map((c) => ({ subject, events: c.events, body: encoder.encode(c.lines.join('\n')) })),
  )
}

/**
 * Publishes messages concurrently and waits for every JetStream ack.
 * Returns the messages that were not acknowledged (with the first error), so the
 * caller can answer 503 and let the client retry just those events' batch.
 */
export async function publishMessages(
  js: JetStreamClient,
  messages: EventMessage[],
  opts: PublishOptions,
): Promise<{ failed: EventMessage[]; error?: NatsUnavailableError }> {
  const failed: EventMessage[] = []
  let firstError: unknown
  await Promise.all(
    messages.map(async (m) => {
      const msgID = digest(m.subject + '\n' + m.events.map((e) => e.event_id).join(','), 32)
      try {
        await js.publish(m.subject, m.body, { msgID, timeout: opts.ackTimeoutMs ?? 5_000 })
      } catch (err) {
        firstError ??= err
        failed.push(m)
      }
    }),
  )
  if (failed.length === 0) return { failed }
  const error = new NatsUnavailableError(`JetStream did not acknowledge ${failed.length} of ${messages.length} messages: ${(firstError as Error)?.message ?? firstError}`, firstError)
  return { failed, error }
}
