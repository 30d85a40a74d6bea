/**
 * Conversations for platforms that have none. WeChat, LINE, Messenger and DingTalk send a customer's messages one by
 * one with the customer's id and no conversation id, so the customer's open conversation on that channel is kept in
 * NATS KV: a message continues it while the customer wrote within the idle limit, and starts a new one (with its
 * `chat.started`) otherwise. The interaction id is derived from the message that opened the conversation, so a
 * platform's retry of that message lands in the same conversation, and a KV compare-and-set settles two processes
 * opening one at once.
 */
import type { KV } from '@nats-io/kv'
import { digest } from '../core/index.js'
import type { Platform } from './adapter.js'

export interface Session {
  interactionId: string
  /** The message starts the conversation: the endpoint sends `chat.started` first. */
  started: boolean
}

export interface SessionLocatorOptions {
  /** A conversation is over when its customer has been silent this long, ms. */
  idleMs: number
}

interface Stored {
  id: string
  /** The latest message's time, ms. */
  last: number
}

/** The interaction id of a conversation opened by `messageId` (exported for the demo simulator). */
export const sessionInteractionId = (tenant: string, platform: Platform, user: string, messageId: string): string =>
  `${platform}-${digest(`${tenant}\u0000${user}\u0000${messageId}`, 20)}`

const keyOf = (tenant: string, platform: Platform, user: string) => `s.${tenant}.${platform}.${digest(user, 32)}`

/** Most compare-and-set rounds before giving up (another process keeps winning the same key: not expected). */
const MAX_TRIES = 5

export function createSessionLocator(kv: KV, opts: SessionLocatorOptions) {
  /** Per key, the lookup in flight: one customer's messages in one process are placed one after another. */
  const queue = new Map<string, Promise<unknown>>()

  async function locateOnce(tenant: string, platform: Platform, user: string, messageId: string, ts: number) {
    const key = keyOf(tenant, platform, user)
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const entry = await kv.get(key)
      const current = entry?.operation === 'PUT' ? (entry.json<Stored>() as Stored) : undefined
      const continues = current && ts - current.last < opts.idleMs
      const next: Stored = continues
        ? { id: current.id, last: Math.max(current.last, ts) }
        : { id: sessionInteractionId(tenant, platform, user, messageId), last: ts }
      // A late message of an older conversation (ts before the open one's start) still goes to the open one: the
      // platform does not say which it belonged to, and it is rare.
      try {
        if (entry) await kv.update(key, JSON.stringify(next), entry.revision)
        else await kv.create(key, JSON.stringify(next))
        // Judged by the id, not by `continues`: a retry of the opening message (its first try stored the session
        // but not the events) starts the conversation again, and ingest's dedup absorbs what was already kept.
        return { interactionId: next.id, started: next.id === sessionInteractionId(tenant, platform, user, messageId) }
      } catch (err) {
        if (attempt === MAX_TRIES - 1) throw err
      }
    }
    throw new Error('unreachable')
  }

  return {
    locate(tenant: string, platform: Platform, user: string, messageId: string, ts: number): Promise<Session> {
      const key = keyOf(tenant, platform, user)
      const prior = queue.get(key) ?? Promise.resolve()
      const mine = prior.then(
        () => locateOnce(tenant, platform, user, messageId, ts),
        () => locateOnce(tenant, platform, user, messageId, ts),
      )
      queue.set(key, mine)
      void mine.finally(() => queue.get(key) === mine && queue.delete(key)).catch(() => {})
      return mine
    },
  }
}

export type SessionLocator = ReturnType<typeof createSessionLocator>

/** The adapters' small durable values (AdapterContext.state), in the same bucket. */
export function adapterState(kv: KV, tenant: string, platform: Platform) {
  const keyOfState = (key: string) => `st.${tenant}.${platform}.${digest(key, 32)}`
  return {
    async get(key: string): Promise<string | undefined> {
      const entry = await kv.get(keyOfState(key))
      return entry?.operation === 'PUT' ? entry.string() : undefined
    },
    async put(key: string, value: string): Promise<void> {
      await kv.put(keyOfState(key), value)
    },
  }
}
