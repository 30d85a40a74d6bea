/**
 * Event validation: compiled once, run per event on the ingest hot path.
 * A bad event is a value ({ field, reason }), never an exception.
 */
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler'
import type { TSchema } from '@sinclair/typebox'
import { Envelope, PAYLOADS, EVENT_TYPES, familyAllowsChannel, needsInteraction, type EventType, type IncomingEvent } from './events.js'

export interface FieldError {
  /** JSON path of the offending field, e.g. `payload.score` or `customer.phone`. */
  field: string
  reason: string
}

export type Validation = { ok: true; event: IncomingEvent } | { ok: false; error: FieldError }

const envelopeCheck = TypeCompiler.Compile(Envelope)
const payloadChecks = new Map<EventType, TypeCheck<TSchema>>(EVENT_TYPES.map((t) => [t, TypeCompiler.Compile(PAYLOADS[t])]))

function firstError(check: TypeCheck<TSchema>, value: unknown, prefix: string): FieldError {
  const err = check.Errors(value).First()
  if (!err) return { field: prefix || '(event)', reason: 'invalid' }
  const path = err.path.replace(/^\//, '').replaceAll('/', '.')
  const field = [prefix, path].filter(Boolean).join('.') || '(event)'
  if (/unexpected property/i.test(err.message)) return { field, reason: 'unknown field' }
  if (err.value === undefined) return { field, reason: 'required' }
  if (path === 'type' && prefix === '') return { field: 'type', reason: `unknown event type; expected one of ${EVENT_TYPES.join(', ')}` }
  return { field, reason: err.message.toLowerCase() }
}

export function validateEvent(value: unknown): Validation {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: { field: '(event)', reason: 'expected a JSON object' } }
  }
  const raw = value as Record<string, unknown>
  if (raw.tenant === undefined) return { ok: false, error: { field: 'tenant', reason: 'required' } }
  if (!envelopeCheck.Check(raw)) return { ok: false, error: firstError(envelopeCheck, raw, '') }
  const event = raw as IncomingEvent
  if (!familyAllowsChannel(event.type, event.channel)) {
    return { ok: false, error: { field: 'channel', reason: `event type ${event.type} cannot occur on channel ${event.channel}` } }
  }
  if (needsInteraction(event.type) && !event.interaction_id) {
    return { ok: false, error: { field: 'interaction_id', reason: `required for ${event.type}` } }
  }
  if (event.type.startsWith('agent.') && !event.agent_id) {
    return { ok: false, error: { field: 'agent_id', reason: `required for ${event.type}` } }
  }
  if (event.type === 'identity.identify' && Object.keys(event.customer ?? {}).length < 2) {
    return { ok: false, error: { field: 'customer', reason: 'identity.identify links at least two identities' } }
  }
  const payload = event.payload ?? {}
  const check = payloadChecks.get(event.type)!
  if (!check.Check(payload)) return { ok: false, error: firstError(check, payload, 'payload') }
  return { ok: true, event }
}
