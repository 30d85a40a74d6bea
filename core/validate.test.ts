import { describe, expect, it } from 'vitest'
import { validateEvent } from './validate.js'
import { eventJsonSchema, EVENT_TYPES, subjectOf } from './events.js'

const base = { tenant: 'acme', ts: Date.UTC(2026, 0, 5, 9), channel: 'voice', type: 'voice.offered', interaction_id: 'c1' }
const error = (v: unknown) => {
  const r = validateEvent(v)
  if (r.ok) throw new Error('expected an error')
  return r.error
}

describe('validateEvent', () => {
  it('accepts a minimal valid event of each family', () => {
    expect(validateEvent(base).ok).toBe(true)
    expect(validateEvent({ ...base, channel: 'wechat', type: 'chat.message', payload: { role: 'customer', text: '你好' } }).ok).toBe(true)
    expect(validateEvent({ ...base, channel: 'ticket', type: 'ticket.created', payload: { subject: 'Broken screen', priority: 'high' } }).ok).toBe(true)
    expect(validateEvent({ tenant: 'acme', ts: base.ts, channel: 'voice', type: 'agent.not_ready', agent_id: 'a1', payload: { reason: 'lunch' } }).ok).toBe(true)
    expect(validateEvent({ ...base, type: 'survey.csat', payload: { score: 5, comment: '很满意' } }).ok).toBe(true)
  })

  it('names the field and the reason', () => {
    expect(error({ ...base, ts: undefined })).toEqual({ field: 'ts', reason: 'required' })
    expect(error({ ...base, ts: 'now' }).field).toBe('ts')
    expect(error({ ...base, type: 'voice.exploded' })).toMatchObject({ field: 'type', reason: expect.stringMatching(/unknown event type/) })
    expect(error({ ...base, type: 'survey.nps', payload: { score: 11 } }).field).toBe('payload.score')
    expect(error({ ...base, customer: { phone: '1', fax: '2' } })).toEqual({ field: 'customer.fax', reason: 'unknown field' })
    expect(error({ ...base, interaction_id: undefined })).toMatchObject({ field: 'interaction_id' })
    expect(error({ tenant: 'acme', ts: base.ts, channel: 'voice', type: 'agent.ready' })).toMatchObject({ field: 'agent_id' })
    expect(error({ ...base, channel: 'wechat' })).toMatchObject({ field: 'channel' })
    expect(error({ ...base, tenant: 'Bad Tenant!' }).field).toBe('tenant')
    expect(error([base])).toEqual({ field: '(event)', reason: 'expected a JSON object' })
    expect(error({ ...base, type: 'identity.identify', customer: { phone: '1' } })).toMatchObject({ field: 'customer' })
  })

  it('keeps SQL-looking text as plain data', () => {
    const r = validateEvent({ ...base, channel: 'webchat', type: 'chat.message', payload: { role: 'customer', text: "'); DROP TABLE events; --" } })
    expect(r.ok).toBe(true)
  })
})

describe('event schema export', () => {
  it('lists every event type with its payload schema', () => {
    const schema = eventJsonSchema() as { oneOf: { properties: { type: { const: string } } }[] }
    expect(schema.oneOf.map((s) => s.properties.type.const)).toEqual(EVENT_TYPES)
  })
  it('builds subjects from tenant, channel and type', () => {
    expect(subjectOf({ tenant: 'acme', channel: 'wechat', type: 'chat.ended' })).toBe('cx.acme.wechat.chat.ended')
  })
})
