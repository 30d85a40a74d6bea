/**
 * `/v1/channels/<tenant>/<platform>`: the platforms' webhooks. Each request goes through these steps:
 *   configured (the tenant has this platform) → read the body (MOFANG_CHANNEL_MAX_BODY_BYTES) → the adapter (the
 *   platform's signature, timestamp and nonce, then its payload mapped to messages) → attachments kept → each
 *   message placed in its conversation → stored through ingest (`submit`: validation, dedup window, JetStream ack)
 *   → the platform's expected answer.
 * The platform's answer comes only after JetStream acknowledged every message, so a platform that got its 200 will
 * never need to resend, and one that did not resends the same message ids, which the dedup window absorbs.
 * A refusal (ChannelRefusal) stores nothing and is counted by reason on the status board.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { digest, type IncomingEvent } from '../core/index.js'
import { BodyTooLarge, readBody, sendJson } from '../kits/http/index.js'
import { SubmitError, type SubmitEvents } from '../ingest/index.js'
import {
  ChannelRefusal,
  type AdapterContext,
  type ChannelAdapter,
  type InboundMessage,
  type Platform,
} from './adapter.js'
import type { AttachmentStore } from './attachments.js'
import type { ChannelCredentials } from './config.js'
import { ReplayWindow } from './replay.js'
import type { SessionLocator } from './sessions.js'
import type { ChannelStatusBoard } from './status.js'

export interface ChannelEndpointDeps {
  adapters: ReadonlyMap<Platform, ChannelAdapter>
  credentials: ChannelCredentials
  submit: SubmitEvents
  sessions: SessionLocator
  attachments: AttachmentStore
  board: ChannelStatusBoard
  /** AdapterContext.state per tenant and platform (channels/sessions.ts adapterState). */
  state(tenant: string, platform: Platform): AdapterContext['state']
  /** Largest body, bytes (MOFANG_CHANNEL_MAX_BODY_BYTES). */
  maxBodyBytes: number
  /** The platform API client's fetch. Default global fetch. */
  fetch?: typeof fetch
  /** The replay window, ms. Default 300 000. */
  replayWindowMs?: number
  log?: (msg: string) => void
}

const EVENT_ID = /^[A-Za-z0-9._:-]{1,100}$/

/** The event id of a platform message: readable when the platform's id allows it, a digest otherwise. */
export function eventIdOf(platform: Platform, messageId: string): string {
  return EVENT_ID.test(messageId) ? `${platform}:${messageId}` : `${platform}:h:${digest(messageId, 32)}`
}

/** The interaction of a thread the platform names (an e-mail thread, a WeCom conversation). */
export const threadInteractionId = (tenant: string, platform: Platform, thread: string): string =>
  `${platform}-${digest(`${tenant}\u0000${thread}`, 20)}`

/**
 * The adapter's state as it sees it, written through only once the messages are stored: a sync cursor moved past
 * messages that then failed to publish would skip them when the platform calls again.
 */
function heldState(store: AdapterContext['state']) {
  const puts = new Map<string, string>()
  return {
    get: async (key: string) => puts.get(key) ?? store.get(key),
    put: async (key: string, value: string) => void puts.set(key, value),
    async commit() {
      for (const [key, value] of puts) await store.put(key, value)
    },
  }
}

/**
 * The replay window as the adapter sees it, recording the request's nonces only once its messages are stored: a
 * platform resends a request that failed (503) with the same nonce, and that retry must get through.
 */
function heldReplay(window: ReplayWindow) {
  const keys: string[] = []
  return {
    windowMs: window.windowMs,
    seen(key: string, now: number) {
      if (window.has(key, now) || keys.includes(key)) return true
      keys.push(key)
      return false
    },
    commit(now: number) {
      for (const key of keys) window.seen(key, now)
    },
  }
}

export function createChannelEndpoint(deps: ChannelEndpointDeps) {
  const windows = new Map<string, ReplayWindow>()
  const replayOf = (tenant: string, platform: Platform): ReplayWindow => {
    const key = `${tenant}/${platform}`
    let w = windows.get(key)
    if (!w) windows.set(key, (w = new ReplayWindow({ windowMs: deps.replayWindowMs })))
    return w
  }

  /** The events of one message: `chat.started` first when it opens a conversation, then the message. */
  async function eventsOf(tenant: string, platform: Platform, m: InboundMessage): Promise<IncomingEvent[]> {
    const attachments = await Promise.all((m.attachments ?? []).map((a) => deps.attachments.put(tenant, a)))
    const payload = attachments.length ? { ...m.event.payload, attachments } : m.event.payload
    const event_id = eventIdOf(platform, m.messageId)
    if (m.conversation.kind === 'thread') {
      const interaction_id = threadInteractionId(tenant, platform, m.conversation.id)
      return [{ ...m.event, tenant, event_id, interaction_id, ...(payload && { payload }) }]
    }
    const session = await deps.sessions.locate(tenant, platform, m.conversation.user, m.messageId, m.event.ts)
    const interaction_id = session.interactionId
    const message = { ...m.event, tenant, event_id, interaction_id, ...(payload && { payload }) } as IncomingEvent
    if (!session.started || !m.event.type.startsWith('chat.')) return [message]
    const { customer, customer_name, channel, ts } = m.event
    const started: IncomingEvent = {
      tenant,
      event_id: `${interaction_id}:started`,
      interaction_id,
      channel,
      ts,
      type: 'chat.started',
      ...(customer && { customer }),
      ...(customer_name && { customer_name }),
      payload: { entry: platform },
    }
    return [started, message]
  }

  /**
   * Stores mapped messages: attachments kept, conversations found, then published through ingest. Resolves once
   * JetStream acknowledged them; throws otherwise (the platform, or the IMAP poller, sends them again).
   */
  async function deliver(tenant: string, platform: Platform, messages: InboundMessage[], now = Date.now()) {
    const events: IncomingEvent[] = []
    for (const m of messages) events.push(...(await eventsOf(tenant, platform, m)))
    if (events.length) await deps.submit(tenant, events)
    deps.board.stored(tenant, platform, messages.length, now)
  }

  /** Answers one webhook request (the route matched `tenant` and `platform`). */
  async function handle(req: IncomingMessage, res: ServerResponse, tenant: string, platform: Platform) {
    const now = Date.now()
    const adapter = deps.adapters.get(platform)
    const credentials = deps.credentials.get(tenant)?.get(platform)
    try {
      if (!adapter || credentials === undefined)
        throw new ChannelRefusal('not_configured', `no ${platform} channel is configured for tenant ${tenant}`)
      let body: Buffer
      try {
        body = await readBody(req, deps.maxBodyBytes)
      } catch (err) {
        if (err instanceof BodyTooLarge)
          throw new ChannelRefusal('too_large', `body larger than ${deps.maxBodyBytes} bytes`, 'body')
        throw err
      }
      const url = new URL(req.url ?? '/', 'http://localhost')
      const method = req.method === 'GET' ? 'GET' : 'POST'
      const state = heldState(deps.state(tenant, platform))
      const replay = heldReplay(replayOf(tenant, platform))
      const ctx: AdapterContext = { replay, fetch: deps.fetch ?? fetch, state }
      const result = await adapter.handle({ method, url, headers: req.headers, body, now }, credentials, ctx)
      if (result.kind === 'reply') {
        res.writeHead(result.status, { 'content-type': result.contentType ?? 'text/plain; charset=utf-8' })
        return void res.end(result.body)
      }
      await deliver(tenant, platform, result.messages, now)
      await state.commit()
      replay.commit(now)
      res.writeHead(200, { 'content-type': result.reply?.contentType ?? 'text/plain; charset=utf-8' })
      res.end(result.reply?.body ?? '')
    } catch (err) {
      answerFailure(res, err, tenant, platform, now, credentials !== undefined)
    }
  }

  function answerFailure(
    res: ServerResponse,
    err: unknown,
    tenant: string,
    platform: Platform,
    now: number,
    configured: boolean,
  ) {
    // Rows exist only for configured channels: a stranger probing other paths must not grow the board.
    const count = (reason: Parameters<ChannelStatusBoard['failed']>[2], text: string) =>
      configured && deps.board.failed(tenant, platform, reason, text, now)
    if (err instanceof ChannelRefusal) {
      count(err.code, err.message)
      return sendJson(res, err.status, { error: err.code, reason: err.message, ...(err.field && { field: err.field }) })
    }
    if (err instanceof SubmitError && err.code === 'invalid') {
      count('mapping_invalid', err.message)
      deps.log?.(`channels: ${tenant}/${platform}: a mapped message is not a valid event: ${err.message}`)
      return sendJson(res, 422, { error: 'invalid_message', reason: err.message })
    }
    const reason = (err as Error).message
    count('unavailable', reason)
    deps.log?.(`channels: ${tenant}/${platform}: not stored, the platform will resend: ${reason}`)
    sendJson(res, 503, { error: 'unavailable', reason: `not stored, retry: ${reason}` }, { 'retry-after': '5' })
  }

  return { handle, deliver }
}
