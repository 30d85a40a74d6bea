/**
 * The OCR service: two durable consumers of the event stream (chat.message and ticket.comment; nats-server 2.9
 * takes one filter subject per consumer) → each image attachment read on the OCR worker pool → one OcrResult per
 * image, stored in `message_ocr` and published on `<ocrSubject>.<tenant>` (core NATS) for the live views and assist.
 * A bad attachment gives a result with `error` and the message is acknowledged as usual; a fault that is not the
 * attachment's (a worker died, the warehouse refused) retries the message, and its last try stores the error.
 */
import { join } from 'node:path'
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream'
import { ensureConsumer } from '../bus/index.js'
import { createAttachmentStore } from '../channels/index.js'
import { decodeEvents, type OcrResult } from '../core/contracts/index.js'
import type { Attachment, Service, ServiceContext, ServiceFactory, StoredEvent } from '../core/index.js'
import { factsInText } from '../kits/facts/index.js'
import { redact, redactionPolicy } from '../kits/pii/index.js'
import { isImageAttachment } from './attachment.js'
import type { AttachmentRefusalReason } from './errors.js'
import { createOcrPool } from './pool.js'
import { ocrAttachment } from './read-image.js'
import { storeOcrResults } from './store.js'

export interface OcrServiceOptions {
  /** OCR worker threads (MOFANG_OCR_WORKERS); default 1, at least 1. */
  workers?: number
  /** Tries of a message whose images fail for a reason other than the attachment; default 3, at least 1. */
  maxAttempts?: number
  /** Wait before such a message is tried again, ms; default 2,000. */
  retryDelayMs?: number
  /** The fetch for http(s) attachment URLs (tests hand in their own); default global fetch. */
  fetch?: typeof fetch
}

/** The event types whose attachments OCR reads. */
export const OCR_EVENT_TYPES = ['chat.message', 'ticket.comment'] as const

/** The key every event with attachments has in its JSON (message bodies are JSON.stringify's output, unescaped). */
const ATTACHMENTS_KEY = Buffer.from('"attachments"')

/** False when no event of the message body can have attachments. */
export const mentionsAttachments = (body: Uint8Array) =>
  Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(ATTACHMENTS_KEY)

export const ocrConsumerName = (prefix: string, type: string) =>
  `${prefix.replace(/[^A-Za-z0-9_-]/g, '_')}-ocr-${type.replace('.', '-')}`

const encoder = new TextEncoder()

export function ocrService(opts: OcrServiceOptions = {}): ServiceFactory {
  return async (ctx: ServiceContext): Promise<Service> => {
    const { js, jsm, nats, topology, warehouse, log, config } = ctx
    const maxAttempts = Math.max(1, opts.maxAttempts ?? 3)
    const pool = await createOcrPool({ size: opts.workers ?? 1 })
    const store = createAttachmentStore({ dir: join(config.dataDir, 'attachments') })
    // Tenants whose free text is stored masked (MOFANG_REDACT_TENANTS): a screenshot's text is free text too.
    const redaction = redactionPolicy(config.redactTenants)
    const counts = { messages: 0, images_read: 0, retried: 0, ms_total: 0 }
    const errors: Partial<Record<AttachmentRefusalReason, number>> = {}

    const masked = (r: OcrResult): OcrResult => {
      if (!r.text || !redaction?.applies(r.tenant_id)) return r
      const text = redact(r.text).text
      return { ...r, text, facts: factsInText(text) }
    }

    /** The OcrResults of one event's image attachments; on the last try a fault becomes the image's error. */
    const readEvent = (e: StoredEvent, lastTry: boolean): Promise<OcrResult[]> => {
      const attachments = (e.payload.attachments as Attachment[] | undefined) ?? []
      const place = { tenant_id: e.tenant, interaction_id: e.interaction_id ?? e.event_id, event_id: e.event_id }
      return Promise.all(
        attachments.flatMap((a, i) => {
          if (!isImageAttachment(a)) return []
          const where = { ...place, attachment_index: i }
          return ocrAttachment(pool, a, where, { tenant: e.tenant, store, fetch: opts.fetch })
            .catch((err: unknown) => {
              if (!lastTry) throw err
              const reason = 'unreadable' as const
              const error = `${reason}: OCR failed ${maxAttempts} times: ${(err as Error).message}`.slice(0, 512)
              return { ...where, sha256: a.sha256 ?? null, text: '', facts: [], error, ms: 0, reason }
            })
            .then(({ reason, ...r }) => {
              if (reason) errors[reason] = (errors[reason] ?? 0) + 1
              else {
                counts.images_read++
                counts.ms_total += r.ms
              }
              return masked(r)
            })
        }),
      )
    }

    const handle = async (msg: JsMsg) => {
      // Most messages carry no attachment: a byte search is ~50× cheaper than decoding their JSON to find that out.
      if (!mentionsAttachments(msg.data)) return msg.ack()
      const lastTry = msg.info.deliveryCount >= maxAttempts
      let events: StoredEvent[]
      try {
        events = decodeEvents(msg.data).filter((e) => (OCR_EVENT_TYPES as readonly string[]).includes(e.type))
      } catch (err) {
        // The sink dead-letters undecodable messages; there is nothing to read here.
        log(`ocr: skipping undecodable message ${msg.seq}: ${(err as Error).message}`)
        return msg.ack()
      }
      try {
        const results = (await Promise.all(events.map((e) => readEvent(e, lastTry)))).flat()
        await storeOcrResults(warehouse, results, Date.now())
        for (const r of results)
          nats.nc.publish(`${topology.ocrSubject}.${r.tenant_id}`, encoder.encode(JSON.stringify(r)))
        msg.ack()
        counts.messages++
      } catch (err) {
        if (stopping) return // unacknowledged: redelivered to the next run
        counts.retried++
        log(`ocr: message ${msg.seq} try ${msg.info.deliveryCount} failed, retrying: ${(err as Error).message}`)
        msg.nak(opts.retryDelayMs ?? 2_000)
      }
    }

    const durables = OCR_EVENT_TYPES.map((type) => ocrConsumerName(topology.prefix, type))
    await Promise.all(
      OCR_EVENT_TYPES.map((type, i) =>
        // Long ack wait: a message with ten screenshots waits for the pool.
        ensureConsumer(jsm, topology, durables[i], {
          filter: `${topology.prefix}.*.*.${type}`,
          maxAckPending: 256,
          ackWaitMs: 120_000,
        }),
      ),
    )
    const consumers: Consumer[] = await Promise.all(durables.map((d) => js.consumers.get(topology.eventStream, d)))
    // Messages in progress: a few per worker keep the pool busy while others are fetched or stored. No more are
    // pulled than can be in progress, so none waits out its ack wait in the client's buffer.
    const limit = pool.size * 4
    const streams: ConsumerMessages[] = await Promise.all(consumers.map((c) => c.consume({ max_messages: limit })))
    const inFlight = new Set<Promise<void>>()
    let stopping = false
    const loops = streams.map((messages) =>
      (async () => {
        for await (const msg of messages) {
          if (stopping) break
          const p = handle(msg).finally(() => inFlight.delete(p))
          inFlight.add(p)
          while (inFlight.size >= limit && !stopping) await Promise.race(inFlight)
        }
      })().catch((err) => log(`ocr: consumer ended: ${(err as Error).message}`)),
    )
    log(`ocr: ${pool.size} worker(s) reading images on ${OCR_EVENT_TYPES.join(' and ')}`)

    return {
      name: 'ocr',
      health: async () => ({
        ok: true,
        detail: { workers: pool.size, in_flight: inFlight.size, queued_images: pool.queued, ...counts, errors },
      }),
      metrics: () =>
        [
          '# HELP mofang_ocr_images_total Images read by OCR.',
          '# TYPE mofang_ocr_images_total counter',
          `mofang_ocr_images_total ${counts.images_read}`,
          '# HELP mofang_ocr_errors_total Image attachments that could not be read, by reason.',
          '# TYPE mofang_ocr_errors_total counter',
          ...Object.entries(errors).map(([reason, n]) => `mofang_ocr_errors_total{reason="${reason}"} ${n}`),
          '# HELP mofang_ocr_seconds_total Time the OCR workers spent reading images.',
          '# TYPE mofang_ocr_seconds_total counter',
          `mofang_ocr_seconds_total ${(counts.ms_total / 1000).toFixed(3)}`,
        ].join('\n'),
      async stop() {
        stopping = true
        // The workers go first: closing the pool fails the images in progress, whose messages stay unacknowledged
        // for the next run, and it must happen even when closing a consumer hangs on a NATS that just restarted
        // (the drain's deadline then moves on): a worker thread left inside onnxruntime can hold process.exit.
        await pool.close()
        await Promise.all(streams.map((s) => s.close()))
        await Promise.all(loops)
        await Promise.allSettled(inFlight)
      },
    }
  }
}
