/**
 * POST /v1/events: a JSON array (or one object) or NDJSON of events.
 *
 * A batch is all-or-nothing: if any event is invalid the answer is 400 listing
 * every bad event's index, field and reason (up to 100), and nothing is stored.
 * A client fixes the batch and sends it again; no partial state to reconcile.
 * 202 comes only after JetStream has acknowledged every accepted event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { SCHEMA_VERSION, type StoredEvent } from '../core/events.js'
import { validateEvent, type FieldError } from '../core/validate.js'
import { newId } from '../core/ids.js'
import { Counters } from '../core/pipeline.js'
import { BodyTooLarge, bearerToken, readBody, sendJson } from './http-util.js'
import type { DedupWindow } from './dedup.js'
import type { IdentityResolver } from './identity.js'
import type { NatsUnavailableError } from '../core/errors.js'

export interface IngestLimits {
  /** Largest body, bytes. */
  maxBodyBytes: number
  /** Most events in one request. */
  maxBatchEvents: number
}

export interface IngestDeps extends IngestLimits {
  /** API key → tenant. */
  apiKeys: ReadonlyMap<string, string>
  dedup: DedupWindow
  identity: IdentityResolver
  /** Publishes and waits for acks; returns the events JetStream did not acknowledge. */
  publish(events: StoredEvent[]): Promise<{ failed: StoredEvent[]; error?: NatsUnavailableError }>
  brokerUp(): boolean
  log?: (msg: string) => void
}

export const INGEST_OUTCOMES = [
  'accepted', 'duplicate_event_id', 'rejected_invalid', 'rejected_tenant', 'rejected_auth',
  'rejected_body', 'unavailable',
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
      return { ok: false, status: 400, error: `malformed JSON on NDJSON line ${i + 1}: ${(err as Error).message}`, line: i + 1 }
    }
  }
  return { ok: true, items }
}

export function createEventsEndpoint(deps: IngestDeps) {
  const counters = new Counters<IngestOutcome>('ingest_events', INGEST_OUTCOMES)
  const unavailable = (res: ServerResponse, reason: string) => {
    counters.add('unavailable')
    sendJson(res, 503, { error: `event broker unavailable: ${reason}; retry later` }, { 'retry-after': '1' })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST' })
    const key = bearerToken(req)
    const tenant = key ? deps.apiKeys.get(key) : undefined
    if (!tenant) {
      counters.add('rejected_auth')
      return sendJson(res, 401, { error: key ? 'invalid API key' : 'missing API key: send Authorization: Bearer <key>' }, { 'www-authenticate': 'Bearer' })
    }
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    const format = CONTENT_TYPES.get(mediaType)
    if (!format) {
      counters.add('rejected_body')
      return sendJson(res, 415, { error: `unsupported content type "${mediaType || '(none)'}": use application/json or application/x-ndjson` })
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
      return sendJson(res, 413, { error: `batch has ${items.length} events; the limit is ${deps.maxBatchEvents} (MOFANG_MAX_BATCH_EVENTS)` })
    }

    const errors: (FieldError & { index: number })[] = []
    const tenantErrors: (FieldError & { index: number })[] = []
    const now = Date.now()
    const events: StoredEvent[] = []
    // Only client-supplied ids can repeat; generated ones are unique by construction.
    const clientSupplied = new Set<StoredEvent>()
    for (let index = 0; index < items.length; index++) {
      const v = validateEvent(items[index])
      if (!v.ok) {
        if (errors.length < MAX_REPORTED_ERRORS) errors.push({ index, ...v.error })
        continue
      }
      const e = v.event
      if (e.tenant !== tenant) {
        if (tenantErrors.length < MAX_REPORTED_ERRORS) tenantErrors.push({ index, field: 'tenant', reason: `"${e.tenant}" does not match the API key's tenant "${tenant}"` })
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
      return sendJson(res, 400, { error: `${errors.length === MAX_REPORTED_ERRORS ? 'at least ' : ''}${errors.length} invalid event(s); nothing was accepted`, errors })
    }
    if (tenantErrors.length) {
      counters.add('rejected_tenant', items.length)
      return sendJson(res, 403, { error: 'events for another tenant; nothing was accepted', errors: tenantErrors })
    }
    if (!deps.brokerUp()) return unavailable(res, 'not connected to NATS')

    const fresh = events.filter((e) => !clientSupplied.has(e) || !deps.dedup.seen(`${e.tenant}\u0000${e.event_id}`, now))
    const duplicates = events.length - fresh.length
    counters.add('duplicate_event_id', duplicates)
    const forget = (list: StoredEvent[]) => list.forEach((e) => deps.dedup.forget(`${e.tenant}\u0000${e.event_id}`))
    try {
      await deps.identity.resolve(fresh)
    } catch (err) {
      forget(fresh)
      return unavailable(res, `identity store: ${(err as Error).message}`)
    }
    const { failed, error } = fresh.length ? await deps.publish(fresh) : { failed: [] }
    if (failed.length) {
      forget(failed)
      deps.log?.(error?.message ?? 'publish failed')
      return unavailable(res, `${failed.length} of ${fresh.length} events not acknowledged by JetStream`)
    }
    counters.add('accepted', fresh.length)
    sendJson(res, 202, { accepted: fresh.length, duplicates })
  }

  return { handle, counters }
}
