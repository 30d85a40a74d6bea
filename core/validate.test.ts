import { describe, expect, it } from 'vitest'
import { DEFAULT_TS_RANGE, idProblem, validateEvent } from './validate.js'
import { eventJsonSchema, EVENT_TYPES, subjectOf } from './events.js'

const base = {
  tenant: 'acme',
  ts: Date.UTC(2026, 0, 5, 9),
  channel: 'voice',
  type: 'voice.offered',
  interaction_id: 'c1',
}
const error = (v: unknown) => {
  const r = validateEvent(v)
  if (r.ok) throw new Error('expected an error')
  return r.error
}

describe('validateEvent', () => {
  it('accepts a minimal valid event of each family', () => {
    expect(validateEvent(base).ok).toBe(true)
    expect(
      validateEvent({ ...base, channel: 'wechat', type: 'chat.message', payload: { role: 'customer', text: '你好' } })
        .ok,
    ).toBe(true)
    expect(
      validateEvent({
        ...base,
        channel: 'ticket',
        type: 'ticket.created',
        payload: { subject: 'Broken screen', priority: 'high' },
      }).ok,
    ).toBe(true)
    expect(
      validateEvent({
        tenant: 'acme',
        ts: base.ts,
        channel: 'voice',
        type: 'agent.not_ready',
        agent_id: 'a1',
        payload: { reason: 'lunch' },
      }).ok,
    ).toBe(true)
    expect(validateEvent({ ...base, type: 'survey.csat', payload: { score: 5, comment: '很满意' } }).ok).toBe(true)
  })

  it('names the field and the reason', () => {
    expect(error({ ...base, ts: undefined })).toEqual({ field: 'ts', reason: 'required' })
    expect(error({ ...base, ts: 'now' }).field).toBe('ts')
    expect(error({ ...base, type: 'voice.exploded' })).toMatchObject({
      field: 'type',
      reason: expect.stringMatching(/unknown event type/),
    })
    expect(error({ ...base, type: 'survey.nps', payload: { score: 11 } }).field).toBe('payload.score')
    expect(error({ ...base, customer: { phone: '1', fax: '2' } })).toEqual({
      field: 'customer.fax',
      reason: 'unknown field',
    })
    expect(error({ ...base, interaction_id: undefined })).toMatchObject({ field: 'interaction_id' })
    expect(error({ tenant: 'acme', ts: base.ts, channel: 'voice', type: 'agent.ready' })).toMatchObject({
      field: 'agent_id',
    })
    expect(error({ ...base, channel: 'wechat' })).toMatchObject({ field: 'channel' })
    expect(error({ ...base, tenant: 'Bad Tenant!' }).field).toBe('tenant')
    expect(error([base])).toEqual({ field: '(event)', reason: 'expected a JSON object' })
    expect(error({ ...base, type: 'identity.identify', customer: { phone: '1' } })).toMatchObject({ field: 'customer' })
  })

  it('keeps SQL-looking text as plain data', () => {
    const r = validateEvent({
      ...base,
      channel: 'webchat',
      type: 'chat.message',
      payload: { role: 'customer', text: "'); DROP TABLE events; --" },
    })
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

describe('id characters', () => {
  const bad = {
    NUL: '\u0000',
    'U+001F': '\u001f',
    DEL: '\u007f',
    'U+0085': '\u0085',
    'U+200B': '\u200b',
    'U+200F': '\u200f',
    'U+202A': '\u202a',
    'U+202E': '\u202e',
    'U+2066': '\u2066',
    'U+2069': '\u2069',
    'U+FEFF': '\ufeff',
  }

  it('refuses control and invisible format characters in event_id, naming the field and the code point', () => {
    expect(error({ ...base, event_id: 'evt\u0000-1' })).toEqual({
      field: 'event_id',
      reason: expect.stringMatching(/^contains U\+0000: control/),
    })
    expect(error({ ...base, event_id: 'evt-\u202e1' })).toEqual({
      field: 'event_id',
      reason: expect.stringMatching(/^contains U\+202E: /),
    })
  })

  it('refuses them in every id and label field', () => {
    for (const [name, ch] of Object.entries(bad)) {
      const id = `a${ch}b`
      const code = name.startsWith('U+') ? name : 'U+'
      expect(error({ ...base, interaction_id: id }), name).toMatchObject({
        field: 'interaction_id',
        reason: expect.stringContaining(code),
      })
      expect(
        error({ tenant: 'acme', ts: base.ts, channel: 'voice', type: 'agent.ready', agent_id: id }).field,
        name,
      ).toBe('agent_id')
      expect(error({ ...base, queue: id }).field, name).toBe('queue')
      expect(error({ ...base, team: id }).field, name).toBe('team')
      expect(error({ ...base, site: id }).field, name).toBe('site')
      expect(error({ ...base, skills: ['ok', id] }).field, name).toBe('skills.1')
      expect(error({ ...base, customer: { phone: id } }).field, name).toBe('customer.phone')
      expect(error({ ...base, tenant: `acme${ch}` }).field, name).toBe('tenant')
      expect(error({ ...base, type: 'voice.transfer', payload: { kind: 'warm', to_agent: id } }).field, name).toBe(
        'payload.to_agent',
      )
    }
  })

  it('keeps spaces in labels, and the characters in free text', () => {
    expect(
      validateEvent({ ...base, queue: 'Card services', team: '客服 一组', customer: { phone: '+86 138 0000 0000' } })
        .ok,
    ).toBe(true)
    const chat = {
      ...base,
      channel: 'webchat',
      type: 'chat.message',
      payload: { role: 'customer', text: 'a\u202eb\u0000' },
    }
    expect(validateEvent({ ...chat, customer_name: 'Wei\u200dWang' }).ok).toBe(true)
    expect(error({ ...base, interaction_id: 'a b' })).toEqual({
      field: 'interaction_id',
      reason: 'contains whitespace (U+0020): not allowed in ids',
    })
  })

  it('idProblem explains an id from a path or query the same way', () => {
    expect(idProblem('c-1')).toBeUndefined()
    expect(idProblem('')).toBe('must not be empty')
    expect(idProblem('x'.repeat(129))).toBe('longer than 128 characters')
    expect(idProblem('a\u2066b')).toMatch(/^contains U\+2066/)
  })
})

describe('accepted ts range', () => {
  const now = Date.UTC(2026, 11, 6, 12)
  const opts = { tsRange: DEFAULT_TS_RANGE, now }
  const at = (ts: number) => validateEvent({ ...base, ts }, opts)

  it('accepts years of history and a little clock skew', () => {
    expect(at(Date.UTC(2023, 11, 6, 12)).ok).toBe(true) // three years ago: historical imports
    expect(at(now - 1829 * 86_400_000).ok).toBe(true)
    expect(at(now + 300_000).ok).toBe(true)
    expect(at(now).ok).toBe(true)
  })

  it('refuses ts too far ahead or behind, naming ts, the bound and the setting', () => {
    const future = at(Date.UTC(2100, 0, 1) - 1)
    expect(future).toEqual({
      ok: false,
      error: { field: 'ts', reason: 'more than 300 s ahead of the server clock (MOFANG_MAX_FUTURE_S)' },
    })
    expect(at(now + 300_001)).toMatchObject({ ok: false, error: { field: 'ts' } })
    expect(at(now - 1831 * 86_400_000)).toEqual({
      ok: false,
      error: { field: 'ts', reason: 'more than 1830 days in the past (MOFANG_MAX_PAST_DAYS)' },
    })
    const narrow = validateEvent(
      { ...base, ts: now + 61_000 },
      { tsRange: { maxFutureMs: 60_000, maxPastMs: 86_400_000 }, now },
    )
    expect(narrow).toMatchObject({ ok: false, error: { field: 'ts', reason: expect.stringContaining('60 s') } })
  })

  it('applies only the schema bounds without a range (offline tools, fixed-date tests)', () => {
    expect(validateEvent({ ...base, ts: Date.UTC(2099, 0, 1) }).ok).toBe(true)
    expect(error({ ...base, ts: Date.UTC(2100, 0, 2) }).field).toBe('ts')
  })
})
