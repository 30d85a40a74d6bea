/**
 * POST /v1/events: a JSON array (or one object) or NDJSON of events.
 *
 * A batch is all-or-nothing: if any event is invalid the answer is 400 listing
 * every bad event's index, field and reason (up to 100), and nothing is stored.
 * A client fixes the batch and sends it again; no partial state to reconcile.
 * 202 comes only after JetStream has acknowledged every accepted event. Refusals before publishing
 * (429 busy, 503 broker down, 507 disk full) mean nothing of the batch was kept; a 503 after a
 * partial publish lists the indexes of the events not kept, and of those JetStream may hold though it
 * never said so (see ingest/accept.ts): resending either with their event_id stores nothing twice.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { SCHEMA_VERSION, type StoredEvent } from '../core/events.js'
import { DEFAULT_TS_RANGE, validateEvent, type FieldError, type TsRange } from '../core/validate.js'
import { newId } from '../core/ids.js'
import { Counters } from '../core/pipeline.js'
import { BodyTooLarge, bearerToken, readBody, sendJson } from '../kits/http/index.js'
import { Admission } from './admission.js'
import { acceptEvents, type AcceptDeps } from './accept.js'

export interface IngestLimits {
  /** Largest body, bytes. */
  maxBodyBytes: number
  /** Most events in one request. */
  maxBatchEvents: number
  /**
   * Accepted event `ts` around the server clock at receipt, ms: `maxFutureMs` ahead (MOFANG_MAX_FUTURE_S, default
   * 300 s) and `maxPastMs` behind (MOFANG_MAX_PAST_DAYS, default 1830 days). Absent = those defaults.
   */
  tsRange?: TsRange
  /** Most bytes of batches held at once, bytes (429 above). Default three largest bodies. */
  maxInFlightBytes?: number
}

export interface IngestDeps extends IngestLimits, AcceptDeps {
  /** API key → tenant. */
  apiKeys: ReadonlyMap<string, string>
  brokerUp(): boolean
  /** Why events cannot be stored now for lack of disk space (answered 507), or undefined. */
  storageProblem?(): string | undefined
  log?: (msg: string) => void
}

export const INGEST_OUTCOMES = [
  'accepted',
  'duplicate_event_id',
  'rejected_invalid',
  'rejected_tenant',
  'rejected_auth',
  'rejected_body',
  'unavailable',
  'busy',
  'insufficient_storage',
] as const
export type IngestOutcome = (typeof INGEST_OUTCOMES)[number]

const CONTENT_TYPES = new Map([
  ['application/json', 'json'],
  ['application/x-ndjson', 'ndjson'],
  ['application/ndjson', 'ndjson'],
  ['application/jsonl', 'ndjson'],
])
const MAX_REPORTED_ERRORS = 100
const utf8 = new TextDecoder('utf-8', { fatal: true })

type Parsed = { ok: true; items: unknown[] } | { ok: false; status: number; error: string; line?: number }

function parseBody(text: string, format: string): Parsed {
  if (format === 'json') {
    try {
      const value: unknown = JSON.parse(text)
      return { ok: true, items: Array.isArray(value) ? value : [value] }
    } catch (err) {
      return { ok: false, status: 400, error: `malformed JSON: ${(err as Error).message}` }
    }
  }
  const items: unknown[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line) continue
    try {
      items.push(JSON.parse(line))
    } catch (err) {
      return {
        ok: false,
        status: 400,
        error: `malformed JSON on NDJSON line ${i + 1}: ${(err as Error).message}`,
        line: i + 1,
      }
    }
  }
  return { ok: true, items }
}

export function createEventsEndpoint(deps: IngestDeps) {
  const counters = new Counters<IngestOutcome>('ingest_events', INGEST_OUTCOMES)
  const admission = new Admission({ maxInFlightBytes: deps.maxInFlightBytes ?? 3 * deps.maxBodyBytes })
  const unavailable = (res: ServerResponse, reason: string, extra: Record<string, unknown> = {}) => {
    counters.add('unavailable')
    sendJson(res, 503, { error: `event broker unavailable: ${reason}; retry later`, ...extra }, { 'retry-after': '1' })
  }
  const insufficientStorage = (res: ServerResponse, reason: string) => {
    counters.add('insufficient_storage')
    sendJson(
      res,
      507,
      { error: `insufficient storage: ${reason}; nothing was accepted, retry later` },
      { 'retry-after': '10' },
    )
  }
  /** Refuses a request whose body was not read: discarded first, as an answer mid-upload reaches the client as a broken pipe. */
  const busyUnread = async (req: IncomingMessage, res: ServerResponse) => {
    await new Promise<void>((done) => {
      req
        .once('end', done)
        .once('error', () => done())
        .once('close', done)
      req.resume()
    })
    busy(res)
  }
  const busy = (res: ServerResponse) => {
    counters.add('busy')
    const mib = (admission.bytesInFlight / 2 ** 20).toFixed(1)
    sendJson(
      res,
      429,
      {
        error: `ingest is busy with ${mib} MiB of other batches (MOFANG_INGEST_MAX_INFLIGHT_BYTES); nothing was accepted, retry`,
      },
      { 'retry-after': '1' },
    )
  }

  /** Admission first: a batch refused here was never read, so nothing of it was kept. */
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const declared = Number(req.headers['content-length'])
    const reserved = Number.isFinite(declared) && declared > 0 && declared <= deps.maxBodyBytes ? declared : 0
    if (reserved && !admission.tryReserve(reserved)) return busyUnread(req, res)
    try {
      await handleAdmitted(req, res, reserved)
    } finally {
      if (reserved) admission.release(reserved)
    }
  }

  async function handleAdmitted(req: IncomingMessage, res: ServerResponse, reserved: number): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST' })
    const key = bearerToken(req)
    const tenant = key ? deps.apiKeys.get(key) : undefined
    if (!tenant) {
      counters.add('rejected_auth')
      return sendJson(
        res,
        401,
        { error: key ? 'invalid API key' : 'missing API key: send Authorization: Bearer <key>' },
        { 'www-authenticate': 'Bearer' },
      )
    }
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    const format = CONTENT_TYPES.get(mediaType)
    if (!format) {
      counters.add('rejected_body')
      return sendJson(res, 415, {
        error: `unsupported content type "${mediaType || '(none)'}": use application/json or application/x-ndjson`,
      })
    }
    let body: Buffer
    try {
      body = await readBody(req, deps.maxBodyBytes)
    } catch (err) {
      counters.add('rejected_body')
      if (err instanceof BodyTooLarge) {
        res.setHeader('connection', 'close')
        return sendJson(res, 413, { error: `body larger than ${deps.maxBodyBytes} bytes (MOFANG_MAX_BODY_BYTES)` })
      }
      throw err
    }
    // A body without Content-Length is admitted once its size is known.
    if (!reserved) {
      if (!admission.tryReserve(body.length)) return busy(res)
      res.once('close', () => admission.release(body.length))
    }
    let text: string
    try {
      text = utf8.decode(body)
    } catch {
      counters.add('rejected_body')
      return sendJson(res, 400, { error: 'body is not valid UTF-8' })
    }
    const parsed = parseBody(text, format)
    if (!parsed.ok) {
      counters.add('rejected_body')
      return sendJson(res, parsed.status, { error: parsed.error, ...(parsed.line ? { line: parsed.line } : {}) })
    }
    const items = parsed.items
    if (items.length === 0) return sendJson(res, 400, { error: 'empty batch: send at least one event' })
    if (items.length > deps.maxBatchEvents) {
      counters.add('rejected_body')
      return sendJson(res, 413, {
        error: `batch has ${items.length} events; the limit is ${deps.maxBatchEvents} (MOFANG_MAX_BATCH_EVENTS)`,
      })
    }

    const errors: (FieldError & { index: number })[] = []
    const tenantErrors: (FieldError & { index: number })[] = []
    const now = Date.now()
    const events: StoredEvent[] = []
    // Only client-supplied ids can repeat; generated ones are unique by construction.
    const clientSupplied = new Set<StoredEvent>()
    for (let index = 0; index < items.length; index++) {
      const v = validateEvent(items[index], { tsRange: deps.tsRange ?? DEFAULT_TS_RANGE, now })
      if (!v.ok) {
        if (errors.length < MAX_REPORTED_ERRORS) errors.push({ index, ...v.error })
        continue
      }
      const e = v.event
      if (e.tenant !== tenant) {
        if (tenantErrors.length < MAX_REPORTED_ERRORS)
          tenantErrors.push({
            index,
            field: 'tenant',
            reason: `"${e.tenant}" does not match the API key's tenant "${tenant}"`,
          })
        continue
      }
      if (e.event_id) clientSupplied.add(e as StoredEvent)
      // The parsed body is ours: completing each event in place saves a copy per event.
      const stored = e as StoredEvent
      stored.v = SCHEMA_VERSION
      stored.event_id ??= newId(now)
      stored.payload ??= {}
      stored.received_at = now
      events.push(stored)
    }
    if (errors.length) {
      counters.add('rejected_invalid', items.length)
      return sendJson(res, 400, {
        error: `${errors.length === MAX_REPORTED_ERRORS ? 'at least ' : ''}${errors.length} invalid event(s); nothing was accepted`,
        errors,
      })
    }
    if (tenantErrors.length) {
      counters.add('rejected_tenant', items.length)
      return sendJson(res, 403, { error: 'events for another tenant; nothing was accepted', errors: tenantErrors })
    }
    if (!deps.brokerUp()) return unavailable(res, 'not connected to NATS')
    const storage = deps.storageProblem?.()
    if (storage) return insufficientStorage(res, storage)

    const { accepted, duplicates, failed, unconfirmed, error } = await acceptEvents(events, clientSupplied, deps)
    counters.add('duplicate_event_id', duplicates)
    counters.add('accepted', accepted)
    if (failed.length || unconfirmed.length) {
      deps.log?.(error?.message ?? 'publish failed')
      if (accepted === 0 && duplicates === 0 && unconfirmed.length === 0 && isStorageError(error))
        return insufficientStorage(res, error!.message)
      // Say exactly what was kept: the client resends only the listed events.
      const indexesOf = (list: StoredEvent[]) => {
        const set = new Set(list)
        return events.flatMap((e, i) => (set.has(e) ? [i] : []))
      }
      const notAcked = failed.length + unconfirmed.length
      return unavailable(res, `${notAcked} of ${events.length} events not acknowledged by JetStream`, {
        accepted,
        duplicates,
        failed_indexes: indexesOf(failed),
        unconfirmed_indexes: indexesOf(unconfirmed),
      })
    }
    sendJson(res, 202, { accepted, duplicates })
  }

  return { handle, counters }
}

/** JetStream's answer when its store is full (nats-server: "insufficient resources"), or a full disk. */
function isStorageError(err: Error | undefined): boolean {
  return /insufficient (resources|storage)|no space left|ENOSPC/i.test(String(err?.message ?? ''))
}
