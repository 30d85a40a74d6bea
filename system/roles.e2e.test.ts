/**
 * The role matrix: every role-gated route of a whole running system × every role × the caller's own tenant and
 * another one. The table below is the specification (README "Roles"): a role it lists gets past the gate (any
 * answer but 401/403), every other role gets 403, and a caller of the other tenant never sees this tenant's data
 * (its answers never contain the tenant's secret marker, which this tenant's own callers do see). A route the
 * system declares that is missing from the table fails the test, so a new route cannot skip the matrix.
 *
 * State-changing routes are called with bodies that pass the gate but fail validation (400), so the test checks
 * who gets in without building rosters or reloading configurations.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSystem, type RunningSystem } from './system.js'
import { liveMetricsService } from '../live-metrics/index.js'
import { wallboardService } from '../web/server/index.js'
import { qaService } from '../qa/index.js'
import { forecastService, forecastSettings } from '../forecast/index.js'
import { routingService } from '../routing/index.js'
import { privacyService } from '../privacy/index.js'
import { channelsService } from '../channels/index.js'
import { reportsService } from '../reports/index.js'
import { conversationsService, conversationsSettings } from '../conversations/index.js'
import { assistService } from '../assist/index.js'
import { ROLES, SESSION_COOKIE, SessionSigner, type Role } from '../kits/auth/index.js'
import { tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { historyEvents } from '../forecast/test-helpers/history-events.js'
import { toLocalMinutes } from '../kits/time/index.js'

const dir = tempDir('roles')
const SECRET = 'roles-matrix-session-secret-0123456789'
const TENANTS = ['tenant-a', 'tenant-b'] as const
const DISPLAY = { 'tenant-a': 'display-token-tenant-a-0123', 'tenant-b': 'display-token-tenant-b-0123' }
/** Stored for tenant-a only: a caller from tenant-b must never get it back. */
const MARKER = 'secret-marker-of-tenant-a'
const INTERACTION = 'ia-roles-1'

const ALL: readonly Role[] = ROLES
const QA_READ: Role[] = ['qa_reviewer', 'qa_manager', 'supervisor']
const QA_SCORE: Role[] = ['qa_reviewer', 'qa_manager']
const PLAN_READ: Role[] = ['planner', 'supervisor']
const KB_READ: Role[] = ['agent', 'supervisor', 'qa_reviewer', 'qa_manager', 'admin']
const KB_WRITE: Role[] = ['supervisor', 'qa_manager', 'admin']
const ASSIST: Role[] = ['agent', 'supervisor']
const LIVE_WATCH: Role[] = ['supervisor', 'qa_manager', 'admin']

interface Case {
  roles: readonly Role[]
  path: string
  body?: unknown
}

/** route → who may call it, and a request that reaches the handler without side effects. */
const MATRIX: Record<string, Case> = {
  'GET /api/snapshot': { roles: ALL, path: '/api/snapshot' },
  'GET /api/me': { roles: ALL, path: '/api/me' },
  'GET /api/live': { roles: ALL, path: '/api/live' },
  'GET /api/history': { roles: ALL, path: '/api/history?date=2026-01-05' },
  'GET /api/qa/queue': { roles: QA_READ, path: '/api/qa/queue?all=1' },
  'GET /api/qa/calls-waiting': { roles: QA_READ, path: '/api/qa/calls-waiting' },
  'POST /api/qa/backfill': { roles: ['qa_manager'], path: '/api/qa/backfill', body: { limit: 0 } },
  'GET /api/qa/interactions/:id': { roles: QA_READ, path: `/api/qa/interactions/${INTERACTION}` },
  'GET /api/qa/interactions/:id/calibration': {
    roles: QA_SCORE,
    path: `/api/qa/interactions/${INTERACTION}/calibration`,
  },
  'POST /api/qa/interactions/:id/calibration': {
    roles: QA_SCORE,
    path: `/api/qa/interactions/${INTERACTION}/calibration`,
    body: { items: 'bad' },
  },
  'POST /api/qa/interactions/:id/review': {
    roles: QA_SCORE,
    path: `/api/qa/interactions/${INTERACTION}/review`,
    body: { items: 'bad' },
  },
  'POST /api/qa/interactions/:id/dispute': {
    roles: ['agent', 'supervisor', 'qa_manager'],
    path: `/api/qa/interactions/${INTERACTION}/dispute`,
    body: {},
  },
  'POST /api/qa/interactions/:id/answer': {
    roles: QA_SCORE,
    path: `/api/qa/interactions/${INTERACTION}/answer`,
    body: {},
  },
  'POST /api/qa/assign': { roles: ['qa_manager'], path: '/api/qa/assign', body: { reviewer: 'x', ids: [] } },
  // An agent's own evaluations (the agent id is the user name, which owns no result here: 404 past the gate).
  'GET /api/qa/mine': { roles: ['agent'], path: '/api/qa/mine' },
  'GET /api/qa/mine/:id': { roles: ['agent'], path: `/api/qa/mine/${INTERACTION}` },
  'POST /api/qa/mine/:id/acknowledge': {
    roles: ['agent'],
    path: `/api/qa/mine/${INTERACTION}/acknowledge`,
    body: { comment: 42 },
  },
  // Scorecards: everyone who reads QA reads them, QA managers write (bodies fail validation: 400; an unknown job: 404).
  'GET /api/qa/scorecards': { roles: QA_READ, path: '/api/qa/scorecards' },
  'GET /api/qa/scorecards/versions': { roles: QA_READ, path: '/api/qa/scorecards/versions?queue=&channel=' },
  'POST /api/qa/scorecards/validate': { roles: ['qa_manager'], path: '/api/qa/scorecards/validate', body: {} },
  'POST /api/qa/scorecards': { roles: ['qa_manager'], path: '/api/qa/scorecards', body: { spec: 'bad' } },
  'POST /api/qa/scorecards/preview': {
    roles: ['qa_manager'],
    path: '/api/qa/scorecards/preview',
    body: { limit: 0 },
  },
  'POST /api/qa/scorecards/rescore': { roles: ['qa_manager'], path: '/api/qa/scorecards/rescore', body: {} },
  'GET /api/qa/scorecards/jobs/:job': { roles: ['qa_manager'], path: '/api/qa/scorecards/jobs/no-such-job' },
  'GET /api/planner/data': { roles: PLAN_READ, path: '/api/planner/data?days=1' },
  'POST /api/planner/recompute': { roles: ['planner'], path: '/api/planner/recompute' },
  'POST /api/planner/roster': { roles: ['planner'], path: '/api/planner/roster', body: { week: 'bad' } },
  'GET /api/planner/roster': { roles: PLAN_READ, path: '/api/planner/roster' },
  'PUT /api/planner/roster': { roles: ['planner'], path: '/api/planner/roster', body: { agents: 'bad' } },
  'GET /api/planner/roster/export': { roles: PLAN_READ, path: '/api/planner/roster/export?format=bad' },
  'GET /api/planner/roster/adherence': { roles: PLAN_READ, path: '/api/planner/roster/adherence?date=bad' },
  'GET /api/routing/decisions': {
    roles: ['supervisor', 'qa_reviewer', 'qa_manager', 'admin'],
    path: `/api/routing/decisions?interaction_id=${INTERACTION}`,
  },
  'GET /api/routing/config': { roles: ['supervisor', 'admin'], path: '/api/routing/config' },
  'POST /api/routing/config': { roles: ['admin'], path: '/api/routing/config' },
  'GET /api/admin/audit': { roles: ['admin'], path: '/api/admin/audit' },
  'GET /api/attachments/:sha256': {
    roles: ['agent', 'supervisor', 'qa_reviewer', 'qa_manager'],
    path: `/api/attachments/${'0'.repeat(64)}`,
  },
  'GET /api/channels': { roles: ALL, path: '/api/channels' },
  'GET /api/reports/:period': { roles: ['exec', 'supervisor'], path: '/api/reports/daily' },
  'GET /api/reports/:period/export': { roles: ['exec', 'supervisor'], path: '/api/reports/daily/export?format=bad' },
  'GET /api/reports/:period/drill': { roles: ['exec', 'supervisor'], path: '/api/reports/daily/drill?metric=bad' },
  'GET /api/alarms': { roles: ['supervisor'], path: '/api/alarms?state=ended' },
  'POST /api/alarms/:key/ack': { roles: ['supervisor'], path: '/api/alarms/none/ack' },
  'GET /api/alarms/stream': { roles: ['supervisor'], path: '/api/alarms/stream' },
  // Live conversations: supervisors watch the floor (QA managers and admins too); an agent reads their own.
  'GET /api/live/conversations': { roles: LIVE_WATCH, path: '/api/live/conversations' },
  'GET /api/live/conversations/:interaction_id': {
    roles: [...LIVE_WATCH, 'agent'],
    path: `/api/live/conversations/${INTERACTION}`,
  },
  'GET /api/live/stream': { roles: [...LIVE_WATCH, 'agent'], path: '/api/live/stream' },
  'GET /api/incidents': { roles: LIVE_WATCH, path: '/api/incidents' },
  // Knowledge base: agents and QA read it, supervisors, QA managers and admins write it; agents use assist.
  'GET /api/kb/articles': { roles: KB_READ, path: '/api/kb/articles' },
  'POST /api/kb/articles': { roles: KB_WRITE, path: '/api/kb/articles', body: { title: '' } },
  'GET /api/kb/articles/:id': { roles: KB_READ, path: '/api/kb/articles/none' },
  'PUT /api/kb/articles/:id': { roles: KB_WRITE, path: '/api/kb/articles/none', body: { title: '' } },
  'DELETE /api/kb/articles/:id': { roles: KB_WRITE, path: '/api/kb/articles/none' },
  'POST /api/kb/import': { roles: KB_WRITE, path: '/api/kb/import', body: { format: 'csv', text: '' } },
  'GET /api/assist/suggestions': { roles: ASSIST, path: `/api/assist/suggestions?interaction_id=${INTERACTION}` },
  'GET /api/assist/stream': { roles: ASSIST, path: `/api/assist/stream?interaction_id=${INTERACTION}` },
  'POST /api/assist/send': { roles: ['agent'], path: '/api/assist/send', body: {} },
  'GET /api/customers/:id/profile': { roles: KB_READ, path: '/api/customers/none/profile' },
  // Saved walls: every role reads them (a display opens its wall), supervisors design them.
  'GET /api/walls': { roles: ALL, path: '/api/walls' },
  'GET /api/walls/:id': { roles: ALL, path: '/api/walls/voice' },
  'PUT /api/walls/:id': { roles: ['supervisor'], path: '/api/walls/voice', body: { id: 'voice' } },
  'DELETE /api/walls/:id': { roles: ['supervisor'], path: '/api/walls/nowhere' },
}

const signer = new SessionSigner(Buffer.from(SECRET))
const userOf = (role: Role, tenant: string) => `${role}-${tenant}`
/** The credentials of one role in one tenant: a wall's display token, or a signed-in user holding only that role. */
const credentials = (role: Role, tenant: (typeof TENANTS)[number]): Record<string, string> =>
  role === 'display'
    ? { authorization: `Bearer ${DISPLAY[tenant]}` }
    : {
        cookie: `${SESSION_COOKIE}=${signer.sign({ u: userOf(role, tenant), t: tenant, r: [role], exp: Date.now() + 3_600_000 })}`,
      }

let sys: RunningSystem

/** Status and body text of one call; an event stream is cut after its headers. */
async function call(route: string, c: Case, headers: Record<string, string>) {
  const method = route.split(' ')[0]
  const abort = new AbortController()
  const res = await fetch(`${sys.url}${c.path}`, {
    method,
    headers: { ...headers, ...(c.body !== undefined && { 'content-type': 'application/json' }) },
    body: c.body === undefined ? undefined : JSON.stringify(c.body),
    signal: abort.signal,
  })
  if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    abort.abort()
    return { status: res.status, text: '' }
  }
  return { status: res.status, text: await res.text() }
}

beforeAll(async () => {
  const routingConfig = join(dir.path, 'routing.yaml')
  const routing = (t: string) =>
    `  ${t}:\n    defaults: { policies: [skills] }\n    queues: { repair: { skills: { repair: 1 } } }\n`
  writeFileSync(routingConfig, `tenants:\n${TENANTS.map(routing).join('')}`)
  const users = TENANTS.flatMap((t) => ROLES.filter((r) => r !== 'display').map((r) => `${userOf(r, t)}:${t}:${r}:x`))
  const config = testConfig(dir.path, {
    MOFANG_USERS: users.join(','),
    MOFANG_DISPLAY_TOKENS: TENANTS.map((t) => `${t}:${DISPLAY[t]}`).join(','),
    MOFANG_SESSION_SECRET: SECRET,
    MOFANG_ROUTING_CONFIG: routingConfig,
  })
  sys = await startSystem({
    config,
    namespace: uniqueNamespace(),
    services: [
      liveMetricsService(),
      wallboardService(),
      qaService({ workers: 1 }),
      forecastService({ ...forecastSettings(config), runAtStart: false }),
      routingService({ configPath: routingConfig, sighup: false }),
      privacyService(),
      channelsService(),
      reportsService({ timeZone: config.timeZone, repeatDays: config.reportRepeatDays, refreshEveryMin: 0 }),
      conversationsService(conversationsSettings(config)),
      assistService(),
    ],
    log: () => {},
  })
  const now = Date.now()
  await sys.warehouse.insert('qa_results', [
    {
      tenant: 'tenant-a',
      interaction_id: INTERACTION,
      channel: 'webchat',
      queue: 'repair',
      agent_id: 'agent-a-1',
      ended_at: now,
      scored_at: now,
      scorecard_id: 'default',
      scorecard_version: 1,
      language: 'en',
      score: 80,
      checks: '{}',
      facts: '[]',
      turns: JSON.stringify([{ role: 'customer', text: MARKER, sentiment: null }]),
    },
  ])
}, 120_000)

afterAll(async () => {
  await sys?.stop()
  dir.remove()
})

describe('role matrix', () => {
  it('covers every role-gated route the running system declares, and each declares the roles of the table', () => {
    const declared = sys.routes().filter((r) => r.key.includes(' /api/') && r.needs)
    const ungated = sys.routes().filter((r) => r.key.includes(' /api/') && !r.needs)
    expect(ungated.map((r) => r.key).sort()).toEqual(['POST /api/login', 'POST /api/logout'])
    expect(declared.map((r) => r.key).sort()).toEqual(Object.keys(MATRIX).sort())
    for (const r of declared) expect([...r.needs!].sort(), r.key).toEqual([...MATRIX[r.key].roles].sort())
  })

  it('admits exactly the listed roles of the own tenant, and shows the own tenant its data', async () => {
    const wrong: string[] = []
    for (const [route, c] of Object.entries(MATRIX))
      for (const role of ROLES) {
        const { status } = await call(route, c, credentials(role, 'tenant-a'))
        const allowed = c.roles.includes(role)
        if (allowed ? status === 401 || status === 403 : status !== 403)
          wrong.push(`${route} as ${role}: ${status} (${allowed ? 'should get in' : 'should be 403'})`)
      }
    expect(wrong).toEqual([])
    const own = await call('GET', MATRIX['GET /api/qa/interactions/:id'], credentials('qa_reviewer', 'tenant-a'))
    expect(own.status).toBe(200)
    expect(own.text).toContain(MARKER)
    // Opening the transcript is on the audit log, which the tenant's admin reads.
    const audit = await call(
      'GET',
      { ...MATRIX['GET /api/admin/audit'], path: '/api/admin/audit?action=transcript.open' },
      credentials('admin', 'tenant-a'),
    )
    expect(JSON.parse(audit.text).entries).toContainEqual(
      expect.objectContaining({ actor: userOf('qa_reviewer', 'tenant-a'), target: INTERACTION }),
    )
  }, 120_000)

  it("never answers another tenant's caller with this tenant's data, whatever the role", async () => {
    const leaks: string[] = []
    for (const [route, c] of Object.entries(MATRIX))
      for (const role of c.roles) {
        const { status, text } = await call(route, c, credentials(role, 'tenant-b'))
        if (status === 401 || status === 403) leaks.push(`${route} as ${role} of tenant-b: refused ${status}`)
        if (text.includes(MARKER) || text.includes('tenant-a')) leaks.push(`${route} as ${role} of tenant-b: ${text}`)
      }
    expect(leaks).toEqual([])
    const other = await call('GET', MATRIX['GET /api/qa/interactions/:id'], credentials('qa_reviewer', 'tenant-b'))
    expect(other.status).toBe(404)
  }, 120_000)

  it("recomputes for a planner and answers with the caller's tenant's forecast only", async () => {
    const tz = 'Asia/Shanghai'
    const today = Math.floor(toLocalMinutes(Date.now(), tz) / 1440) * 1440
    await sys.warehouse.insert(
      'events',
      historyEvents({
        tenant: 'tenant-a',
        queue: 'repair',
        timeZone: tz,
        firstDay: today - 14 * 1440,
        days: 14,
        calls: () => 4,
      }),
    )
    const recompute = async (tenant: (typeof TENANTS)[number]) =>
      JSON.parse((await call('POST', MATRIX['POST /api/planner/recompute'], credentials('planner', tenant))).text)
    expect((await recompute('tenant-a')).rows).toBeGreaterThan(0)
    expect(await recompute('tenant-b')).toEqual({ series: 0, rows: 0 })
  }, 120_000)

  it('refuses a state-changing call from another site, and a form-encoded body, before the handler', async () => {
    const headers = { ...credentials('planner', 'tenant-a') }
    const crossSite = await fetch(`${sys.url}/api/planner/recompute`, {
      method: 'POST',
      headers: { ...headers, origin: 'https://evil.example' },
    })
    expect(crossSite.status).toBe(403)
    expect(await crossSite.json()).toMatchObject({ error: 'cross_origin' })
    const form = await fetch(`${sys.url}/api/routing/config`, {
      method: 'POST',
      headers: { ...credentials('admin', 'tenant-a'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect(form.status).toBe(415)
  })
})
