/**
 * The live conversations' API (signed-in users; the tenant is always the caller's):
 *
 *   GET /api/live/conversations?queue=&channel=&flag=&agent=&sort=waiting|duration|mood&order=asc|desc
 *        every open chat and call (LiveConversationsAnswer); sort default `waiting` (longest first), `duration`
 *        (longest first), `mood` (worst first); `order` reverses the default
 *   GET /api/live/conversations/:interaction_id
 *        one of them with what was said so far, PII masked (LiveConversationDetail); an agent may read the
 *        conversations they are handling (agent id = their user name), for the assist page
 *   GET /api/live/stream
 *        Server-Sent Events: `conversations` (LiveConversationsAnswer) at once, then `conversation`
 *        (ConversationUpdate) on every change; an agent gets their own conversations only
 *   GET /api/incidents?hours=24&limit=100
 *        open incidents and those that ended in the last `hours` (Incident[] as `{ incidents }`)
 *
 * Supervisors watch the floor; QA managers and admins may too. Every bad parameter answers 400 naming it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type {
  ConversationFlag,
  ConversationUpdate,
  Incident,
  LiveConversation,
  LiveConversationDetail,
  LiveConversationsAnswer,
} from '../core/contracts/index.js'
import type { Principal, Role } from '../kits/auth/index.js'
import { BadRequest, EventStreams, HttpError, idFrom, intParam, type RouteContext } from '../kits/http/index.js'

/** What the routes read: the service's open conversations, its updates and the stored incidents. */
export interface LiveFeed {
  list(tenant: string): LiveConversation[]
  detail(tenant: string, interactionId: string): LiveConversationDetail | undefined
  subscribe(tenant: string, onUpdate: (u: ConversationUpdate) => void): () => void
  incidents(tenant: string, sinceMs: number, limit: number): Promise<Incident[]>
}

const WATCHERS: readonly Role[] = ['supervisor', 'qa_manager', 'admin']
const WATCHERS_AND_AGENTS: readonly Role[] = [...WATCHERS, 'agent']
const FLAGS: readonly ConversationFlag[] = [
  'angry_customer',
  'sensitive_word',
  'long_silence',
  'agent_not_replying',
  'escalation',
]
const SORTS = ['waiting', 'duration', 'mood'] as const

/** The signed-in agent's user name when the caller may only see their own conversations, else undefined. */
const onlyOwn = (who: Principal): string | undefined =>
  who.kind === 'user' && !who.roles.some((r) => WATCHERS.includes(r)) ? who.user : undefined

function choice<T extends string>(url: URL, name: string, allowed: readonly T[], fallback: T): T {
  const v = url.searchParams.get(name)
  if (v === null || v === '') return fallback
  if (!(allowed as readonly string[]).includes(v))
    throw new BadRequest(name, `expected ${allowed.join(', ')}, got "${v}"`)
  return v as T
}

/** The list filtered and sorted as the query asks. */
export function selectConversations(all: readonly LiveConversation[], url: URL): LiveConversation[] {
  const text = (name: string) => {
    const v = url.searchParams.get(name)
    if (v !== null && v.length > 128) throw new BadRequest(name, 'at most 128 characters')
    return v || undefined
  }
  const queue = text('queue')
  const channel = text('channel')
  const agent = text('agent')
  const flag = url.searchParams.get('flag') ? choice(url, 'flag', FLAGS, FLAGS[0]) : undefined
  const sort = choice(url, 'sort', SORTS, 'waiting')
  const order = choice(url, 'order', ['asc', 'desc'] as const, sort === 'mood' ? 'asc' : 'desc')
  // Each sort's key, larger = further down in ascending order; ties fall back to the longest conversation first.
  const key: Record<(typeof SORTS)[number], (c: LiveConversation) => number> = {
    waiting: (c) => c.customer_waiting_ms,
    duration: (c) => -c.started_at,
    mood: (c) => c.mood ?? 0,
  }
  const sign = order === 'asc' ? 1 : -1
  return all
    .filter(
      (c) =>
        (!queue || c.queue === queue) &&
        (!channel || c.channel === channel) &&
        (!agent || c.agent_id === agent) &&
        (!flag || c.flags.includes(flag)),
    )
    .sort((a, b) => sign * (key[sort](a) - key[sort](b)) || a.started_at - b.started_at)
}

/** The routes for the conversations service's table, and `close()` to end the open streams (server shutdown). */
export function liveRoutes(feed: LiveFeed) {
  const streams = new EventStreams()

  function list({ url, who }: RouteContext<Principal>): LiveConversationsAnswer {
    return { asOf: Date.now(), conversations: selectConversations(feed.list(who.tenant), url) }
  }

  function detail({ params, who }: RouteContext<Principal>): LiveConversationDetail {
    const id = idFrom(params.interaction_id, 'interaction_id', { encoded: true })
    const found = feed.detail(who.tenant, id)
    const own = onlyOwn(who)
    if (!found || (own !== undefined && found.agent_id !== own))
      // An agent asking for someone else's conversation learns nothing about it, not even that it is open.
      throw new HttpError(404, 'not_found', `no open conversation ${id}${own ? ' of yours' : ''}`, 'interaction_id')
    return found
  }

  function stream(req: IncomingMessage, res: ServerResponse, who: Principal) {
    const own = onlyOwn(who)
    const send = streams.start(req, res, () => unsubscribe())
    const rows = feed.list(who.tenant).filter((c) => own === undefined || c.agent_id === own)
    send('conversations', { asOf: Date.now(), conversations: rows } satisfies LiveConversationsAnswer)
    const unsubscribe = feed.subscribe(who.tenant, (u) => {
      if (own === undefined || u.conversation.agent_id === own) send('conversation', u)
    })
  }

  async function incidents({ url, who }: RouteContext<Principal>): Promise<{ incidents: Incident[] }> {
    const hours = intParam(url, 'hours', { default: 24, min: 1, max: 720 })
    const limit = intParam(url, 'limit', { default: 100, min: 1, max: 1000 })
    try {
      return { incidents: await feed.incidents(who.tenant, Date.now() - hours * 3_600_000, limit) }
    } catch {
      throw new HttpError(503, 'unavailable', 'the warehouse did not answer; try again')
    }
  }

  return {
    routes: {
      'GET /api/live/conversations': { needs: WATCHERS, handle: list },
      'GET /api/live/conversations/:interaction_id': { needs: WATCHERS_AND_AGENTS, handle: detail },
      'GET /api/live/stream': {
        needs: WATCHERS_AND_AGENTS,
        handle: ({ req, res, who }: RouteContext<Principal>) => stream(req, res, who),
      },
      'GET /api/incidents': { needs: WATCHERS, handle: incidents },
    },
    close: () => streams.closeAll(),
  }
}
