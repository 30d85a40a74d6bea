/**
 * The knowledge base and agent assist over HTTP. The tenant is always the caller's.
 *
 *   GET    /api/kb/articles?q=&tag=&limit=    KbArticleList: newest first, or best answer to `q` first
 *   GET    /api/kb/articles/:id               KbArticle
 *   POST   /api/kb/articles                   creates (an `id` in the body must be free, else 409): KbArticle
 *   PUT    /api/kb/articles/:id               creates or replaces: KbArticle
 *   DELETE /api/kb/articles/:id               { deleted: true }, 404 when there is none
 *   POST   /api/kb/import?format=markdown|csv  KbImportAnswer; the body is text/markdown, text/csv, or JSON
 *                                              `{ format, text }` (import.ts says how the files look)
 *   GET    /api/assist/suggestions?interaction_id=&limit=   KbSuggestion[] for an open conversation
 *   GET    /api/assist/stream?interaction_id=  Server-Sent Events `assist` (AssistUpdate) at once when the
 *                                              conversation is known, then on each of its updates
 *   POST   /api/assist/send { interaction_id, article_id | text, channel? }   one-click send: the article's body
 *                                              (or the agent's typed reply) as the agent's chat.message (stored
 *                                              through ingest like any event)
 *   POST   /v1/assist/suggest { text?, interaction_id?, facts?, limit? }   KbSuggestion[]
 *   POST   /v1/assist/check { text }           AssistCheckAnswer
 *
 * Roles: reading the knowledge base: agent, supervisor, qa_reviewer, qa_manager, admin; writing it: supervisor,
 * qa_manager, admin; suggestions and the stream: agent, supervisor; sending: agent. `/v1/assist/*` is for an agent
 * desktop: the tenant's API key as a bearer token (as `/v1/events`: a desktop integration that holds the key on a
 * server), or a signed-in agent's or supervisor's session (the `/assist` page).
 */
import type { IncomingMessage } from 'node:http'
import type {
  AssistCheckAnswer,
  AssistUpdate,
  ConversationUpdate,
  KbArticle,
  KbArticleList,
  KbImportAnswer,
  KbSuggestion,
  LiveConversationDetail,
  LiveFact,
} from '../core/contracts/index.js'
import { CHANNELS, newId, type Channel, type SystemParts } from '../core/index.js'
import { byRole, type Caller, type RoleGate, type Role } from '../kits/auth/index.js'
import {
  BadRequest,
  BodyTooLarge,
  bearerToken,
  EventStreams,
  HttpError,
  idFrom,
  intParam,
  readBody,
  readJsonObject,
  routes,
  type Handler,
  type RouteContext,
  type RoutesHandler,
} from '../kits/http/index.js'
import { FACT_KINDS } from '../kits/facts/index.js'
import { articleDraft, articleId, articleOf, ARTICLE_LIMITS, importedId } from './articles.js'
import { checkDraft, MAX_DRAFT, type DraftChecker } from './check.js'
import { customerText, type ConversationFeed } from './feed.js'
import { IMPORT_FORMATS, parseArticles, type ImportFormat } from './import.js'
import { isChinese, type SuggestOptions } from './search.js'
import type { KnowledgeStore } from './store.js'

export interface AssistApiDeps {
  store: KnowledgeStore
  feed: ConversationFeed
  access: RoleGate
  /** API key → tenant, for `/v1/assist/*`. */
  apiKeys: ReadonlyMap<string, string>
  /** The draft checker of a tenant (its QA scorecard's words). */
  checker(tenant: string): DraftChecker
  submitEvents: SystemParts['submitEvents']
}

const READS: Role[] = ['agent', 'supervisor', 'qa_reviewer', 'qa_manager', 'admin']
const WRITES: Role[] = ['supervisor', 'qa_manager', 'admin']
const ASSISTS: Role[] = ['agent', 'supervisor']
const SENDS: Role[] = ['agent']

/** A written article's JSON, an assist request. */
const MAX_JSON = 64 * 1024
/** An import file. */
const MAX_IMPORT_BYTES = 4 * 1024 * 1024
/** A search query; a suggest text. */
const MAX_QUERY = 500
const MAX_SUGGEST_TEXT = 4_000
/** Facts a suggest request may name. */
const MAX_FACTS = 50
/** Articles written to the bucket at once during an import. */
const IMPORT_CONCURRENCY = 64

const IMPORT_TYPES: Record<string, ImportFormat> = {
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/csv': 'csv',
}

/** Who calls `/v1/assist/*`: an API key's tenant, or a signed-in user. */
type AssistCaller = Caller | { kind: 'api_key'; tenant: string }

function limitOf(value: unknown, max: number, fallback: number): number {
  if (value === undefined) return fallback
  if (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max) return value as number
  throw new BadRequest('limit', `expected a whole number from 1 to ${max}`)
}

function stringField(body: Record<string, unknown>, field: string, max: number): string | undefined {
  const v = body[field]
  if (v === undefined) return undefined
  if (typeof v !== 'string') throw new BadRequest(field, 'expected a string')
  if (v.length > max) throw new BadRequest(field, `at most ${max} characters, got ${v.length}`)
  return v
}

/** `facts: [{ kind, value }]` of a suggest request. */
function factsOf(value: unknown): Pick<LiveFact, 'kind' | 'value'>[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.length > MAX_FACTS)
    throw new BadRequest('facts', `expected an array of at most ${MAX_FACTS} { kind, value }`)
  return value.map((f, i) => {
    const fact = f as Partial<LiveFact> | null
    if (!fact || !(FACT_KINDS as readonly unknown[]).includes(fact.kind))
      throw new BadRequest(`facts[${i}].kind`, `expected one of ${FACT_KINDS.join(', ')}`)
    if (typeof fact.value !== 'string' || !fact.value || fact.value.length > ARTICLE_LIMITS.errorCode)
      throw new BadRequest(`facts[${i}].value`, `expected 1 to ${ARTICLE_LIMITS.errorCode} characters`)
    return { kind: fact.kind!, value: fact.value }
  })
}

async function readText(req: IncomingMessage): Promise<string> {
  try {
    return (await readBody(req, MAX_IMPORT_BYTES)).toString('utf8')
  } catch (err) {
    if (err instanceof BodyTooLarge)
      throw new HttpError(413, 'payload_too_large', `body over ${MAX_IMPORT_BYTES} bytes`)
    throw err
  }
}

/** An article id from the path (still percent-encoded). */
function pathId(raw: string): string {
  let id: string
  try {
    id = decodeURIComponent(raw)
  } catch {
    throw new BadRequest('id', 'malformed percent-encoding')
  }
  return articleId(id)
}

/** The import's format and text: `?format=` or the content type names the format of a raw body. */
async function importBody(req: IncomingMessage, url: URL): Promise<{ format: ImportFormat; text: string }> {
  const asked = url.searchParams.get('format')
  if (asked !== null && !(IMPORT_FORMATS as readonly string[]).includes(asked))
    throw new BadRequest('format', `expected ${IMPORT_FORMATS.join(' or ')}`)
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type === 'application/json') {
    const body = await readJsonObject(req, MAX_IMPORT_BYTES)
    const format = body.format ?? asked
    if (!(IMPORT_FORMATS as readonly unknown[]).includes(format))
      throw new BadRequest('format', `expected ${IMPORT_FORMATS.join(' or ')}`)
    if (typeof body.text !== 'string') throw new BadRequest('text', 'expected the file as a string')
    return { format: format as ImportFormat, text: body.text }
  }
  // Not text/plain, nor a form: a cross-site form cannot send these content types.
  const format = IMPORT_TYPES[type]
  if (!format)
    throw new HttpError(
      415,
      'unsupported_media_type',
      'send text/markdown, text/csv, or JSON { "format": "markdown" | "csv", "text": "…" }',
    )
  return { format: (asked as ImportFormat | null) ?? format, text: await readText(req) }
}

export function createAssistApi(deps: AssistApiDeps): RoutesHandler & { close(): void } {
  const { store, feed } = deps
  const { index } = store
  const streams = new EventStreams()

  /**
   * Whether the caller may follow the conversation: a supervisor any of the tenant's, an agent (without the
   * supervisor role) only one they handle (agent id = their user name, as the live view has it).
   */
  const mayFollow = (who: Caller, c: LiveConversationDetail) =>
    (who.roles as readonly string[]).includes('supervisor') || (who.kind === 'user' && c.agent_id === who.user)

  /** The tenant's article, 404 naming `field` when there is none. */
  const article = (tenant: string, id: string, field = 'id'): KbArticle => {
    const found = index.get(tenant, id)
    if (!found) throw new HttpError(404, 'not_found', `no article ${id}`, field)
    return found
  }

  function list({ url, who }: RouteContext<Caller>): KbArticleList {
    const q = (url.searchParams.get('q') ?? '').trim()
    const tag = url.searchParams.get('tag') ?? undefined
    if (q.length > MAX_QUERY) throw new BadRequest('q', `at most ${MAX_QUERY} characters`)
    if (tag !== undefined && tag.length > ARTICLE_LIMITS.tag)
      throw new BadRequest('tag', `at most ${ARTICLE_LIMITS.tag} characters`)
    const limit = intParam(url, 'limit', { min: 1, max: 200, default: 50 })
    const articles = q
      ? index.suggest(who.tenant, q, { limit, tag }).map((s) => s.article)
      : index.list(who.tenant, { tag, limit })
    return { total: index.size(who.tenant), articles }
  }

  async function create({ req, who }: RouteContext<Caller>): Promise<KbArticle> {
    const draft = articleDraft(await readJsonObject(req, MAX_JSON))
    if (draft.id && index.get(who.tenant, draft.id))
      throw new HttpError(
        409,
        'conflict',
        `article ${draft.id} exists: PUT /api/kb/articles/${draft.id} replaces it`,
        'id',
      )
    return store.put(who.tenant, articleOf(draft))
  }

  async function replace({ req, params, who }: RouteContext<Caller>): Promise<KbArticle> {
    const id = pathId(params.id)
    const draft = articleDraft(await readJsonObject(req, MAX_JSON))
    if (draft.id !== undefined && draft.id !== id) throw new BadRequest('id', `the body's id is not the path's (${id})`)
    return store.put(who.tenant, articleOf(draft, id))
  }

  async function remove({ params, who }: RouteContext<Caller>) {
    const { id } = article(who.tenant, pathId(params.id))
    await store.remove(who.tenant, id)
    return { deleted: true }
  }

  async function importArticles({ req, url, who }: RouteContext<Caller>): Promise<KbImportAnswer> {
    const { format, text } = await importBody(req, url)
    const now = Date.now()
    const articles = parseArticles(format, text).map((d) => articleOf(d, importedId(d), now))
    for (let i = 0; i < articles.length; i += IMPORT_CONCURRENCY)
      await Promise.all(articles.slice(i, i + IMPORT_CONCURRENCY).map((a) => store.put(who.tenant, a)))
    return { imported: articles.length, ids: articles.map((a) => a.id) }
  }

  /** Suggestions for an open conversation (facts and OCR text included, the language by the customer's words). */
  const suggestFor = (c: LiveConversationDetail, limit = 5, more: SuggestOptions['facts'] = []): KbSuggestion[] =>
    index.suggest(c.tenant_id, customerText(c), {
      facts: [...more, ...c.facts],
      limit,
      chinese: isChinese(customerText(c, { ocr: false })),
    })

  const interactionOf = (url: URL) => {
    const raw = url.searchParams.get('interaction_id')
    if (!raw) throw new BadRequest('interaction_id', 'required')
    return idFrom(raw, 'interaction_id')
  }

  function suggestions({ url, who }: RouteContext<Caller>): KbSuggestion[] {
    const id = interactionOf(url)
    const limit = intParam(url, 'limit', { min: 1, max: 20, default: 5 })
    const c = feed.get(who.tenant, id)
    // Another agent's conversation is answered as the live view answers it: as if it were not open.
    if (!c || !mayFollow(who, c)) throw new HttpError(404, 'not_found', `no open conversation ${id}`, 'interaction_id')
    return suggestFor(c, limit)
  }

  /**
   * The feed hands one update object to every stream that follows the conversation (its agent, supervisors): its
   * suggestions are searched once, not once per stream. They depend on the conversation only, not on the viewer.
   */
  const madeFor = new WeakMap<ConversationUpdate, AssistUpdate>()
  const updateOf = (u: ConversationUpdate): AssistUpdate => {
    const known = madeFor.get(u)
    if (known) return known
    const made: AssistUpdate = {
      interaction_id: u.conversation.interaction_id,
      facts: u.conversation.facts,
      mood: u.conversation.mood,
      flags: u.conversation.flags,
      suggestions: u.ended ? [] : suggestFor(u.conversation),
      ended: u.ended,
    }
    madeFor.set(u, made)
    return made
  }

  function stream({ req, res, url, who }: RouteContext<Caller>) {
    const id = interactionOf(url)
    const send = streams.start(req, res, () => unlisten())
    const known = feed.get(who.tenant, id)
    if (known && mayFollow(who, known)) send('assist', updateOf({ conversation: known, ended: false }))
    const unlisten = feed.listen(who.tenant, id, (u) => mayFollow(who, u.conversation) && send('assist', updateOf(u)))
  }

  async function send({ req, who }: RouteContext<Caller>) {
    if (who.kind !== 'user') throw new HttpError(403, 'forbidden', 'sign in as an agent to send')
    const body = await readJsonObject(req, MAX_JSON)
    const interactionId = idFrom(stringField(body, 'interaction_id', 128) ?? '', 'interaction_id')
    // One click sends an article's body; the draft box sends the agent's own (checked) words.
    const typed = body.article_id === undefined ? stringField(body, 'text', MAX_DRAFT)?.trim() : undefined
    if (body.article_id === undefined && !typed) throw new BadRequest('article_id', 'required (or text: a typed reply)')
    const found = typed ? undefined : article(who.tenant, articleId(body.article_id, 'article_id'), 'article_id')
    const c = feed.get(who.tenant, interactionId)
    if (c?.agent_id && c.agent_id !== who.user)
      throw new HttpError(403, 'forbidden', `conversation ${interactionId} is agent ${c.agent_id}'s, not yours`)
    const channel = c?.channel ?? body.channel
    if (!(CHANNELS as readonly unknown[]).includes(channel))
      throw new BadRequest('channel', `the conversation is not open here: name its channel (${CHANNELS.join(', ')})`)
    const ts = Date.now()
    const eventId = `assist-${newId(ts)}`
    const event = {
      event_id: eventId,
      tenant: who.tenant,
      ts,
      channel: channel as Channel,
      type: 'chat.message',
      interaction_id: interactionId,
      agent_id: c?.agent_id ?? who.user,
      ...(c?.queue && { queue: c.queue }),
      payload: found
        ? { role: 'agent', text: found.body, message_id: `kb-${found.id}-${ts}` }
        : { role: 'agent', text: typed, message_id: `typed-${ts}` },
    }
    try {
      await deps.submitEvents(who.tenant, [event])
    } catch (err) {
      const code = (err as { code?: string }).code
      if (code === 'invalid') throw new BadRequest(found ? 'article_id' : 'text', (err as Error).message)
      throw new HttpError(503, 'unavailable', `not stored: ${(err as Error).message}; try again`)
    }
    return { sent: true, event_id: eventId, ...(found && { article_id: found.id }) }
  }

  async function suggest({ req, who }: RouteContext<AssistCaller>): Promise<KbSuggestion[]> {
    const body = await readJsonObject(req, MAX_JSON)
    const limit = limitOf(body.limit, 20, 5)
    const raw = body.interaction_id
    const open = raw === undefined ? undefined : feed.get(who.tenant, idFrom(String(raw), 'interaction_id'))
    // The tenant's own integration (API key) sees every conversation; a session, what the stream would show it.
    const c = open && (who.kind === 'api_key' || mayFollow(who, open)) ? open : undefined
    const text = stringField(body, 'text', MAX_SUGGEST_TEXT)
    const facts = factsOf(body.facts)
    if (text !== undefined) return index.suggest(who.tenant, text, { facts: [...facts, ...(c?.facts ?? [])], limit })
    if (!c)
      throw new BadRequest(
        'text',
        raw === undefined ? 'required without interaction_id' : `no open conversation ${raw}`,
      )
    return suggestFor(c, limit, facts)
  }

  async function check({ req, who }: RouteContext<AssistCaller>): Promise<AssistCheckAnswer> {
    const text = stringField(await readJsonObject(req, MAX_JSON), 'text', MAX_DRAFT)
    if (text === undefined) throw new BadRequest('text', 'required')
    return checkDraft(text, deps.checker(who.tenant))
  }

  const gated = { ...byRole(deps.access), headers: { 'cache-control': 'no-store' } }
  const kb = routes<Caller>(
    {
      'GET /api/kb/articles': { needs: READS, handle: list },
      'POST /api/kb/articles': { needs: WRITES, handle: create },
      'GET /api/kb/articles/:id': { needs: READS, handle: ({ params, who }) => article(who.tenant, pathId(params.id)) },
      'PUT /api/kb/articles/:id': { needs: WRITES, handle: replace },
      'DELETE /api/kb/articles/:id': { needs: WRITES, handle: remove },
      'POST /api/kb/import': { needs: WRITES, handle: importArticles },
    },
    // Writes read JSON through readJsonObject (415 otherwise); the import also takes Markdown and CSV.
    { prefix: '/api/kb/', bodies: 'any', ...gated },
  )
  const assist = routes<Caller>(
    {
      'GET /api/assist/suggestions': { needs: ASSISTS, handle: suggestions },
      'GET /api/assist/stream': { needs: ASSISTS, handle: stream },
      'POST /api/assist/send': { needs: SENDS, handle: send },
    },
    { prefix: '/api/assist/', ...gated },
  )
  const desktop = routes<AssistCaller>(
    { 'POST /v1/assist/suggest': suggest, 'POST /v1/assist/check': check },
    {
      prefix: '/v1/assist/',
      headers: { 'cache-control': 'no-store' },
      guard(req, url) {
        const key = bearerToken(req)
        const tenant = key ? deps.apiKeys.get(key) : undefined
        return tenant ? { kind: 'api_key', tenant } : deps.access(req, url, ASSISTS)
      },
    },
  )
  const tables = [kb, assist, desktop]
  const handler: Handler = async (req, res) => {
    for (const table of tables) if (await table(req, res)) return true
    return false
  }
  return Object.assign(handler, {
    routes: tables.flatMap((t) => t.routes),
    close: () => streams.closeAll(),
  })
}
