/**
 * From stored events to the QA engine's Interaction: the turns of a chat (chat.message) or a ticket
 * (public ticket.comment), the customer's name and the survey answers. Pure, so it is unit-tested
 * without ClickHouse; the service feeds it rows of sql/queries/qa_interaction_events.sql.
 */
import type { Interaction, Speaker, Turn } from './types.js'

/** One row of qa_interaction_events. */
export interface InteractionEventRow {
  interaction_id: string
  event_id: string
  type: string
  channel: string
  /** ms since the epoch */
  ts: number
  /** When ingest accepted the event, ms since the epoch. */
  received_at: number
  customer_name: string
  agent_id: string
  queue: string
  /** The event's payload as JSON text. */
  payload: string
  /** What OCR read from the message's images (sql/queries/qa_interaction_ocr.sql), when any. */
  ocr_text?: string
}

/** An interaction ready to score, with what the QA tables store beside the result. */
export interface ScorableInteraction {
  tenant: string
  interaction: Interaction
  queue: string
  agent_id: string
  /** When the interaction ended (its end event, or its last turn), ms. */
  ended_at: number
}

const SPEAKERS = new Set<string>(['customer', 'agent', 'bot'])
const END_TYPES = new Set(['chat.ended', 'ticket.resolved', 'voice.ended'])

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** A message or public comment as a turn; system messages and internal notes are not part of the conversation. */
function turnOf(row: InteractionEventRow, payload: Record<string, unknown>): Turn | null {
  if (row.type !== 'chat.message' && row.type !== 'ticket.comment') return null
  if (row.type === 'ticket.comment' && payload.public === false) return null
  const role = String(payload.role ?? '')
  const said = typeof payload.text === 'string' ? payload.text : ''
  // A screenshot's text reads as part of the message (on its own line), so facts and checks see it.
  const text = row.ocr_text ? `${said}\n${row.ocr_text}` : said
  if (!SPEAKERS.has(role) || !text.trim()) return null
  return { role: role as Speaker, text, ts: row.ts }
}

/**
 * Builds one interaction from its events (any order). The queue and agent are the last non-empty ones
 * (after a transfer, the agent who finished it answers for it).
 */
export function buildInteraction(tenant: string, rows: readonly InteractionEventRow[]): ScorableInteraction | null {
  if (rows.length === 0) return null
  const sorted = [...rows].sort(
    (a, b) => a.ts - b.ts || a.received_at - b.received_at || a.event_id.localeCompare(b.event_id),
  )
  const turns: Turn[] = []
  const survey: NonNullable<Interaction['survey']> = {}
  let customerName = ''
  let queue = ''
  let agent = ''
  let channel = ''
  let endedAt: number | undefined
  for (const row of sorted) {
    const payload = parsePayload(row.payload)
    const turn = turnOf(row, payload)
    if (turn) turns.push(turn)
    if (row.type === 'survey.nps' && typeof payload.score === 'number') survey.nps = payload.score
    if (row.type === 'survey.csat' && typeof payload.score === 'number') survey.csat = payload.score
    if (END_TYPES.has(row.type)) endedAt = Math.max(endedAt ?? 0, row.ts)
    if (row.customer_name) customerName = row.customer_name
    if (row.queue) queue = row.queue
    if (row.agent_id) agent = row.agent_id
    if (!channel && row.channel) channel = row.channel
  }
  const interaction: Interaction = { interaction_id: sorted[0].interaction_id, channel, turns }
  if (customerName) interaction.customer_name = customerName
  if (survey.nps !== undefined || survey.csat !== undefined) interaction.survey = survey
  return { tenant, interaction, queue, agent_id: agent, ended_at: endedAt ?? sorted[sorted.length - 1].ts }
}

/** Groups rows by interaction id, keeping each group's order. */
export function groupByInteraction(rows: readonly InteractionEventRow[]): Map<string, InteractionEventRow[]> {
  const groups = new Map<string, InteractionEventRow[]>()
  for (const row of rows) {
    const list = groups.get(row.interaction_id)
    if (list) list.push(row)
    else groups.set(row.interaction_id, [row])
  }
  return groups
}

export type Readiness = { ready: true } | { ready: false; waitMs: number }

/**
 * Whether an interaction's events are all in ClickHouse. The end event arrives on the stream after the
 * messages, but the sink writes in batches (every flushMs), so the end can be in the stream before the last
 * messages are in the table, and messages posted in the same request may trail it by a batch. Ready once
 * the end event itself is stored and `settleMs` have passed since ingest accepted it; otherwise wait.
 */
export function readiness(
  rows: readonly InteractionEventRow[],
  endEventId: string,
  now: number,
  settleMs: number,
): Readiness {
  const end = rows.find((r) => r.event_id === endEventId)
  if (!end) return { ready: false, waitMs: settleMs }
  const age = now - end.received_at
  return age >= settleMs ? { ready: true } : { ready: false, waitMs: Math.max(50, settleMs - age) }
}
