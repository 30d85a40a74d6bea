/**
 * The customer profile an agent sees beside a conversation (GET /api/customers/:id/profile): what the warehouse
 * knows of the customer across every id merged into theirs (warehouse customerIds) and every contact those ids or
 * their identities took part in (customer_interactions.sql, as privacy's export finds them): identities (masked),
 * channels, VIP tier, complaints, the last contacts with their outcome, open tickets, products and error codes QA
 * found before (and OCR read from their screenshots), and survey answers. Queries in
 * sql/queries/customer_profile_*.sql.
 */
import type { CustomerProfile } from '../core/contracts/index.js'
import { redact } from '../kits/pii/index.js'
import { customerIds, loadQuery, type Warehouse } from '../warehouse/index.js'

/** How much of each list the profile carries. */
export const PROFILE_LIMITS = { contacts: 10, tickets: 20, facts: 50, surveys: 20 } as const

/** Characters of an identity value left readable when no PII rule recognises it (an open id, a CRM id, a hash). */
const VISIBLE_TAIL = 4
/** At most this many '*' before that tail: the length of such an id tells nothing, and long ones crowd the card. */
const MAX_STARS = 8

/**
 * An identity value fit for an agent's screen: phone numbers, e-mails, ID and card numbers masked by the PII kit's
 * rules (same length); any other value (platform ids, or the hashes a redacting tenant stores, which identify a
 * person just as well) shows only its last characters, enough to tell two apart.
 */
export function maskIdentity(value: string): string {
  const { text, spans } = redact(value)
  if (spans.length) return text
  if (value.length <= VISIBLE_TAIL) return '*'.repeat(value.length)
  return '*'.repeat(Math.min(MAX_STARS, value.length - VISIBLE_TAIL)) + value.slice(-VISIBLE_TAIL)
}

interface SummaryRow {
  channels: string[]
  vip: number
  complaints: number
}

/** The profile of one customer of a tenant, or null when the tenant has no event of that customer. */
export async function customerProfile(
  wh: Warehouse,
  tenant: string,
  customerId: string,
): Promise<CustomerProfile | null> {
  const ids = await customerIds(wh, tenant, customerId)
  const identityRows = await wh.query<{ identity: string }>(loadQuery('customer_identities'), { tenant, ids })
  const identities = identityRows.map((r) => r.identity).sort()
  const iids = (
    await wh.query<{ interaction_id: string }>(loadQuery('customer_interactions'), { tenant, ids, identities })
  ).map((r) => r.interaction_id)
  if (!identities.length && !iids.length) return null

  const [summary, contacts, tickets, facts, surveys] = await Promise.all([
    wh.query<SummaryRow>(loadQuery('customer_profile_summary'), { tenant, ids, iids }),
    wh.query<CustomerProfile['last_contacts'][number]>(loadQuery('customer_profile_contacts'), {
      tenant,
      iids,
      limit: PROFILE_LIMITS.contacts,
    }),
    wh.query<CustomerProfile['open_tickets'][number]>(loadQuery('customer_profile_tickets'), {
      tenant,
      iids,
      limit: PROFILE_LIMITS.tickets,
    }),
    wh.query<{ kind: string; value: string }>(loadQuery('customer_profile_facts'), {
      tenant,
      iids,
      limit: PROFILE_LIMITS.facts,
    }),
    wh.query<{ ts: number; type: string; score: number }>(loadQuery('customer_profile_surveys'), {
      tenant,
      ids,
      iids,
      limit: PROFILE_LIMITS.surveys,
    }),
  ])
  const s = summary[0] ?? { channels: [], vip: 0, complaints: 0 }
  // Surveys come newest first (the limit keeps the latest); the profile lists them oldest first, as a history.
  const scores = (type: string) =>
    surveys
      .filter((r) => r.type === type)
      .map((r) => ({ ts: Number(r.ts), score: Number(r.score) }))
      .reverse()
  return {
    customer_id: ids[0],
    identities: identities.map((identity) => {
      const at = identity.indexOf(':')
      return { kind: identity.slice(0, at), value_masked: maskIdentity(identity.slice(at + 1)) }
    }),
    channels: s.channels,
    vip_tier: Number(s.vip) > 0 ? String(s.vip) : null,
    complaints: Number(s.complaints),
    last_contacts: contacts.map((c) => ({ ...c, started_at: Number(c.started_at) })),
    open_tickets: tickets.map((t) => ({ ...t, created_at: Number(t.created_at) })),
    products: facts.filter((f) => f.kind === 'product_model').map((f) => f.value),
    error_codes: facts.filter((f) => f.kind === 'error_code').map((f) => f.value),
    nps: scores('survey.nps'),
    csat: scores('survey.csat'),
  }
}
