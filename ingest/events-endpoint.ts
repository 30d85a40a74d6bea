/**
 * POST /v1/events: a JSON array (or one object) or NDJSON of events.
 *
 * A batch is all-or-nothing: if any event is invalid the answer is 400 listing
 * every bad event's index, field and reason (up to 100), and nothing is stored.
 * A client fixes the batch and sends it again; no partial state to reconcile.
 * 202 comes only after JetStream has acknowledged every accepted event. Refusals before publishing
 * (429 busy, 503 broker down or stream full (ingest/admission-backlog.ts), 507 disk full) mean nothing of the batch
 * was kept; a 503 after a partial publish lists the indexes of the events not kept, and of those JetStream may hold
 * though it never said so (see ingest/accept.ts): resending either with their event_id stores nothing twice.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  Counters,
  DEFAULT_TS_RANGE,
  dlq,
  drop,
  type Drop,
  emittedByServices,
  type FieldError,
  newId,
  ok,
  pipeline,
  SCHEMA_VERSION,
  type StoredEvent,
  type TsRange,
  validateEvent,
} from '../core/index.js'
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
  /**
   * Why the event stream cannot take events now without risking one (answered 503 with Retry-After), or undefined:
   * ingest/admission-backlog.ts watchBacklog(…).problem.
   */
  backlogProblem?(): string | undefined
  log?: (msg: string) => void
}

export const INGEST_OUTCOMES = [
  'accepted',
  'duplicate_event_id',
  'rejected_invalid',
  'rejected_tenant',
  'rejected_service_type',
  'rejected_auth',
  'rejected_body',
  'unavailable',
  'busy',
  'insufficient_storage',
  'backpressure',
] as const
export type IngestOutcome = (typeof INGEST_OUTCOMES)[number]

/**
 * Why a request is refused, as its pipeline's closed set of drop reasons: the handler answers each (status,
 * body, and the outcome counter, above, it counts under). Refused means nothing of the batch was kept.
 */
export const INGEST_REFUSALS = [
  'method_not_allowed',
  'rejected_auth',
  'unsupported_content_type',
  'body_too_large',
  'busy',
  'not_utf8',
  'malformed_json',
  'empty_batch',
  'too_many_events',
  'rejected_invalid',
  'rejected_tenant',
  'rejected_service_type',
  'unavailable',
  'insufficient_storage',
  'backpressure',
] as const
export type IngestRefusal = (typeof INGEST_REFUSALS)[number]

/**
 * Why one event of a batch is refused (and with it the whole batch), with the field at fault. `service_type`: a
 * type only Mofang's own services emit (routing.*, core/events.ts SERVICE_FAMILIES), which no API key may post.
 */
export const EVENT_DROPS = ['invalid', 'other_tenant', 'service_type'] as const
export type EventDrop = (typeof EVENT_DROPS)[number]
/** The request's refusal for a batch with such an event: 400 invalid_events, 403 forbidden, 403 forbidden. */
const REFUSAL_OF: Record<EventDrop, IngestRefusal> = {
  invalid: 'rejected_invalid',
  other_tenant: 'rejected_tenant',
  service_type: 'rejected_service_type',
}

type IndexedError = FieldError & { index: number }

/** What a refusal's answer needs to say. */
interface RefusalFacts {
  keyGiven?: boolean
  mediaType?: string
  /** The parser's or the broker's or the storage's reason. */
  message?: string
  line?: number
  /** Events in the batch. */
  events?: number
  errors?: IndexedError[]
  /** The event types of the listed events. */
  types?: string[]
}

/** The batch an event belongs to: given to every step of the per-event pipeline. */
interface BatchContext {
  tenant: string
  now: number
  tsRange: TsRange
  /** Events whose event_id came from the client: only those can repeat (generated ids are unique by construction). */
  clientSupplied: Set<StoredEvent>
}

/**
 * One event of a batch: validate → tenant → source → complete. Synchronous: it runs for every event ingest takes.
 */
export const eventPipeline = pipeline<unknown, EventDrop, FieldError, BatchContext>('ingest_event')
  .step('validate', (item, batch) => {
    const v = validateEvent(item, { tsRange: batch.tsRange, now: batch.now })
    return v.ok ? ok(v.event) : drop('invalid', v.error)
  })
  .step('tenant', (e, batch) =>
    e.tenant === batch.tenant
      ? ok(e)
      : drop('other_tenant', {
          field: 'tenant',
          reason: `"${e.tenant}" does not match the API key's tenant "${batch.tenant}"`,
        }),
  )
  .step('source', (e) =>
    emittedByServices(e.type)
      ? drop('service_type', {
          field: 'type',
          reason: `${e.type} events are emitted only by Mofang's own services, not posted with an API key`,
        })
      : ok(e),
  )
  .step('complete', (e, batch) => {
    if (e.event_id) batch.clientSupplied.add(e as StoredEvent)
    // The parsed body is ours: completing each event in place saves a copy per event.
    const stored = e as StoredEvent
    stored.v = SCHEMA_VERSION
    stored.event_id ??= newId(batch.now)
    stored.payload ??= {}
    stored.received_at = batch.now
    return ok(stored)
  })

const CONTENT_TYPES = new Map([
  ['application/json', 'json'],
  ['application/x-ndjson', 'ndjson'],
  ['application/ndjson', 'ndjson'],
  ['application/jsonl', 'ndjson'],
])
const MAX_REPORTED_ERRORS = 100
const utf8 = new TextDecoder('utf-8', { fatal: true })

type Parsed = { ok: true; items: unknown[] } | { ok: false; error: string; line?: number }

function parseBody(text: string, format: string): Parsed {
  if (format === 'json') {
    try {
      const value: unknown = JSON.parse(text)
      return { ok: true, items: Array.isArray(value) ? value : [value] }
    } catch (err) {
      return { ok: false, error: `malformed JSON: ${(err as Error).message}` }
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
      return { ok: false, error: `malformed JSON on NDJSON line ${i + 1}: ${(err as Error).message}`, line: i + 1 }
    }
  }
  return { ok: true, items }
}

/**
 * The steps of one request, from the request to JetStream's answer:
 * method → auth → content_type → read_body → admit → decode_utf8 → parse → batch_size → validate (every event
 * through `eventPipeline`) → broker → storage → backlog → accept (dedup claim, identity, pack, publish:
 * ingest/accept.ts).
 */
function requestPipeline(deps: IngestDeps, admission: Admission) {
  const tsRange = deps.tsRange ?? DEFAULT_TS_RANGE
  return pipeline<{ req: IncomingMessage; res: ServerResponse; reserved: number }, IngestRefusal, RefusalFacts>(
    'ingest_request',
  )
    .step('method', (r) => (r.req.method === 'POST' ? ok(r) : drop('method_not_allowed')))
    .step('auth', (r) => {
      const key = bearerToken(r.req)
      const tenant = key ? deps.apiKeys.get(key) : undefined
      return tenant ? ok({ ...r, tenant }) : drop('rejected_auth', { keyGiven: Boolean(key) })
    })
    .step('content_type', (r) => {
      const mediaType = (r.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
      const format = CONTENT_TYPES.get(mediaType)
      return format ? ok({ ...r, format }) : drop('unsupported_content_type', { mediaType })
    })
    .step('read_body', async (r) => {
      try {
        return ok({ ...r, body: await readBody(r.req, deps.maxBodyBytes) })
      } catch (err) {
        return err instanceof BodyTooLarge ? drop('body_too_large') : dlq('unreadable_body', err)
      }
    })
    .step('admit', ({ res, reserved, tenant, format, body }) => {
      // A body without Content-Length is admitted once its size is known.
      if (!reserved) {
        const bytes = body.length
        if (!admission.tryReserve(bytes)) return drop('busy')
        res.once('close', () => admission.release(bytes))
      }
      return ok({ tenant, format, body })
    })
    .step('decode_utf8', ({ tenant, format, body }) => {
      try {
        return ok({ tenant, format, text: utf8.decode(body) })
      } catch {
        return drop('not_utf8')
      }
    })
    .step('parse', ({ tenant, format, text }) => {
      const parsed = parseBody(text, format)
      return parsed.ok
        ? ok({ tenant, items: parsed.items })
        : drop('malformed_json', { message: parsed.error, line: parsed.line })
    })
    .step('batch_size', (r) => {
      if (r.items.length === 0) return drop('empty_batch')
      return r.items.length > deps.maxBatchEvents ? drop('too_many_events', { events: r.items.length }) : ok(r)
    })
    .step('validate', ({ tenant, items }) => {
      const batch: BatchContext = { tenant, now: Date.now(), tsRange, clientSupplied: new Set() }
      const { values: events, stopped } = eventPipeline.runBatch(items, batch)
      if (stopped.length) {
        // One refusal per batch, for the first reason in EVENT_DROPS order that any event has.
        const why = EVENT_DROPS.find((d) => stopped.some((s) => s.outcome.reason === d))!
        const listed = stopped.filter((s) => s.outcome.reason === why)
        const errors = listed
          .slice(0, MAX_REPORTED_ERRORS)
          .map(({ index, outcome }) => ({ index, ...(outcome as Drop<EventDrop, FieldError>).detail! }))
        // Events stopped after `validate` are objects with a valid type; invalid ones may be anything.
        const typeOf = (index: number) => (why === 'invalid' ? '' : (items[index] as { type: string }).type)
        const types = [...new Set(listed.map(({ index }) => typeOf(index)))]
        return drop(REFUSAL_OF[why], { events: items.length, errors, types })
      }
      return ok({ events, clientSupplied: batch.clientSupplied })
    })
    .step('broker', (r) => (deps.brokerUp() ? ok(r) : drop('unavailable', { message: 'not connected to NATS' })))
    .step('storage', (r) => {
      const problem = deps.storageProblem?.()
      return problem ? drop('insufficient_storage', { message: problem }) : ok(r)
    })
    .step('backlog', (r) => {
      const problem = deps.backlogProblem?.()
      return problem ? drop('backpressure', { message: problem }) : ok(r)
    })
    .step('accept', async ({ events, clientSupplied }) =>
      ok({ events, outcome: await acceptEvents(events, clientSupplied, deps) }),
    )
}

export function createEventsEndpoint(deps: IngestDeps) {
  const counters = new Counters<IngestOutcome>('ingest_events', INGEST_OUTCOMES)
  const admission = new Admission({ maxInFlightBytes: deps.maxInFlightBytes ?? 3 * deps.maxBodyBytes })
  const requests = requestPipeline(deps, admission)
  const tsRange = deps.tsRange ?? DEFAULT_TS_RANGE
  /** Every refusal in the one error shape of the HTTP kit: `{ error: <code>, reason, field?, ...extra }`. */
  const answer = (
    res: ServerResponse,
    status: number,
    code: string,
    reason: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => sendJson(res, status, { error: code, reason, ...extra }, headers)
  const unavailable = (res: ServerResponse, reason: string, extra: Record<string, unknown> = {}) => {
    counters.add('unavailable')
    answer(res, 503, 'unavailable', `event broker unavailable: ${reason}; retry later`, extra, { 'retry-after': '1' })
  }
  const insufficientStorage = (res: ServerResponse, reason: string) => {
    counters.add('insufficient_storage')
    const why = `insufficient storage: ${reason}; nothing was accepted, retry later`
    answer(res, 507, 'insufficient_storage', why, {}, { 'retry-after': '10' })
  }
  const backpressure = (res: ServerResponse, reason: string) => {
    counters.add('backpressure')
    const why = `${reason}; nothing was accepted, retry later`
    answer(res, 503, 'unavailable', why, {}, { 'retry-after': String(BACKPRESSURE_RETRY_S) })
  }
  /**
   * Refuses a request whose body was not read: discarded first, as an answer mid-upload reaches the client as a
   * broken pipe.
   */
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
    const why = `ingest is busy with ${mib} MiB of other batches (MOFANG_INGEST_MAX_INFLIGHT_BYTES); nothing was accepted, retry`
    answer(res, 429, 'busy', why, {}, { 'retry-after': '1' })
  }

  /** The answer to a refused request, counted under its outcome. */
  function refuse(res: ServerResponse, reason: IngestRefusal, facts: RefusalFacts = {}): void {
    switch (reason) {
      case 'method_not_allowed':
        return answer(res, 405, 'method_not_allowed', 'use POST', {}, { allow: 'POST' })
      case 'rejected_auth':
        counters.add('rejected_auth')
        return answer(
          res,
          401,
          'unauthorized',
          facts.keyGiven ? 'invalid API key' : 'missing API key: send Authorization: Bearer <key>',
          {},
          { 'www-authenticate': 'Bearer' },
        )
      case 'unsupported_content_type':
        counters.add('rejected_body')
        return answer(
          res,
          415,
          'unsupported_media_type',
          `unsupported content type "${facts.mediaType || '(none)'}": use application/json or application/x-ndjson`,
          { field: 'content-type' },
        )
      case 'body_too_large':
        counters.add('rejected_body')
        res.setHeader('connection', 'close')
        return answer(
          res,
          413,
          'payload_too_large',
          `body larger than ${deps.maxBodyBytes} bytes (MOFANG_MAX_BODY_BYTES)`,
        )
      case 'busy':
        return busy(res)
      case 'not_utf8':
        counters.add('rejected_body')
        return answer(res, 400, 'bad_request', 'body is not valid UTF-8', { field: 'body' })
      case 'malformed_json':
        counters.add('rejected_body')
        return answer(res, 400, 'bad_request', facts.message ?? 'malformed JSON', {
          field: 'body',
          ...(facts.line ? { line: facts.line } : {}),
        })
      case 'empty_batch':
        return answer(res, 400, 'bad_request', 'empty batch: send at least one event', { field: 'body' })
      case 'too_many_events':
        counters.add('rejected_body')
        return answer(
          res,
          413,
          'payload_too_large',
          `batch has ${facts.events} events; the limit is ${deps.maxBatchEvents} (MOFANG_MAX_BATCH_EVENTS)`,
        )
      case 'rejected_invalid': {
        const errors = facts.errors ?? []
        counters.add('rejected_invalid', facts.events)
        const count = `${errors.length === MAX_REPORTED_ERRORS ? 'at least ' : ''}${errors.length}`
        return answer(res, 400, 'invalid_events', `${count} invalid event(s); nothing was accepted`, { errors })
      }
      case 'rejected_tenant':
        counters.add('rejected_tenant', facts.events)
        return answer(res, 403, 'forbidden', 'events for another tenant; nothing was accepted', {
          field: 'tenant',
          errors: facts.errors,
        })
      case 'rejected_service_type': {
        counters.add('rejected_service_type', facts.events)
        const why = `${facts.types?.join(', ')} events are emitted only by Mofang's own services; nothing was accepted`
        return answer(res, 403, 'forbidden', why, { field: 'type', errors: facts.errors })
      }
      case 'unavailable':
        return unavailable(res, facts.message ?? '')
      case 'insufficient_storage':
        return insufficientStorage(res, facts.message ?? '')
      case 'backpressure':
        return backpressure(res, facts.message ?? '')
    }
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
    const ran = await requests.run({ req, res, reserved })
    if (ran.kind === 'dlq') {
      counters.add('rejected_body')
      throw ran.error
    }
    if (ran.kind === 'drop') return refuse(res, ran.reason, ran.detail)

    const { events, outcome } = ran.value
    const { accepted, duplicates, failed, unconfirmed, error } = outcome
    counters.add('duplicate_event_id', duplicates)
    counters.add('accepted', accepted)
    if (failed.length || unconfirmed.length) {
      deps.log?.(error?.message ?? 'publish failed')
      const keptNone = accepted === 0 && duplicates === 0 && unconfirmed.length === 0
      if (keptNone && isStorageError(error)) return insufficientStorage(res, error!.message)
      // The stream filled between the backlog watch's looks: JetStream refused every message of the batch.
      if (keptNone && isStreamFull(error))
        return backpressure(res, 'the event stream is full (MOFANG_STREAM_MAX_BYTES)')
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

  /**
   * Stores events that Mofang's own connectors made from a platform's request (channels/, the PBX feed): the same
   * checks, dedup window and acknowledgement as POST /v1/events, for a tenant the connector has authenticated.
   * Resolves once JetStream acknowledged every event (or an earlier copy); throws SubmitError otherwise, with
   * nothing to undo: the platform retries and the dedup window absorbs what was kept.
   */
  async function submit(tenant: string, items: unknown[]): Promise<{ accepted: number; duplicates: number }> {
    const batch: BatchContext = { tenant, now: Date.now(), tsRange, clientSupplied: new Set() }
    const { values: events, stopped } = eventPipeline.runBatch(items, batch)
    if (stopped.length) {
      const { index, outcome } = stopped[0]
      const detail = (outcome as Drop<EventDrop, FieldError>).detail
      counters.add(REFUSAL_OF[outcome.reason as EventDrop] as IngestOutcome, items.length)
      throw new SubmitError('invalid', `event ${index}: ${detail?.field ?? ''} ${detail?.reason ?? outcome.reason}`)
    }
    if (!deps.brokerUp()) throw new SubmitError('unavailable', 'not connected to NATS')
    const problem = deps.storageProblem?.()
    if (problem) throw new SubmitError('insufficient_storage', problem)
    const backlog = deps.backlogProblem?.()
    if (backlog) throw new SubmitError('unavailable', backlog)
    const { accepted, duplicates, failed, unconfirmed, error } = await acceptEvents(events, batch.clientSupplied, deps)
    counters.add('duplicate_event_id', duplicates)
    counters.add('accepted', accepted)
    if (failed.length || unconfirmed.length)
      throw new SubmitError(
        'unavailable',
        error?.message ?? `${failed.length + unconfirmed.length} events not acknowledged`,
      )
    return { accepted, duplicates }
  }

  return { handle, submit, counters, pipeline: requests }
}

/** Why `submit` kept nothing for sure: the events were invalid, or the broker or the disk cannot take them now. */
export class SubmitError extends Error {
  readonly code: 'invalid' | 'unavailable' | 'insufficient_storage'
  constructor(code: SubmitError['code'], message: string) {
    super(message)
    this.name = 'SubmitError'
    this.code = code
  }
}

/** What connectors get to store events with: createEventsEndpoint(…).submit. */
export type SubmitEvents = ReturnType<typeof createEventsEndpoint>['submit']

/** Seconds a client waits while the stream is full or the sink too far behind (the watch looks each second). */
const BACKPRESSURE_RETRY_S = 5

/** JetStream's refusal of a publish past the stream's own limits (discard New): nothing of the message was stored. */
function isStreamFull(err: Error | undefined): boolean {
  return /maximum (bytes|messages) exceeded/i.test(String(err?.message ?? ''))
}

/** JetStream's answer when its store is full (nats-server: "insufficient resources"), or a full disk. */
function isStorageError(err: Error | undefined): boolean {
  return /insufficient (resources|storage)|no space left|ENOSPC/i.test(String(err?.message ?? ''))
}
