/**
 * What a platform adapter is: it checks that a webhook request really comes from the platform (its signature,
 * its timestamp), answers the platform's handshakes, and maps the platform's documented payload to Mofang events.
 * It does no disk I/O and, but for WeCom's message fetch (AdapterContext), no network I/O: the channel endpoint
 * (channels/endpoint.ts) reads the body, keeps the attachments, finds the conversation each message belongs to and
 * publishes through ingest, so an adapter is a function of the request and its tenant's credentials, tested on
 * payloads written from the platform's documents.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { TSchema, Static } from '@sinclair/typebox'
import type { Attachment, Channel, IdentityKind, IncomingEvent } from '../core/index.js'

/** The platforms served at `/v1/channels/<tenant>/<platform>`. */
export const PLATFORMS = ['wechat', 'wecom', 'dingtalk', 'facebook', 'line', 'email'] as const
export type Platform = (typeof PLATFORMS)[number]

/** A webhook request as the adapter sees it: the body read whole (up to the endpoint's limit). */
export interface ChannelRequest {
  method: 'GET' | 'POST'
  url: URL
  headers: IncomingHttpHeaders
  body: Buffer
  /** The server clock at receipt, ms since the epoch (replay windows are measured against it). */
  now: number
}

/**
 * Why a request is refused: a closed set, each with a counter (channels/status.ts) and an HTTP status.
 * Nothing of a refused request is stored.
 */
export const CHANNEL_REFUSALS = {
  not_configured: 404,
  missing_signature: 401,
  bad_signature: 401,
  stale: 401,
  replayed: 409,
  malformed: 400,
  unknown_type: 422,
  too_large: 413,
  unsupported_media_type: 415,
} as const
export type ChannelRefusalReason = keyof typeof CHANNEL_REFUSALS

/** Thrown by an adapter (or the endpoint) to refuse a request; the endpoint answers `{ error, reason, field? }`. */
export class ChannelRefusal extends Error {
  readonly code: ChannelRefusalReason
  readonly field?: string
  constructor(code: ChannelRefusalReason, reason: string, field?: string) {
    super(reason)
    this.name = 'ChannelRefusal'
    this.code = code
    this.field = field
  }
  get status(): number {
    return CHANNEL_REFUSALS[this.code]
  }
}

/** A file on an inbound message, before it is kept: its bytes, or where the platform serves them. */
export interface InboundAttachment {
  kind: Attachment['kind']
  name?: string
  /** As the platform declares it; the store sniffs images and audio and records what the bytes are. */
  contentType?: string
  /** Bytes carried in the request itself (an e-mail's MIME part). */
  bytes?: Uint8Array
  /** Where the platform serves the file (WeChat PicUrl, LINE content API, Messenger payload.url). */
  fetch?: { url: string; headers?: Record<string, string> }
}

/**
 * One inbound message or platform event, mapped. `event` is a Mofang event without `tenant`, `interaction_id` or
 * `event_id`: the endpoint sets the tenant from the URL, the event id from `messageId` (so the platform's retries
 * are absorbed by ingest's dedup window), and the interaction from `conversation`.
 */
export interface InboundMessage {
  /** The platform's id of this message or event (WeChat MsgId, LINE webhookEventId, Messenger mid…). */
  messageId: string
  /**
   * Which conversation it belongs to. `session`: the platform has no conversation id (WeChat, LINE, Messenger,
   * DingTalk): the endpoint continues the customer's open session on this channel or starts one
   * (channels/sessions.ts). `thread`: the platform names the thread (an e-mail's first Message-ID, a WeCom
   * open_kfid + external user): the interaction id is derived from it.
   */
  conversation: { kind: 'session'; user: string } | { kind: 'thread'; id: string }
  event: Omit<IncomingEvent, 'tenant' | 'interaction_id' | 'event_id'> & { channel: Channel }
  attachments?: InboundAttachment[]
}

/** What an adapter makes of a request. */
export type AdapterResult =
  /** A handshake or verification request: answer it, store nothing (WeChat echostr, Messenger hub.challenge). */
  | { kind: 'reply'; status: number; body: string; contentType?: string }
  /**
   * Messages to store, and the body the platform expects once they are stored (WeChat: "success"; most: 200 with
   * an empty or JSON body). An empty list is fine (a delivery receipt, a typing indicator Mofang does not keep).
   */
  | { kind: 'messages'; messages: InboundMessage[]; reply?: { body: string; contentType?: string } }

/** Remembers nonces (or delivery ids) for the replay window: `seen` answers true for a repeat. */
export interface ReplayGuard {
  /** Whether `key` was already seen within the window; records it otherwise. */
  seen(key: string, now: number): boolean
  /** The accepted age of a signed timestamp, ms (default 300 s). */
  readonly windowMs: number
}

/**
 * What an adapter may use besides the request. Only adapters whose platform sends a notification rather than the
 * message (WeCom customer service: the callback says "messages are waiting", the adapter fetches them with
 * kf/sync_msg) use `fetch` and `state`.
 */
export interface AdapterContext {
  replay: ReplayGuard
  /** The platform API client's fetch (tests hand in one that answers from a local server). */
  fetch: typeof fetch
  /** Small durable values per tenant and platform (a sync cursor), kept in NATS KV by the endpoint. */
  state: { get(key: string): Promise<string | undefined>; put(key: string, value: string): Promise<void> }
}

/** A request as the platform would send it: what tests and the demo simulator build with a platform's signer. */
export interface PlatformRequest {
  method: 'GET' | 'POST'
  /** Query parameters to add to `/v1/channels/<tenant>/<platform>`. */
  query: Record<string, string>
  headers: Record<string, string>
  body: string
}

/** A customer's message as the platform would deliver it (input of a signer). */
export interface SampleMessage {
  /** The platform's user id (openid, LINE userId, PSID, DingTalk senderStaffId/senderId, e-mail address). */
  userId: string
  messageId: string
  /** ms since the epoch. */
  ts: number
  text?: string
  /** An image the platform serves at this URL (the adapter hands it to the attachment store). */
  imageUrl?: string
  /** The customer's display name, where the platform sends one (DingTalk senderNick, e-mail From name). */
  name?: string
  /** E-mail only: the subject, and the Message-ID this one replies to. */
  subject?: string
  inReplyTo?: string
}

/** Builds the signed request a platform would send for a message (the platform's side of the adapter). */
export type PlatformSigner<C> = (credentials: C, message: SampleMessage) => PlatformRequest

/** One platform: its credentials' schema (validated at start, per tenant) and its request handler. */
export interface ChannelAdapter<S extends TSchema = TSchema> {
  platform: Platform
  /** The Mofang channel its messages arrive on. */
  channel: Channel
  /** The identity kind of the platform's user id (for `session` conversations). */
  identity: IdentityKind
  /** TypeBox schema of a tenant's credentials for this platform (channels/config.ts validates against it). */
  credentials: S
  /** Generated credentials for the dev tenant (`demo`), kept in the data directory like the dev API key. */
  devCredentials(random: (bytes: number) => string): Static<S>
  /** Checks, then maps. Throws ChannelRefusal for anything it cannot accept. */
  handle(req: ChannelRequest, credentials: Static<S>, ctx: AdapterContext): AdapterResult | Promise<AdapterResult>
  /** Signs a sample message as the platform would (tests, `mofang channels check`, the demo simulator). */
  sign: PlatformSigner<Static<S>>
}

/** Declares an adapter with its credential type inferred from its schema. */
export const defineAdapter = <S extends TSchema>(adapter: ChannelAdapter<S>): ChannelAdapter<S> => adapter
