import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '../core/index.js'
import type { Footprint } from './footprint.js'
import { customerMatcher } from './stream-copies.js'

const fp: Footprint = {
  tenant: 'acme',
  customerId: '0190-a',
  ids: ['0190-a', '0190-b'],
  identities: ['phone:h:digest1'],
  interactions: ['chat-1'],
  identityKeys: [],
}
const match = customerMatcher(fp)
const event = (e: Partial<StoredEvent>): StoredEvent =>
  ({ tenant: 'acme', event_id: 'e', type: 'chat.message', channel: 'wechat', ts: 0, ...e }) as StoredEvent
const message = (subject: string, body: unknown) => ({
  seq: 1,
  subject,
  data: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
})

describe('a customer in the streams', () => {
  it('owns events by id, merge, identity or interaction, in their tenant only', () => {
    expect(match.owns(event({ customer_id: '0190-b' }))).toBe(true)
    expect(match.owns(event({ customer_id: '0190-z', merged_from: ['0190-a'] }))).toBe(true)
    expect(match.owns(event({ customer: { phone: 'h:digest1' } }))).toBe(true)
    expect(match.owns(event({ interaction_id: 'chat-1' }))).toBe(true)
    // The agent's working time keeps the interaction id; another tenant's chat-1 is another chat.
    expect(match.owns(event({ interaction_id: 'chat-1', type: 'agent.wrap_up' }))).toBe(false)
    expect(match.owns(event({ interaction_id: 'chat-1', tenant: 'beta' }))).toBe(false)
    expect(match.owns(event({ customer_id: '0190-z', customer: { email: 'h:digest1' } }))).toBe(false)
  })

  it('is mentioned by a whole id, and by an interaction id only in a message of their tenant', () => {
    const alert = { tenant: 'acme', id: 'qa:chat-1', text: 'QA: blame in chat-1 (agent a-2)' }
    expect(match.mentions(message('alert.acme', alert))).toBe(true)
    expect(match.mentions(message('transcribe.job.acme', { tenant: 'acme', interaction_id: 'chat-1' }))).toBe(true)
    expect(match.mentions(message('qa.result.beta', { tenant: 'beta', interaction_id: 'chat-1' }))).toBe(false)
    expect(match.mentions(message('qa.result.acme', { tenant: 'acme', interaction_id: 'chat-10' }))).toBe(false)
    expect(match.mentions(message('dlq.undecodable', 'garbage 0190-b garbage'))).toBe(true)
    expect(match.mentions(message('dlq.undecodable', 'garbage 0190-bc'))).toBe(false)
  })
})
