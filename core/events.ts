/**
 * The event model: one versioned envelope for every call, chat, ticket, agent,
 * survey and identity event, with a typed payload per event type.
 *
 * The schemas are TypeBox, i.e. plain JSON Schema: `mofang schema` exports them
 * for integrators, and the ingest API compiles them into fast validators.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'

export const SCHEMA_VERSION = 1

/** Channels a contact can arrive on. Subjects and tables use these names verbatim. */
export const CHANNELS = [
  'voice',
  'webchat',
  'app',
  'wechat',
  'wecom',
  'dingtalk',
  'facebook',
  'line',
  'email',
  'ticket',
  'bot',
] as const
export type Channel = (typeof CHANNELS)[number]

/** Channels whose conversations are message threads (the `chat.*` family). */
export const MESSAGING_CHANNELS: readonly Channel[] = [
  'webchat',
  'app',
  'wechat',
  'wecom',
  'dingtalk',
  'facebook',
  'line',
  'email',
  'bot',
]

/**
 * Messaging channels whose conversations are live chats with agents, each agent holding several at once (staffed
 * as chats, kits/erlang chat.ts); e-mail is worked from a backlog, and bot conversations need no agent.
 */
export const LIVE_CHAT_CHANNELS: readonly Channel[] = MESSAGING_CHANNELS.filter((c) => c !== 'email' && c !== 'bot')

/** Identity kinds a customer can be known by. Identities seen on one event belong to one customer. */
export const IDENTITY_KINDS = [
  'phone',
  'email',
  'wechat_openid',
  'wechat_unionid',
  /** WeCom (企业微信) customer-service external user id. */
  'wecom_external_userid',
  'app_user_id',
  'dingtalk_id',
  'facebook_psid',
  'line_user_id',
  'crm_id',
] as const
export type IdentityKind = (typeof IDENTITY_KINDS)[number]

/**
 * Characters no id or label may contain (a regex class body, JSON Schema/ECMA-262 escapes): C0 and C1 controls
 * and DEL, and the invisible format characters — soft hyphen, Arabic letter mark, Mongolian vowel separator,
 * zero-width space/joiners, LRM/RLM, line/paragraph separators, bidi embeddings and overrides (U+202A–U+202E),
 * word joiner, invisible operators and bidi isolates (U+2060–U+206F), BOM and interlinear annotations.
 * They pass JSON but make two different ids look the same, or reorder an id on screen (U+202E), in the
 * wallboard, logs and SQL results; NUL also truncates ids in C-based tools. Free text (payload text, names) may
 * keep them. Kept as one character class so each id field costs one precompiled regex test.
 */
export const ID_FORBIDDEN_CLASS =
  '\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\uFEFF\\uFFF9-\\uFFFB'
/** Ids (interaction, agent, message…): no whitespace, no forbidden character. */
export const ID_PATTERN = `^[^\\s${ID_FORBIDDEN_CLASS}]+$`
/** Labels and identity values (queue, team, site, skills, tags, phone…): spaces allowed, no forbidden character. */
export const LABEL_PATTERN = `^[^${ID_FORBIDDEN_CLASS}]+$`

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max })
const Id = Type.String({ minLength: 1, maxLength: 128, pattern: ID_PATTERN })
const Label = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: LABEL_PATTERN })
const Role = Type.Union([Type.Literal('customer'), Type.Literal('agent'), Type.Literal('bot'), Type.Literal('system')])
const EndedBy = Type.Union([Type.Literal('customer'), Type.Literal('agent'), Type.Literal('system')])
const Empty = Type.Object({}, { additionalProperties: false })
/** Most attachments on one message. */
export const MAX_ATTACHMENTS = 10
/** Largest attachment Mofang keeps, bytes (platforms cap theirs lower: WeChat images 10 MB, LINE 10 MB). */
export const MAX_ATTACHMENT_BYTES = 25 * 2 ** 20
/**
 * Largest inline attachment (`data`, decoded), bytes. An event batch travels as one NATS message (ingest packs at most
 * ~900 KiB, the server's default max_payload is 1 MiB), so bigger files go by URL.
 */
export const MAX_INLINE_ATTACHMENT_BYTES = 512 * 1024
/**
 * A file on a message (a screenshot, a voice note, a document), stored once by its content (channels/attachments.ts)
 * and referenced here; `error` says why it could not be kept (unreachable URL, too large, empty), the message stays.
 * A small file may come inline as base64 `data` instead (a chat widget's screenshot; OCR reads it from there).
 */
export const Attachment = Type.Object(
  {
    kind: Type.Union([Type.Literal('image'), Type.Literal('audio'), Type.Literal('video'), Type.Literal('file')]),
    /** Where Mofang serves the stored bytes (`/v1/attachments/<sha256>`), or the platform's URL when not stored. */
    url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
    content_type: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    size: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ATTACHMENT_BYTES })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    error: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    /** The bytes, base64, at most MAX_INLINE_ATTACHMENT_BYTES decoded. */
    data: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: Math.ceil(MAX_INLINE_ATTACHMENT_BYTES / 3) * 4,
        pattern: '^[A-Za-z0-9+/]+={0,2}$',
      }),
    ),
  },
  { additionalProperties: false },
)
export type Attachment = Static<typeof Attachment>
const Attachments = Type.Optional(Type.Array(Attachment, { maxItems: MAX_ATTACHMENTS }))
const Closed = <T extends Record<string, TSchema>>(props: T) => Type.Object(props, { additionalProperties: false })

/** Payload schema of every event type, keyed by `type`. The family prefix decides which channels may carry it. */
export const PAYLOADS = {
  'voice.offered': Closed({ from: Type.Optional(Text(64)), to: Type.Optional(Text(64)) }),
  'voice.ivr': Closed({ node: Text(128), choice: Type.Optional(Text(64)) }),
  'voice.queued': Closed({ priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })) }),
  'voice.answered': Empty,
  'voice.hold': Empty,
  'voice.unhold': Empty,
  'voice.transfer': Closed({
    kind: Type.Union([Type.Literal('blind'), Type.Literal('warm')]),
    to_queue: Type.Optional(Text(64)),
    to_agent: Type.Optional(Id),
  }),
  'voice.ended': Closed({ ended_by: EndedBy }),
  'voice.abandoned': Closed({
    stage: Type.Union([Type.Literal('ivr'), Type.Literal('queue'), Type.Literal('ringing')]),
  }),
  'voice.callback_requested': Closed({ number: Type.Optional(Text(64)) }),
  'voice.recording_available': Closed({
    url: Text(2048),
    format: Type.Optional(
      Type.Union([Type.Literal('wav'), Type.Literal('mp3'), Type.Literal('ogg'), Type.Literal('flac')]),
    ),
    channels: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 })),
    /** Which stereo channel (0 = left) carries the agent; the other carries the customer. */
    agent_channel: Type.Optional(Type.Integer({ minimum: 0, maximum: 1 })),
    duration_ms: Type.Optional(Type.Integer({ minimum: 0 })),
    language: Type.Optional(Type.String({ pattern: '^(zh|en|auto)$' })),
  }),
  'chat.started': Closed({ entry: Type.Optional(Text(128)) }),
  /** A message without words (a picture, a voice note) carries a placeholder such as `[image]` as its text. */
  'chat.message': Closed({ role: Role, text: Text(16_000), message_id: Type.Optional(Id), attachments: Attachments }),
  'chat.transferred_to_agent': Closed({ from_bot: Type.Optional(Type.Boolean()) }),
  'chat.ended': Closed({ ended_by: EndedBy }),
  'ticket.created': Closed({
    subject: Text(512),
    priority: Type.Union([Type.Literal('low'), Type.Literal('normal'), Type.Literal('high'), Type.Literal('urgent')]),
    category: Type.Optional(Text(128)),
  }),
  'ticket.assigned': Closed({ team: Type.Optional(Text(64)) }),
  'ticket.status_changed': Closed({ from: Type.Optional(Text(32)), to: Text(32) }),
  'ticket.comment': Closed({ role: Role, text: Text(16_000), public: Type.Boolean(), attachments: Attachments }),
  'ticket.resolved': Closed({ resolution: Type.Optional(Text(512)) }),
  'ticket.reopened': Closed({ reason: Type.Optional(Text(512)) }),
  'agent.login': Empty,
  'agent.ready': Empty,
  'agent.not_ready': Closed({ reason: Text(64) }),
  'agent.wrap_up': Empty,
  'agent.logout': Empty,
  'survey.nps': Closed({ score: Type.Integer({ minimum: 0, maximum: 10 }), comment: Type.Optional(Text(4000)) }),
  'survey.csat': Closed({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Text(4000)) }),
  'survey.comment': Closed({ text: Text(4000) }),
  'identity.identify': Empty,
  /** Decisions of the router (routing/service.ts): who got the contact and why. */
  'routing.assigned': Closed({
    agent_id: Id,
    /** The policy (score part) or tie-break that separated the winner from the runner-up. */
    policy: Text(64),
    /** The winning pair's total score, points. */
    score: Type.Number(),
    /** The decision as sentences (routing/explain.ts). */
    reason: Text(4000),
    trigger: Text(32),
    serving_queue: Text(64),
    candidates: Type.Integer({ minimum: 0 }),
    expansion_step: Type.Integer({ minimum: 0 }),
    /** Score parts of the winning pair, points. */
    parts: Type.Record(Type.String(), Type.Number()),
    runner_up: Type.Optional(Closed({ id: Id, score: Type.Number() })),
  }),
  'routing.overflowed': Closed({ from_queue: Text(64), to_queue: Text(64) }),
  /** -1 = unbounded (nobody staffed). */
  'routing.callback_offered': Closed({
    predicted_wait_s: Type.Integer({ minimum: -1 }),
    threshold_s: Type.Optional(Type.Number({ minimum: 0 })),
  }),
} as const satisfies Record<string, TSchema>

export type EventType = keyof typeof PAYLOADS
export const EVENT_TYPES = Object.keys(PAYLOADS) as EventType[]
export type Payload<T extends EventType> = Static<(typeof PAYLOADS)[T]>

/** Families that belong to one channel group; `agent`, `survey` and `identity` may use any channel. */
export function familyAllowsChannel(type: EventType, channel: Channel): boolean {
  const family = type.slice(0, type.indexOf('.'))
  if (family === 'voice') return channel === 'voice'
  if (family === 'chat') return MESSAGING_CHANNELS.includes(channel)
  if (family === 'ticket') return channel === 'ticket' || channel === 'email'
  return true
}

/**
 * Event families that only Mofang's own services emit, straight to JetStream (the routing service publishes its
 * decisions with ingest's packEvents/publishMessages, never through the ingest API). The ingest API refuses them
 * from API keys (403): a tenant's key could otherwise post `routing.assigned` naming any agent and reason, and
 * `/api/routing/decisions` would serve it as the router's own. QA results, alerts, transcripts and forecasts are
 * not events (they have their own subjects and tables), so they cannot be posted at all.
 */
export const SERVICE_FAMILIES = ['routing'] as const

/** Whether only Mofang's own services may emit events of this type (SERVICE_FAMILIES). */
export function emittedByServices(type: string): boolean {
  const family = type.slice(0, type.indexOf('.'))
  return (SERVICE_FAMILIES as readonly string[]).includes(family)
}

/** Events that carry an interaction id (everything about a contact); agent state and identity events may omit it. */
export function needsInteraction(type: EventType): boolean {
  return !type.startsWith('agent.') && !type.startsWith('identity.')
}

const IdentityValue = Type.Optional(Label(256))
export const Identities = Type.Object(
  Object.fromEntries(IDENTITY_KINDS.map((k) => [k, IdentityValue])) as Record<IdentityKind, typeof IdentityValue>,
  { additionalProperties: false },
)

/** Envelope fields shared by every event. `payload` is checked against PAYLOADS[type] separately. */
export const Envelope = Type.Object(
  {
    v: Type.Optional(Type.Literal(SCHEMA_VERSION, { description: 'schema version; defaults to the current one' })),
    event_id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 128,
        pattern: '^[A-Za-z0-9._:\\-]+$',
        description: 'dedup key; generated when absent',
      }),
    ),
    tenant: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9_-]*$' }),
    ts: Type.Integer({
      minimum: 946_684_800_000,
      maximum: 4_102_444_800_000,
      description: 'event time, ms since the Unix epoch',
    }),
    channel: Type.Union(CHANNELS.map((c) => Type.Literal(c))),
    type: Type.Union(EVENT_TYPES.map((t) => Type.Literal(t))),
    interaction_id: Type.Optional(Id),
    customer: Type.Optional(Identities),
    customer_name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, description: 'display name, e.g. 王伟 or Wei Wang' }),
    ),
    agent_id: Type.Optional(Id),
    agent_name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, description: "the agent's display name, e.g. 李娜 or Anna Li" }),
    ),
    queue: Type.Optional(Label(64)),
    team: Type.Optional(Label(64)),
    site: Type.Optional(Label(64)),
    skills: Type.Optional(Type.Array(Label(64), { maxItems: 32 })),
    tags: Type.Optional(Type.Array(Label(64), { maxItems: 32 })),
    vip: Type.Optional(Type.Integer({ minimum: 0, maximum: 9, description: 'VIP tier, 0 = none' })),
    payload: Type.Optional(Type.Object({})),
  },
  { additionalProperties: false },
)

/** An event as a client sends it. */
export type IncomingEvent = Static<typeof Envelope> & { payload?: Record<string, unknown> }

/** An event after ingest: id assigned, tenant checked, customer resolved. This is what flows on NATS. */
export interface StoredEvent extends Omit<IncomingEvent, 'v' | 'event_id' | 'payload'> {
  v: number
  event_id: string
  customer_id?: string
  /** Customer ids this event's identities merged into customer_id (see ingest/identity.ts). */
  merged_from?: string[]
  payload: Record<string, unknown>
  /** When ingest accepted the event, ms since the epoch. */
  received_at: number
}

/** The NATS subject of an event: `cx.<tenant>.<channel>.<family>.<name>`. */
export function subjectOf(e: Pick<StoredEvent, 'tenant' | 'channel' | 'type'>, prefix = 'cx'): string {
  return `${prefix}.${e.tenant}.${e.channel}.${e.type}`
}

/** JSON Schema of the whole event (envelope with the payload per type as a discriminated `oneOf`), for integrators. */
export function eventJsonSchema(): Record<string, unknown> {
  const envelope = JSON.parse(JSON.stringify(Envelope)) as Record<string, unknown>
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://mofang.dev/schema/event.v${SCHEMA_VERSION}.json`,
    title: 'Mofang event',
    allOf: [envelope],
    oneOf: EVENT_TYPES.map((t) => ({
      properties: { type: { const: t }, payload: JSON.parse(JSON.stringify(PAYLOADS[t])) },
      required: PAYLOADS[t].required?.length ? ['type', 'payload'] : ['type'],
    })),
  }
}
