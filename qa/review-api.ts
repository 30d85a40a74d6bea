/**
 * The review desk's API (signed-in users; each route names the roles it admits, see kits/auth roles.ts: reviewers
 * and managers score, supervisors read and enter an agent's dispute, managers re-score and assign reviewers, an
 * agent reads, acknowledges and disputes their own evaluations):
 *
 *   GET  /api/qa/queue?queue=&agent=&check=&severity=&from=&to=&reviewed=&show=&mine=1&disputed=&sort=&order=&limit=
 *        show: review (default: flagged or in the weekly sample, qa/sample.ts) | flagged | sampled | all (= all=1);
 *        mine=1: assigned to the caller; disputed: open | any
 *   POST /api/qa/assign                          { reviewer, ids: [...] }   a QA manager hands interactions out
 *   GET  /api/qa/calls-waiting                   how many calls' transcripts wait for a Whisper model
 *   GET  /api/qa/interactions/<id>               result, masked transcript, flags, reviews, disputes
 *   POST /api/qa/interactions/<id>/review        { items: [{check, decision, earned?, comment?}], comment? }
 *   POST /api/qa/interactions/<id>/dispute       { comment, item? }   the agent's objection (their own evaluation
 *                                                only; a supervisor or QA manager may enter it for them)
 *   POST /api/qa/interactions/<id>/answer        { comment, item? }   the reviewer's reply
 *   GET  /api/qa/interactions/<id>/calibration   blind until the caller has scored it, then everyone's + agreement
 *   POST /api/qa/interactions/<id>/calibration   { items: {check: share 0…1}, comment? }
 *   POST /api/qa/backfill                        { since, until?, limit? } (ms or YYYY-MM-DD);
 *                                                also with the admin token
 *   GET  /api/qa/mine                            the signed-in agent's own evaluations
 *   GET  /api/qa/mine/<id>                       one of them, as the desk shows it
 *   POST /api/qa/mine/<id>/acknowledge           { comment? }   the agent accepts the evaluation
 *
 * An agent is the user whose MOFANG_USERS name is their agent id (the `agent_id` of their events): a caller who
 * gets in through the `agent` role alone sees and disputes only results with that agent id, in their tenant; any
 * other result answers 404, as if it did not exist.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { loadQuery, recordAudit, type Warehouse } from '../warehouse/index.js'
import {
  BadRequest,
  HttpError,
  idFrom,
  intParam,
  readJsonObject,
  routes,
  type RouteContext,
} from '../kits/http/index.js'
import type {
  AgentEvaluationRow,
  CalibrationEntry,
  CallsWaitingAnswer,
  ItemDecision,
  QaResultInput,
  ReviewRow,
} from '../core/contracts/index.js'
import type { CheckResult } from './types.js'
import { hasAdminToken, type Role, type RoleGate } from '../kits/auth/index.js'
import type { QaResultRow } from './store.js'
import { agreementOf, correctedScore, invalidDecision } from './review.js'
import { satisfactionOf } from './nps.js'
import { assign, assignRequestOf } from './assign.js'

export interface ReviewApiDeps {
  warehouse: Warehouse
  access: RoleGate
  /** IANA zone for the date filters and the weekly sample's weeks. */
  timeZone: string
  /** Share of each agent's unflagged interactions per week the queue samples for review, 0…1. Default 0.05. */
  sampleShare?: number
  /** Publishes a corrected result so the wallboard's QA average follows reviews. */
  announce?(result: QaResultInput): void
  /** Scores unscored interactions of a tenant ('' = every tenant). */
  backfill?(
    tenant: string,
    since: number,
    until: number | undefined,
    limit: number | undefined,
  ): Promise<{ scored: number; skipped: number }>
  /** The server's admin token (as in the lock file), accepted for the backfill so `mofang qa backfill` can use it. */
  adminToken?(): string | undefined
}

/** A stored result as the desk reads it (the store's row, without what only the writer needs). */
type ResultRow = Omit<QaResultRow, 'tenant' | 'flag_count' | 'flag_checks' | 'csat_predicted'> & {
  /** Null on results stored before predicted CSAT (sql/migrations/0011_qa_csat.sql). */
  csat_predicted: number | null
}

/** Who reads the desk: the tenant and the signed-in user ('' for the CLI's admin token). */
interface Reader {
  tenant: string
  user: string
  /** The agent id the caller is held to: set when only the `agent` role let them in (their user name). */
  agent: string | null
}

/** Transcripts and scores: the people who score, and supervisors. Never exec (aggregates only) or planners. */
const READS: Role[] = ['qa_reviewer', 'qa_manager', 'supervisor']
/** Scoring: reviews, calibration, answering disputes. */
const SCORES: Role[] = ['qa_reviewer', 'qa_manager']
/** An agent disputes their own evaluation, or their supervisor (or the QA manager) enters it for them. */
const DISPUTES: Role[] = ['agent', 'supervisor', 'qa_manager']
/** Re-scoring a period, assigning reviewers. */
const MANAGES: Role[] = ['qa_manager']
/** An agent's own evaluations. */
const OWN: Role[] = ['agent']

const DATE = /^\d{4}-\d{2}-\d{2}$/
const SEVERITIES = new Set(['', 'low', 'medium', 'high', 'critical'])
const SORTS = new Set(['ended_at', 'score', 'severity', 'sentiment'])
const SHOWS = new Set(['review', 'flagged', 'sampled', 'all'])
const DEFAULT_SAMPLE_SHARE = 0.05
const MAX_BODY = 64 * 1024

/** A problem written `field: reason` (review.ts invalidDecision) as the BadRequest it is. */
function refused(problem: string): BadRequest {
  const at = problem.indexOf(': ')
  return new BadRequest(problem.slice(0, at), problem.slice(at + 2))
}

function commentOf(body: Record<string, unknown>, required: boolean): string {
  const c = body.comment
  if (c === undefined && !required) return ''
  if (typeof c !== 'string' || (required && !c.trim()) || c.length > 4000)
    throw new BadRequest('comment', `expected ${required ? 'non-empty ' : ''}text up to 4000 characters`)
  return c
}

const MAX_MS = 4_102_444_800_000 // 2100-01-01, the event schema's ceiling
const MAX_BACKFILL = 10_000_000

/** ms, or a YYYY-MM-DD date taken as UTC midnight. */
function timeOf(v: unknown, field: string): number {
  // Whole ms in range only: the query takes Int64, and a fraction or a huge value came back as a 503 from ClickHouse.
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_MS) return v
  if (typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v))) return Date.parse(v)
  throw new BadRequest(field, 'expected whole ms since the epoch (before 2100) or YYYY-MM-DD')
}

/** The admin backfill's ?tenant= ('' = every tenant), held to the tenant name rule of the event schema. */
function tenantParam(url: URL): string {
  const tenant = url.searchParams.get('tenant') ?? ''
  if (tenant && !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(tenant))
    throw new BadRequest('tenant', 'expected a tenant name (lower-case letters, digits, _ and -)')
  return tenant
}

export function createReviewApi(deps: ReviewApiDeps) {
  const { warehouse: wh } = deps
  const sql = {
    queue: loadQuery('qa_review_queue'),
    result: loadQuery('qa_result'),
    reviews: loadQuery('qa_reviews'),
    flags: loadQuery('qa_result_flags'),
    own: loadQuery('qa_agent_evaluations'),
  }

  /** The result of `id` in the tenant; 404 without one, or when `agent` is set and it is another agent's. */
  async function loadResult(tenant: string, id: string, agent: string | null = null): Promise<ResultRow> {
    const [row] = await wh.query<ResultRow>(sql.result, { tenant, id })
    if (!row || (agent !== null && row.agent_id !== agent))
      throw new HttpError(404, 'not_found', `no QA result for ${id}`)
    return row
  }

  const loadReviews = (tenant: string, id: string, kinds: string[]) =>
    wh.query<ReviewRow>(sql.reviews, { tenant, id, kinds })

  const insertReviews = (tenant: string, id: string, rows: Partial<ReviewRow>[]) => {
    const now = Date.now()
    return wh.insert(
      'qa_reviews',
      rows.map((r) => ({
        tenant,
        interaction_id: id,
        created_at: now,
        item: '',
        decision: '',
        earned: null,
        score: null,
        comment: '',
        ...r,
      })),
    )
  }

  async function queue({ tenant, user }: Reader, url: URL) {
    const p = url.searchParams
    const get = (k: string) => p.get(k) ?? ''
    const severity = get('severity')
    if (!SEVERITIES.has(severity)) throw new BadRequest('severity', 'expected low, medium, high or critical')
    const sort = get('sort') || 'ended_at'
    if (!SORTS.has(sort)) throw new BadRequest('sort', 'expected ended_at, score, severity or sentiment')
    for (const k of ['from', 'to']) if (get(k) && !DATE.test(get(k))) throw new BadRequest(k, 'expected YYYY-MM-DD')
    const reviewed = get('reviewed')
    if (!['', 'yes', 'no'].includes(reviewed)) throw new BadRequest('reviewed', 'expected yes or no')
    const show = p.get('all') === '1' ? 'all' : get('show') || 'review'
    if (!SHOWS.has(show)) throw new BadRequest('show', 'expected review, flagged, sampled or all')
    const disputed = get('disputed')
    if (!['', 'open', 'any'].includes(disputed)) throw new BadRequest('disputed', 'expected open or any')
    const mine = get('mine')
    if (!['', '0', '1'].includes(mine)) throw new BadRequest('mine', 'expected 1 (assigned to me) or 0')
    // The CLI's admin token is nobody: it has no assignments.
    if (mine === '1' && !user) throw new BadRequest('mine', 'sign in as a reviewer to see your assignments')
    const limit = intParam(url, 'limit', { min: 1, max: 1000, default: 200 })
    const rows = await wh.query(sql.queue, {
      tenant,
      tz: deps.timeZone,
      show,
      share: deps.sampleShare ?? DEFAULT_SAMPLE_SHARE,
      assigned: mine === '1' ? user : '',
      disputed,
      queue: get('queue'),
      agent: get('agent'),
      check: get('check'),
      severity,
      reviewed,
      from: get('from') || '1970-01-01',
      to: get('to') || '2149-06-06',
      sort,
      desc: get('order') === 'asc' ? 0 : 1,
      limit,
    })
    return { rows }
  }

  async function detail(tenant: string, id: string, user: string, agent: string | null = null) {
    const r = await loadResult(tenant, id, agent)
    // Who read which (masked) transcript is on record before it is answered (README "Data lifecycle").
    await recordAudit(wh, { tenant, actor: user, action: 'transcript.open', target: id })
    const flags = await wh.query(sql.flags, { tenant, id, at: r.scored_at })
    const reviews = await loadReviews(tenant, id, ['review', 'dispute', 'answer'])
    const reviewSets = reviews.filter((x) => x.kind === 'review' && x.item === '')
    const latest = reviewSets[reviewSets.length - 1]
    const calibrations = await loadReviews(tenant, id, ['calibration'])
    const { checks, facts, turns, ...result } = r
    const satisfaction = satisfactionOf(r)
    return {
      result: {
        ...result,
        csat_predicted: satisfaction.csat_predicted,
        checks: JSON.parse(checks) as Record<string, CheckResult>,
        facts: JSON.parse(facts) as unknown,
        turns: JSON.parse(turns) as unknown,
      },
      flags,
      effective_score: latest?.score ?? r.score,
      review: latest
        ? {
            reviewer: latest.reviewer,
            at: latest.created_at,
            comment: latest.comment,
            items: reviews.filter((x) => x.kind === 'review' && x.review_id === latest.review_id && x.item !== ''),
          }
        : null,
      history: reviews,
      calibration: {
        reviewers: new Set(calibrations.map((c) => c.reviewer)).size,
        mine: calibrations.some((c) => c.reviewer === user),
      },
      satisfaction,
    }
  }

  async function review(tenant: string, id: string, user: string, body: Record<string, unknown>) {
    const r = await loadResult(tenant, id)
    const checks = JSON.parse(r.checks) as Record<string, CheckResult>
    const problem = invalidDecision(checks, body.items)
    if (problem) throw refused(problem)
    const items = body.items as ItemDecision[]
    const comment = commentOf(body, false)
    const { score, auto_failed } = correctedScore(checks, items)
    const review_id = randomUUID()
    await insertReviews(tenant, id, [
      ...items.map((d) => ({
        review_id,
        kind: 'review',
        reviewer: user,
        item: d.check,
        decision: d.decision,
        earned: d.decision === 'override' ? d.earned! : checks[d.check].fraction,
        comment: d.comment ?? '',
      })),
      { review_id, kind: 'review', reviewer: user, score, comment },
    ])
    deps.announce?.({
      tenant,
      interaction_id: id,
      ts: Date.now(),
      score,
      flagged: r.flagged === 1,
      ...(r.sentiment_customer !== null && { sentiment: r.sentiment_customer }),
      ...(r.queue && { queue: r.queue }),
      ...(r.agent_id && { agent_id: r.agent_id }),
    })
    return { review_id, auto_score: r.score, effective_score: score, auto_failed }
  }

  async function note(
    { tenant, user, agent }: Reader,
    id: string,
    kind: 'dispute' | 'answer',
    body: Record<string, unknown>,
  ) {
    const r = await loadResult(tenant, id, agent)
    const item = body.item === undefined ? '' : String(body.item)
    if (item && !Object.hasOwn(JSON.parse(r.checks) as object, item)) throw new BadRequest('item', 'unknown item')
    const review_id = randomUUID()
    await insertReviews(tenant, id, [{ review_id, kind, reviewer: user, item, comment: commentOf(body, true) }])
    return { review_id }
  }

  /** The signed-in agent's own evaluations (agent id = their user name). */
  async function mine({ tenant, user }: Reader, url: URL) {
    const limit = intParam(url, 'limit', { min: 1, max: 1000, default: 200 })
    const rows = await wh.query<AgentEvaluationRow>(sql.own, { tenant, agent: user, limit })
    return { agent_id: user, rows }
  }

  async function acknowledge({ tenant, user }: Reader, id: string, body: Record<string, unknown>) {
    await loadResult(tenant, id, user)
    const review_id = randomUUID()
    await insertReviews(tenant, id, [
      { review_id, kind: 'acknowledge', reviewer: user, comment: commentOf(body, false) },
    ])
    return { review_id }
  }

  async function calibration(tenant: string, id: string, user: string) {
    const rows = await loadReviews(tenant, id, ['calibration'])
    const sets = new Map<string, CalibrationEntry & { comment: string }>()
    for (const row of rows) {
      let set = sets.get(row.review_id)
      if (!set) sets.set(row.review_id, (set = { reviewer: row.reviewer, items: {}, score: 0, comment: '' }))
      if (row.item === '') Object.assign(set, { score: row.score ?? 0, comment: row.comment })
      else if (row.earned !== null) set.items[row.item] = row.earned
    }
    // Rows come oldest first: a reviewer's latest submission is the one that counts.
    const byReviewer = new Map([...sets.values()].map((s) => [s.reviewer, s]))
    const entries = [...byReviewer.values()]
    // Blind: nobody sees the others' scores (or the agreement) before submitting their own.
    if (!byReviewer.has(user)) return { submitted: false, reviewers: entries.length }
    return { submitted: true, reviewers: entries.length, entries, agreement: agreementOf(entries) }
  }

  async function calibrate(tenant: string, id: string, user: string, body: Record<string, unknown>) {
    const r = await loadResult(tenant, id)
    const checks = JSON.parse(r.checks) as Record<string, CheckResult>
    const items = body.items as Record<string, unknown> | undefined
    if (!items || typeof items !== 'object' || Object.keys(items).length === 0)
      throw new BadRequest('items', 'expected {check: share 0…1}')
    for (const [k, v] of Object.entries(items)) {
      if (!Object.hasOwn(checks, k)) throw new BadRequest(`items.${k}`, 'unknown item')
      if (!(typeof v === 'number' && v >= 0 && v <= 1))
        throw new BadRequest(`items.${k}`, 'expected a number from 0 to 1')
    }
    const decisions = Object.entries(items).map(([check, earned]) => ({
      check,
      decision: 'override' as const,
      earned: earned as number,
    }))
    const { score } = correctedScore(checks, decisions)
    const review_id = randomUUID()
    await insertReviews(tenant, id, [
      ...decisions.map((d) => ({ review_id, kind: 'calibration', reviewer: user, item: d.check, earned: d.earned })),
      { review_id, kind: 'calibration', reviewer: user, score, comment: commentOf(body, false) },
    ])
    return calibration(tenant, id, user)
  }

  async function runBackfill(req: IncomingMessage, tenant: string) {
    if (!deps.backfill) throw new HttpError(503, 'unavailable', 'backfill is not available here')
    const body = await readJsonObject(req, MAX_BODY)
    const limit = body.limit === undefined ? undefined : Number(body.limit)
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0 && limit <= MAX_BACKFILL)) {
      throw new BadRequest('limit', `expected a whole number from 1 to ${MAX_BACKFILL}`)
    }
    return deps.backfill(
      tenant,
      timeOf(body.since, 'since'),
      body.until === undefined ? undefined : timeOf(body.until, 'until'),
      limit,
    )
  }

  /** Calls that wait for a Whisper model (transcribe/ stores them as awaiting), so the desk can say so. */
  async function callsWaiting(tenant: string): Promise<CallsWaitingAnswer> {
    const [row] = await wh.query<{ n: number }>(loadQuery('transcripts_awaiting_model'), { tenant })
    return { awaiting_model: Number(row?.n ?? 0) }
  }

  type Ctx = RouteContext<Reader>
  /** The interaction id of the path, decoded and held to the id rule (400 naming interaction_id otherwise). */
  const idOf = ({ params }: Ctx) => idFrom(params.id, 'interaction_id', { encoded: true })
  const BACKFILL = 'POST /api/qa/backfill'

  return routes<Reader>(
    {
      'GET /api/qa/queue': { needs: READS, handle: ({ url, who }) => queue(who, url) },
      'GET /api/qa/calls-waiting': { needs: READS, handle: ({ who }) => callsWaiting(who.tenant) },
      [BACKFILL]: { needs: MANAGES, handle: ({ req, who }) => runBackfill(req, who.tenant) },
      'POST /api/qa/assign': {
        needs: MANAGES,
        handle: async ({ req, who }) =>
          assign(wh, who.tenant, who.user, assignRequestOf(await readJsonObject(req, MAX_BODY))),
      },
      'GET /api/qa/mine': { needs: OWN, handle: ({ url, who }) => mine(who, url) },
      'GET /api/qa/mine/:id': { needs: OWN, handle: (c) => detail(c.who.tenant, idOf(c), c.who.user, c.who.user) },
      'POST /api/qa/mine/:id/acknowledge': {
        needs: OWN,
        handle: async (c) => acknowledge(c.who, idOf(c), await readJsonObject(c.req, MAX_BODY)),
      },
      'GET /api/qa/interactions/:id': { needs: READS, handle: (c) => detail(c.who.tenant, idOf(c), c.who.user) },
      'GET /api/qa/interactions/:id/calibration': {
        needs: SCORES,
        handle: (c) => calibration(c.who.tenant, idOf(c), c.who.user),
      },
      'POST /api/qa/interactions/:id/calibration': {
        needs: SCORES,
        handle: async (c) => calibrate(c.who.tenant, idOf(c), c.who.user, await readJsonObject(c.req, MAX_BODY)),
      },
      'POST /api/qa/interactions/:id/review': {
        needs: SCORES,
        handle: async (c) => review(c.who.tenant, idOf(c), c.who.user, await readJsonObject(c.req, MAX_BODY)),
      },
      'POST /api/qa/interactions/:id/dispute': {
        needs: DISPUTES,
        handle: async (c) => note(c.who, idOf(c), 'dispute', await readJsonObject(c.req, MAX_BODY)),
      },
      'POST /api/qa/interactions/:id/answer': {
        needs: SCORES,
        handle: async (c) => note(c.who, idOf(c), 'answer', await readJsonObject(c.req, MAX_BODY)),
      },
    },
    {
      prefix: '/api/qa/',
      headers: { 'cache-control': 'no-store' },
      needsRequired: true,
      guard(req, url, route, needs) {
        // The CLI (admin token from the lock file) may backfill any tenant: ?tenant= narrows it ('' = every tenant).
        if (route === BACKFILL && hasAdminToken(req, deps.adminToken?.()))
          return { tenant: tenantParam(url), user: '', agent: null }
        const who = deps.access(req, url, needs ?? [])
        if (who.kind !== 'user') return { tenant: who.tenant, user: '', agent: null }
        // Let in as an agent only (no supervisor or QA role of this route): held to their own evaluations.
        const asAgentOnly = who.roles.includes('agent') && !who.roles.some((r) => r !== 'agent' && needs?.includes(r))
        return { tenant: who.tenant, user: who.user, agent: asAgentOnly ? who.user : null }
      },
      // Bad ids and parameters are the client's error (an HttpError); anything else is a failing warehouse.
      unexpected: (err) => new HttpError(503, 'unavailable', (err as Error).message),
    },
  )
}
