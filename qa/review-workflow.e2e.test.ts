/**
 * The review workflow against the real warehouse (chDB) and QA service: the weekly sample the queue shows is the one
 * qa/sample.ts draws, next to the flagged results; a QA manager assigns interactions and the reviewer's queue shows
 * them as theirs; an agent sees, acknowledges and disputes only their own evaluations of their own tenant, and the
 * reviewer finds the dispute and answers it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSystem, type RunningSystem } from '../system/system.js'
import { qaService } from './service.js'
import { SESSION_COOKIE, SessionSigner, type Role } from '../kits/auth/index.js'
import type { AgentEvaluationsAnswer, QueueAnswer } from '../core/contracts/index.js'
import { tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { isSampled } from './sample.js'
import { storeResults, type StoredResult } from './test-helpers/review-rows.js'

const SECRET = 'review-workflow-session-secret-0123456789'
const SHARE = 0.2
const TZ = 'Asia/Shanghai'
/** user → tenant and roles; an agent's user name is their agent id. */
const USERS: Record<string, { tenant: string; roles: Role[] }> = {
  mgr: { tenant: 'acme', roles: ['qa_manager'] },
  rev: { tenant: 'acme', roles: ['qa_reviewer'] },
  'a-1': { tenant: 'acme', roles: ['agent'] },
  'a-2': { tenant: 'acme', roles: ['agent'] },
  'g-1': { tenant: 'globex', roles: ['agent'] },
}
const signer = new SessionSigner(Buffer.from(SECRET))
const cookieOf = (user: string) =>
  `${SESSION_COOKIE}=${signer.sign({ u: user, t: USERS[user].tenant, r: USERS[user].roles, exp: Date.now() + 3_600_000 })}`

const WEEK_MS = 7 * 86_400_000
/** Two weeks back from now: every result lies in the past, whatever the time of day. */
const START = Date.now() - 2 * WEEK_MS
/** 3 agents × 2 weeks × 30 of acme (every tenth flagged), plus globex results of an agent also called a-1. */
const RESULTS: StoredResult[] = [
  ...['a-1', 'a-2', 'a-3'].flatMap((agent) =>
    Array.from({ length: 60 }, (_, i) => ({
      tenant: 'acme',
      interaction_id: `wf-${agent}-${i}`,
      agent_id: agent,
      ended_ms: START + Math.floor(i / 30) * WEEK_MS + (i % 30) * 3_600_000,
      flagged: i % 10 === 0,
    })),
  ),
  // Across a week's start in Shanghai (Monday 2026-03-02 00:00 is Sunday 16:00 UTC): SQL and TS must agree on weeks.
  ...Array.from({ length: 40 }, (_, i) => ({
    tenant: 'acme',
    interaction_id: `wf-monday-${i}`,
    agent_id: 'a-3',
    ended_ms: Date.parse('2026-03-01T14:00:00Z') + i * 360_000,
  })),
  { tenant: 'globex', interaction_id: 'wf-globex-1', agent_id: 'a-1', ended_ms: START },
  { tenant: 'globex', interaction_id: 'wf-globex-2', agent_id: 'g-1', ended_ms: START },
]
const OWN = 'wf-a-1-3'
const OTHERS = 'wf-a-2-3'

describe('review workflow', () => {
  const dir = tempDir('review-workflow')
  let sys: RunningSystem

  const call = async <T = Record<string, unknown>>(user: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sys.url}${path}`, {
      method,
      headers: { cookie: cookieOf(user), ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as T }
  }
  const queueIds = async (user: string, query: string) => {
    const { status, body } = await call<QueueAnswer>(user, 'GET', `/api/qa/queue?limit=1000&${query}`)
    expect(status).toBe(200)
    return body.rows.map((r) => r.interaction_id).sort()
  }

  beforeAll(async () => {
    sys = await startSystem({
      config: testConfig(dir.path, {
        MOFANG_USERS: Object.entries(USERS)
          .map(([u, { tenant, roles }]) => `${u}:${tenant}:${roles.join('+')}:x`)
          .join(','),
        MOFANG_SESSION_SECRET: SECRET,
        MOFANG_QA_SAMPLE_SHARE: String(SHARE),
        MOFANG_TIMEZONE: TZ,
      }),
      namespace: uniqueNamespace(),
      services: [qaService({ workers: 1 })],
      log: () => {},
    })
    await storeResults(sys.warehouse, RESULTS)
  }, 120_000)

  afterAll(async () => {
    await sys?.stop()
    dir.remove()
  })

  it('samples the unflagged results qa/sample.ts draws, and shows them next to the flagged ones', async () => {
    const acme = RESULTS.filter((r) => r.tenant === 'acme')
    const expected = acme
      .filter((r) => isSampled({ ...r, flagged: r.flagged ?? false }, SHARE, TZ))
      .map((r) => r.interaction_id)
      .sort()
    expect(expected.length).toBeGreaterThan(0)
    expect(await queueIds('rev', 'show=sampled')).toEqual(expected)
    const flagged = acme.filter((r) => r.flagged).map((r) => r.interaction_id)
    expect(await queueIds('rev', 'show=flagged')).toEqual([...flagged].sort())
    expect(await queueIds('rev', '')).toEqual([...flagged, ...expected].sort())
    expect(await queueIds('rev', 'all=1')).toHaveLength(acme.length)
    const { body } = await call<QueueAnswer>('rev', 'GET', `/api/qa/queue?show=sampled&limit=1`)
    expect(body.rows[0]).toMatchObject({ sampled: 1, flagged: 0, assigned_to: '', dispute_state: '' })
    expect((await call('rev', 'GET', '/api/qa/queue?show=bad')).body).toMatchObject({ field: 'show' })
  })

  it('lets a QA manager assign interactions, which the reviewer sees as theirs', async () => {
    const batch = ['wf-a-1-1', 'wf-a-2-2', 'wf-a-3-4']
    expect((await call('rev', 'POST', '/api/qa/assign', { reviewer: 'rev', ids: batch })).status).toBe(403)
    expect((await call('mgr', 'POST', '/api/qa/assign', { reviewer: 'rev', ids: batch })).body).toEqual({
      assigned: 3,
    })
    expect(await queueIds('rev', 'all=1&mine=1')).toEqual(batch)
    const { body } = await call<QueueAnswer>('mgr', 'GET', '/api/qa/queue?all=1&agent=a-1&limit=1000')
    expect(body.rows.find((r) => r.interaction_id === 'wf-a-1-1')?.assigned_to).toBe('rev')
    // Taken back, and handed to someone else: the newest assignment counts.
    await call('mgr', 'POST', '/api/qa/assign', { reviewer: '', ids: ['wf-a-1-1'] })
    await call('mgr', 'POST', '/api/qa/assign', { reviewer: 'mgr', ids: ['wf-a-2-2'] })
    expect(await queueIds('rev', 'all=1&mine=1')).toEqual(['wf-a-3-4'])
    expect(await queueIds('mgr', 'all=1&mine=1')).toEqual(['wf-a-2-2'])
    // Another tenant's interaction, or none at all, cannot be assigned.
    for (const ids of [
      ['wf-a-1-2', 'wf-globex-1'],
      ['wf-a-1-2', 'nope'],
    ]) {
      const refused = await call('mgr', 'POST', '/api/qa/assign', { reviewer: 'rev', ids })
      expect(refused).toMatchObject({ status: 400, body: { field: 'ids[1]' } })
    }
    expect((await call('mgr', 'POST', '/api/qa/assign', { reviewer: 'a:b', ids: batch })).body).toMatchObject({
      field: 'reviewer',
    })
  })

  it("shows an agent only their own evaluations of their own tenant, and nobody else's", async () => {
    const mine = await call<AgentEvaluationsAnswer>('a-1', 'GET', '/api/qa/mine?limit=1000')
    expect(mine.status).toBe(200)
    expect(mine.body.agent_id).toBe('a-1')
    expect(mine.body.rows.map((r) => r.interaction_id).sort()).toEqual(
      RESULTS.filter((r) => r.tenant === 'acme' && r.agent_id === 'a-1')
        .map((r) => r.interaction_id)
        .sort(),
    )
    // The same agent id in another tenant is another person.
    const g = await call<AgentEvaluationsAnswer>('g-1', 'GET', '/api/qa/mine')
    expect(g.body.rows.map((r) => r.interaction_id)).toEqual(['wf-globex-2'])
    expect((await call('a-1', 'GET', `/api/qa/mine/${OWN}`)).status).toBe(200)
    for (const id of [OTHERS, 'wf-globex-1']) {
      expect((await call('a-1', 'GET', `/api/qa/mine/${id}`)).status).toBe(404)
      expect((await call('a-1', 'POST', `/api/qa/interactions/${id}/dispute`, { comment: 'not me' })).status).toBe(404)
      expect((await call('a-1', 'POST', `/api/qa/mine/${id}/acknowledge`, {})).status).toBe(404)
    }
    // The desk itself is not the agent's.
    expect((await call('a-1', 'GET', '/api/qa/queue')).status).toBe(403)
    expect((await call('a-1', 'GET', `/api/qa/interactions/${OWN}`)).status).toBe(403)
    expect((await call('a-1', 'POST', `/api/qa/interactions/${OWN}/answer`, { comment: 'x' })).status).toBe(403)
  })

  it('lets an agent acknowledge or dispute their evaluation, and the reviewer answers the dispute', async () => {
    expect((await call('a-1', 'POST', '/api/qa/mine/wf-a-1-4/acknowledge', {})).status).toBe(200)
    const disputed = await call('a-1', 'POST', `/api/qa/interactions/${OWN}/dispute`, {
      comment: 'the customer asked me to skip the greeting',
      item: 'greeting',
    })
    expect(disputed.status).toBe(200)
    expect(await queueIds('rev', 'all=1&disputed=open')).toEqual([OWN])
    expect((await call('rev', 'POST', `/api/qa/interactions/${OWN}/answer`, { comment: 'agreed' })).status).toBe(200)
    expect(await queueIds('rev', 'all=1&disputed=open')).toEqual([])
    expect(await queueIds('rev', 'all=1&disputed=any')).toEqual([OWN])

    const rows = (await call<AgentEvaluationsAnswer>('a-1', 'GET', '/api/qa/mine?limit=1000')).body.rows
    const own = rows.find((r) => r.interaction_id === OWN)!
    expect(own.disputed_ms).toBeGreaterThan(0)
    expect(own.answered_ms).toBeGreaterThanOrEqual(own.disputed_ms)
    expect(rows.find((r) => r.interaction_id === 'wf-a-1-4')!.acknowledged_ms).toBeGreaterThan(0)
    const detail = await call<{ history: { kind: string; reviewer: string; comment: string }[] }>(
      'a-1',
      'GET',
      `/api/qa/mine/${OWN}`,
    )
    expect(detail.body.history.map((h) => [h.kind, h.reviewer, h.comment])).toEqual([
      ['dispute', 'a-1', 'the customer asked me to skip the greeting'],
      ['answer', 'rev', 'agreed'],
    ])
  })
})
