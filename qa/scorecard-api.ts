/**
 * The scorecard editor's API (QA managers write; reviewers and supervisors read). Scopes are a queue and a channel
 * ('' = any); a scorecard in a body is the document of qa/scorecard.ts, its `id` and `version` set by the store.
 *
 *   GET  /api/qa/scorecards                                the latest version of every scope of the tenant
 *   GET  /api/qa/scorecards/versions?queue=&channel=&lang=  every version of one scope, newest first, and the
 *                                                          shipped default in that language to start from
 *   POST /api/qa/scorecards/validate  { spec }             { errors: [{ field, reason }] }, [] when valid
 *   POST /api/qa/scorecards           { queue, channel, spec }   saves the next version (400 naming the field)
 *   POST /api/qa/scorecards/preview   { queue, channel, spec, limit? }   the latest stored interactions of the
 *                                                          scope scored with the draft, beside their stored score
 *   POST /api/qa/scorecards/rescore   { since, until? }    re-scores the period in the background: { job }
 *   GET  /api/qa/scorecards/jobs/<job>                     the job's progress (RescoreJob)
 *
 * Field errors name the scorecard's own fields (`checks.blame.weight`), or `queue`, `channel`, `spec`, `limit`,
 * `since`, `until`.
 */
import { createHash, randomUUID } from 'node:crypto'
import { loadQuery, type Warehouse } from '../warehouse/index.js'
import { BadRequest, HttpError, idFrom, readJsonObject, routes, type RouteContext } from '../kits/http/index.js'
import type { Role, RoleGate } from '../kits/auth/index.js'
import type {
  RescoreJob,
  ScorecardHistory,
  ScorecardList,
  ScorecardPreview,
  ScorecardScope,
  ScorecardValidation,
} from '../core/contracts/index.js'
import { compileScorecard, defaultScorecard, scorecardProblems } from './scorecard.js'
import { SCOPE_NAME, scopeId, ScorecardVersionTaken, type ScorecardStore } from './scorecard-store.js'
import { buildInteraction, type ScorableInteraction } from './turns.js'
import type { QaPool } from './pool.js'
import type { QaScorer } from './scorer.js'

export interface ScorecardApiDeps {
  store: ScorecardStore
  warehouse: Warehouse
  scorer: QaScorer
  pool: QaPool
  access: RoleGate
  /** Re-scores a tenant's finished interactions of [since, until) with the scorecards in force, reporting progress. */
  rescore(
    tenant: string,
    since: number,
    until: number,
    onProgress: (done: number, total: number) => void,
  ): Promise<{ scored: number }>
}

const READS: Role[] = ['qa_reviewer', 'qa_manager', 'supervisor']
const MANAGES: Role[] = ['qa_manager']
const MAX_BODY = 256 * 1024
/** Interactions a preview scores at most (default 5): it runs while the manager waits. */
const MAX_PREVIEW = 20
/** Finished jobs kept for their progress reads; the oldest go first. */
const KEEP_JOBS = 50
const DAY = /^\d{4}-\d{2}-\d{2}$/
const MAX_MS = 4_102_444_800_000 // 2100-01-01, the event schema's ceiling

interface Who {
  tenant: string
  user: string
}

function scopeOf(value: Record<string, unknown> | URLSearchParams): ScorecardScope {
  const get = (k: string) => (value instanceof URLSearchParams ? value.get(k) : value[k]) ?? ''
  const scope = { queue: get('queue'), channel: get('channel') }
  for (const [field, v] of Object.entries(scope))
    if (typeof v !== 'string' || (v !== '' && !SCOPE_NAME.test(v)))
      throw new BadRequest(field, "expected '' (any) or a name of letters, digits, _ and - (up to 30)")
  return scope as ScorecardScope
}

/** The draft with the id and version the store gives it, so a draft need not carry them. */
function draftOf(body: Record<string, unknown>, tenant: string, scope: ScorecardScope): Record<string, unknown> {
  const spec = body.spec
  if (!spec || typeof spec !== 'object' || Array.isArray(spec))
    throw new BadRequest('spec', 'expected the scorecard as an object')
  return { ...spec, id: scopeId(tenant, scope), version: 1 }
}

/** ms, or a YYYY-MM-DD date taken as UTC midnight. */
function timeOf(v: unknown, field: string): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_MS) return v
  if (typeof v === 'string' && DAY.test(v) && !Number.isNaN(Date.parse(v))) return Date.parse(v)
  throw new BadRequest(field, 'expected whole ms since the epoch (before 2100) or YYYY-MM-DD')
}

export function createScorecardApi(deps: ScorecardApiDeps) {
  const { store } = deps
  const sampleSql = loadQuery('qa_scorecard_sample')
  const jobs = new Map<string, RescoreJob & { tenant: string }>()

  function save(who: Who, body: Record<string, unknown>) {
    const scope = scopeOf(body)
    const draft = draftOf(body, who.tenant, scope)
    const [problem] = scorecardProblems(draft)
    if (problem) throw new BadRequest(problem.field, problem.reason)
    return store.save(who.tenant, scope, draft, who.user).catch((err) => {
      if (err instanceof ScorecardVersionTaken) throw new HttpError(409, 'conflict', err.message)
      throw err
    })
  }

  async function preview(who: Who, body: Record<string, unknown>): Promise<ScorecardPreview> {
    const scope = scopeOf(body)
    const limit = body.limit ?? 5
    if (!(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_PREVIEW))
      throw new BadRequest('limit', `expected a whole number from 1 to ${MAX_PREVIEW}`)
    const draft = draftOf(body, who.tenant, scope)
    const [problem] = scorecardProblems(draft)
    if (problem) throw new BadRequest(problem.field, problem.reason)
    // A draft id of its own content: the workers cache compiled scorecards by id@version.
    const hash = createHash('sha1').update(JSON.stringify(draft)).digest('hex').slice(0, 16)
    const card = compileScorecard({ ...draft, id: `draft-${hash}` }, 'draft')
    const sample = await deps.warehouse.query<{ interaction_id: string; score: number }>(sampleSql, {
      tenant: who.tenant,
      ...scope,
      limit,
    })
    const events = await deps.scorer.loadEvents(
      who.tenant,
      sample.map((s) => s.interaction_id),
    )
    const items = sample
      .map((s) => buildInteraction(who.tenant, events.get(s.interaction_id) ?? []))
      .filter((x): x is ScorableInteraction => x !== null && x.interaction.turns.length > 0)
    const results = await deps.pool.score(
      items.map((i) => i.interaction),
      card,
    )
    const stored = new Map(sample.map((s) => [s.interaction_id, s.score]))
    return {
      rows: results.map((r) => ({
        interaction_id: r.interaction_id,
        stored_score: Math.round(stored.get(r.interaction_id)! * 10) / 10,
        draft_score: r.score,
        auto_failed: r.auto_failed,
      })),
    }
  }

  async function rescore(who: Who, body: Record<string, unknown>): Promise<{ job: string }> {
    const since = timeOf(body.since, 'since')
    const until = body.until === undefined ? Date.now() : timeOf(body.until, 'until')
    if (until <= since) throw new BadRequest('until', 'must be after since')
    const job: RescoreJob & { tenant: string } = {
      job: randomUUID(),
      tenant: who.tenant,
      state: 'running',
      done: 0,
      total: 0,
      scored: 0,
    }
    jobs.set(job.job, job)
    for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP_JOBS))) jobs.delete(old)
    deps
      .rescore(who.tenant, since, until, (done, total) => Object.assign(job, { done, total }))
      .then(({ scored }) => Object.assign(job, { state: 'done', scored }))
      .catch((err: Error) => Object.assign(job, { state: 'failed', error: err.message }))
    return { job: job.job }
  }

  function progress(who: Who, id: string): RescoreJob {
    const job = jobs.get(id)
    // Another tenant's job is as unknown as a missing one.
    if (!job || job.tenant !== who.tenant) throw new HttpError(404, 'not_found', `no re-scoring job ${id}`)
    const { tenant: _tenant, ...answer } = job
    return answer
  }

  type Ctx = RouteContext<Who>
  const body = (c: Ctx) => readJsonObject(c.req, MAX_BODY)

  return routes<Who>(
    {
      'GET /api/qa/scorecards': {
        needs: READS,
        handle: ({ who }): ScorecardList => ({ scorecards: store.list(who.tenant) }),
      },
      'GET /api/qa/scorecards/versions': {
        needs: READS,
        handle: ({ who, url }): ScorecardHistory => {
          const scope = scopeOf(url.searchParams)
          const template = defaultScorecard(url.searchParams.get('lang') === 'en' ? 'en' : 'zh').spec
          return { ...scope, versions: store.versions(who.tenant, scope), template }
        },
      },
      'POST /api/qa/scorecards/validate': {
        needs: MANAGES,
        handle: async (c): Promise<ScorecardValidation> => {
          const b = await body(c)
          return { errors: scorecardProblems(draftOf(b, c.who.tenant, scopeOf(b))) }
        },
      },
      'POST /api/qa/scorecards': { needs: MANAGES, handle: async (c) => save(c.who, await body(c)) },
      'POST /api/qa/scorecards/preview': { needs: MANAGES, handle: async (c) => preview(c.who, await body(c)) },
      'POST /api/qa/scorecards/rescore': { needs: MANAGES, handle: async (c) => rescore(c.who, await body(c)) },
      'GET /api/qa/scorecards/jobs/:job': {
        needs: MANAGES,
        handle: (c) => progress(c.who, idFrom(c.params.job, 'job', { encoded: true })),
      },
    },
    {
      prefix: '/api/qa/scorecards',
      headers: { 'cache-control': 'no-store' },
      needsRequired: true,
      guard(req, url, _route, needs) {
        const who = deps.access(req, url, needs ?? [])
        return { tenant: who.tenant, user: who.kind === 'user' ? who.user : '' }
      },
      unexpected: (err) => new HttpError(503, 'unavailable', (err as Error).message),
    },
  )
}
