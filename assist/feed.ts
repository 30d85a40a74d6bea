/**
 * The open conversations as the conversations service announces them: every ConversationUpdate on
 * `<conversationSubject>.<tenant>` (core NATS), the latest kept per interaction, so suggestions can be made for an
 * interaction at any time and an agent desktop's stream hears each change. An ended conversation is dropped after
 * its listeners heard the end. Updates are not stored: after a restart a conversation is known again at its next
 * message.
 */
import type { ConversationUpdate, LiveConversationDetail } from '../core/contracts/index.js'

/** Conversations kept at most (all tenants): the oldest go first if ends were missed. */
const MAX_OPEN = 50_000

export type FeedListener = (update: ConversationUpdate) => void

export class ConversationFeed {
  /** `<tenant>\0<interaction>` → the latest state; Map order = least recently updated first. */
  private readonly open = new Map<string, LiveConversationDetail>()
  private readonly listeners = new Map<string, Set<FeedListener>>()

  /** Open conversations followed. */
  get size(): number {
    return this.open.size
  }

  /** The latest state of an open conversation, undefined when none was heard. */
  get(tenant: string, interactionId: string): LiveConversationDetail | undefined {
    return this.open.get(keyOf(tenant, interactionId))
  }

  apply(update: ConversationUpdate): void {
    const c = update.conversation
    const key = keyOf(c.tenant_id, c.interaction_id)
    this.open.delete(key)
    if (!update.ended) {
      this.open.set(key, c)
      if (this.open.size > MAX_OPEN) this.open.delete(this.open.keys().next().value!)
    }
    for (const listener of this.listeners.get(key) ?? []) listener(update)
  }

  /** Calls `listener` with each update of the interaction until the returned function is called. */
  listen(tenant: string, interactionId: string, listener: FeedListener): () => void {
    const key = keyOf(tenant, interactionId)
    let set = this.listeners.get(key)
    if (!set) this.listeners.set(key, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(key)
    }
  }
}

const keyOf = (tenant: string, interactionId: string) => `${tenant}\u0000${interactionId}`

/**
 * The text suggestions are made from: the conversation's last customer messages, and what OCR read on them unless
 * `ocr` is false (the customer's own words, to tell their language).
 */
export function customerText(c: LiveConversationDetail, { ocr = true, lastMessages = 5 } = {}): string {
  return c.messages
    .filter((m) => m.role === 'customer')
    .slice(-lastMessages)
    .flatMap((m) => [m.text, ...(ocr ? (m.attachments ?? []).map((a) => a.ocr_text ?? '') : [])])
    .filter(Boolean)
    .join('\n')
}
