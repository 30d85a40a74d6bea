/**
 * The calls of the live pages (/live and /assist), in the shapes of core/contracts/live.ts: the open conversations
 * and their stream (conversations service), the customer profile, knowledge suggestions, one-click send and the
 * draft check (assist). A 401 or 403 is its own error, so a page can show the sign-in form or say what is missing.
 */
import type {
  AssistCheckAnswer,
  ConversationUpdate,
  CustomerProfile,
  KbSuggestion,
  LiveConversationDetail,
  LiveConversationsAnswer,
} from '../../../../core/contracts/index.js'

/** 401: the page shows the sign-in form. */
export class Unauthorized extends Error {}
/** 403: signed in, without a role the call needs. */
export class Forbidden extends Error {}
/** 404: the conversation ended, or the customer is unknown. */
export class NotFound extends Error {}

/** Who is signed in, as GET /api/me answers. */
export interface Me {
  kind: string
  tenant: string
  user?: string
  roles?: string[]
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status === 401) throw new Unauthorized()
  if (res.status === 403) throw new Forbidden()
  if (res.status === 404) throw new NotFound()
  const answer = (await res.json().catch(() => ({}))) as T & { reason?: string }
  if (!res.ok) throw new Error(answer.reason ?? `HTTP ${res.status}`)
  return answer
}

const id = (s: string) => encodeURIComponent(s)

/**
 * Suggestions as the assist API sends them: a list, `{ suggestions: [...] }`, or one suggestion (an SSE message may
 * carry any of these); null for anything else (a message about something else leaves the list as it is).
 */
export function suggestionsOf(data: unknown): KbSuggestion[] | null {
  if (Array.isArray(data)) return data as KbSuggestion[]
  const d = data as { suggestions?: KbSuggestion[]; article?: unknown } | null
  if (d && Array.isArray(d.suggestions)) return d.suggestions
  if (d && d.article) return [d as KbSuggestion]
  return null
}

export const liveApi = {
  me: () => call<Me>('/api/me'),
  conversations: () => call<LiveConversationsAnswer>('/api/live/conversations'),
  conversation: (interactionId: string) => call<LiveConversationDetail>(`/api/live/conversations/${id(interactionId)}`),
  profile: (customerId: string) => call<CustomerProfile>(`/api/customers/${id(customerId)}/profile`),
  suggestions: async (interactionId: string) =>
    suggestionsOf(await call<unknown>(`/api/assist/suggestions?interaction_id=${id(interactionId)}`)) ?? [],
  /** One-click send: the article's answer goes to the customer as an agent message. */
  send: (interactionId: string, articleId: string) =>
    call<unknown>('/api/assist/send', { interaction_id: interactionId, article_id: articleId }),
  /** The agent's own reply (checked first in the draft box) as an agent message. */
  sendText: (interactionId: string, text: string) =>
    call<unknown>('/api/assist/send', { interaction_id: interactionId, text }),
  check: (text: string) => call<AssistCheckAnswer>('/v1/assist/check', { text }),
}

/**
 * Names an SSE message comes under: `conversations` (the list at once) and `conversation` (an update) on
 * /api/live/stream, `assist` (AssistUpdate) on /api/assist/stream; unnamed ones are read too.
 */
const EVENT_NAMES = ['message', 'conversations', 'conversation', 'assist']

/**
 * An EventSource whose every JSON message goes to `onData`; `onState` hears when it opens and when it drops
 * (EventSource reconnects by itself). Returns the function that closes it.
 */
export function stream(
  path: string,
  onData: (data: unknown) => void,
  onState: (open: boolean) => void = () => {},
): () => void {
  const es = new EventSource(path)
  const handle = (e: Event) => {
    try {
      onData(JSON.parse((e as MessageEvent<string>).data))
    } catch {
      // A heartbeat or a comment: nothing to apply.
    }
  }
  for (const name of EVENT_NAMES) es.addEventListener(name, handle)
  es.onopen = () => onState(true)
  es.onerror = () => onState(false)
  return () => es.close()
}

/** The live view's stream: every open conversation at once (and again after each reconnect), then each update. */
export const conversationStream = (
  on: { list: (a: LiveConversationsAnswer) => void; update: (u: ConversationUpdate) => void },
  onState?: (open: boolean) => void,
) =>
  stream(
    '/api/live/stream',
    (d) => {
      if (!d || typeof d !== 'object') return
      if ('conversations' in d) on.list(d as LiveConversationsAnswer)
      else if ('conversation' in d) on.update(d as ConversationUpdate)
    },
    onState,
  )

/** The suggestions of one conversation, live. */
export const suggestionStream = (
  interactionId: string,
  onSuggestions: (s: KbSuggestion[]) => void,
  onState?: (open: boolean) => void,
) =>
  stream(
    `/api/assist/stream?interaction_id=${id(interactionId)}`,
    (d) => {
      const s = suggestionsOf(d)
      if (s) onSuggestions(s)
    },
    onState,
  )
