/**
 * Live conversations and agent assist: what the conversations service publishes on NATS while a chat or call is open
 * (`<prefix>.conversation.<tenant>`, one ConversationUpdate a message, core NATS), what OCR publishes for an image on
 * a message (`<prefix>.ocr.result.<tenant>`), the JSON of `/api/live/*`, `/api/kb/*`, `/v1/assist/*` and
 * `/api/customers/:id/profile`. Types only; times are ms since the Unix epoch, scores in [-1, 1].
 */

/** A key fact found in a message's text or in the text read from its screenshot. */
export interface LiveFact {
  kind: 'error_code' | 'product_model' | 'order_number'
  value: string
  /** Where it was found: the words of a message, or the text OCR read from one of its images. */
  source: 'text' | 'ocr'
  /** Event id of the message it came from. */
  event_id: string
  ts: number
}

/** Why a conversation deserves a look: raised and cleared by the conversations service. */
export type ConversationFlag =
  /** Smoothed customer mood below the angry threshold. */
  | 'angry_customer'
  /** A customer or agent message hit a sensitive or forbidden word. */
  | 'sensitive_word'
  /** Nobody wrote for longer than the silence limit. */
  | 'long_silence'
  /** The customer's last message has waited for an agent reply longer than the reply limit. */
  | 'agent_not_replying'
  /** The customer used escalation words (投诉, 差评, 要求退款, manager, complaint…). */
  | 'escalation'

/** One point of a conversation's mood line: after each customer message (and as waiting drags it down). */
export interface MoodPoint {
  ts: number
  /** The message's own sentiment, before signals and smoothing. */
  message: number | null
  /** The conversation's smoothed mood. */
  mood: number
  /** The signals that moved it at this point (`waited_90s`, `burst`, `escalation:投诉`, `punctuation`…). */
  signals: string[]
}

/** One message as the live views show it: PII already masked. */
export interface LiveMessage {
  event_id: string
  ts: number
  role: 'customer' | 'agent' | 'bot' | 'system'
  text: string
  attachments?: { kind: string; url?: string; content_type?: string; ocr_text?: string; error?: string }[]
  /** Sentiment of a customer message. */
  sentiment?: number
}

/** A row of the supervisor's live view. */
export interface LiveConversation {
  tenant_id: string
  interaction_id: string
  channel: string
  kind: 'chat' | 'call'
  queue: string | null
  agent_id: string | null
  agent_name: string | null
  customer_id: string | null
  /** `waiting` (queued, no agent), `bot`, `talking` (with an agent), `hold`, `wrap_up`. */
  state: 'waiting' | 'bot' | 'talking' | 'hold' | 'wrap_up'
  started_at: number
  /** When the contact joined its queue, until answered. */
  queued_at: number | null
  last_message_at: number | null
  /** How long the customer's latest unanswered message has waited for an agent reply, ms (0 when answered). */
  customer_waiting_ms: number
  mood: number | null
  /** The last up to 30 mood points, oldest first. */
  mood_line: MoodPoint[]
  flags: ConversationFlag[]
  messages_count: number
  facts: LiveFact[]
}

/** The detail of one open conversation: the row plus what was said so far (PII masked). */
export interface LiveConversationDetail extends LiveConversation {
  messages: LiveMessage[]
  /** Live transcript lines of a call, when live transcription is available; empty otherwise. */
  transcript: LiveMessage[]
}

/** What the conversations service publishes after each change of an open conversation, and when it ends. */
export interface ConversationUpdate {
  conversation: LiveConversationDetail
  /** The message that caused this update (absent for timer-driven updates such as waiting). */
  event_id?: string
  /** When the event that caused it was accepted by ingest (for latency measurement), ms. */
  ingested_at?: number
  ended: boolean
}

/** `GET /api/live/conversations`: every open conversation of the tenant. */
export interface LiveConversationsAnswer {
  asOf: number
  conversations: LiveConversation[]
}

/** What OCR read from one image on a message, and the facts in it; `error` when it could not be read. */
export interface OcrResult {
  tenant_id: string
  interaction_id: string
  event_id: string
  attachment_index: number
  sha256: string | null
  text: string
  facts: { kind: LiveFact['kind']; value: string }[]
  error: string | null
  ms: number
}

/** An incident: at least N conversations within M minutes sharing an error code or matching an incident rule. */
export interface Incident {
  id: string
  tenant_id: string
  /** The error code or rule name the conversations share. */
  key: string
  rule: string
  started_at: number
  /** null while open. */
  ended_at: number | null
  conversations: number
  interaction_ids: string[]
}

/** A knowledge-base article. */
export interface KbArticle {
  id: string
  title: string
  body: string
  tags: string[]
  products: string[]
  error_codes: string[]
  updated_at: number
}

/** A suggested article, with why it matched. */
export interface KbSuggestion {
  article: KbArticle
  score: number
  /** What matched: `error_code:0x0000007B`, `product:ThinkPad X1 Carbon`, `words`. */
  matched: string[]
}

/** `GET /api/kb/articles`: the tenant's articles, newest first, or those that answer `q` best first. */
export interface KbArticleList {
  /** Articles the tenant has in all. */
  total: number
  articles: KbArticle[]
}

/** `POST /api/kb/import`: the articles stored (new or replaced), in the file's order. */
export interface KbImportAnswer {
  imported: number
  ids: string[]
}

/** `GET /api/assist/stream`: sent on each ConversationUpdate of the interaction (event `assist`). */
export interface AssistUpdate {
  interaction_id: string
  facts: LiveFact[]
  mood: number | null
  flags: ConversationFlag[]
  suggestions: KbSuggestion[]
  ended: boolean
}

/** `POST /v1/assist/check`: a draft agent message's problems. */
export interface AssistCheckAnswer {
  ok: boolean
  spans: { start: number; end: number; word: string; kind: 'forbidden' | 'sensitive'; reason: string }[]
  /** The draft with each span replaced by a safer phrase, when one is known. */
  suggestion: string | null
}

/** `GET /api/customers/:id/profile`: what the warehouse knows of the customer. */
export interface CustomerProfile {
  customer_id: string
  identities: { kind: string; value_masked: string }[]
  channels: string[]
  vip_tier: string | null
  complaints: number
  last_contacts: {
    interaction_id: string
    channel: string
    started_at: number
    outcome: string
    queue: string | null
    agent_id: string | null
  }[]
  open_tickets: { interaction_id: string; subject: string; status: string; priority: string; created_at: number }[]
  products: string[]
  error_codes: string[]
  nps: { ts: number; score: number }[]
  csat: { ts: number; score: number }[]
}
