/**
 * Scorecards edited in the product, end to end: a chat is scored with the shipped default; the API validates drafts
 * field by field, keeps every saved version and previews a draft on stored interactions; a save applies to the next
 * scored chat without a restart and the result records the version; in a real browser a QA manager changes a weight
 * in the editor, saves, re-scores a date range with a progress bar, and the stored score changes.
 * Needs a build (`node scripts/bootstrap.mjs build`: worker JS and dist/web-app); the browser part needs Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startSystem, type RunningSystem } from '../system/system.js'
import { rootDir } from '../core/compiled.js'
import { eventually, postEvents, tempDir, testConfig, uniqueNamespace, TEST_TENANT } from '../testing/env.js'
import { liveMetricsService } from '../live-metrics/service.js'
import { wallboardService } from '../web/server/service.js'
import { hashPassword } from '../kits/auth/index.js'
import { CHROMIUM, launchChromium } from '../testing/browser.js'
import type { ScorecardHistory, ScorecardList, ScorecardPreview, ScorecardVersion } from '../core/contracts/index.js'
import { qaService } from './service.js'
import { chatEvents } from './test-helpers/chat-events.js'

const built =
  existsSync(join(rootDir(), 'dist', 'qa', 'worker.js')) && existsSync(join(rootDir(), 'dist', 'web-app', 'index.html'))
if (!built) console.warn('SKIP scorecard end-to-end test: needs `node scripts/bootstrap.mjs build`')
const browserReady = existsSync(CHROMIUM)
if (built && !browserReady) console.warn(`SKIP scorecard editor browser check: needs ${CHROMIUM}`)

/** The agent shifts the blame (the blame check fails), the rest of the chat is fine. */
const blameChat = (id: string, t0: number) =>
  chatEvents({
    tenant: TEST_TENANT,
    interactionId: id,
    t0,
    openid: `o-${id}`,
    agentId: 'a-1',
    turns: [
      ['customer', '你好，我的订单一直没有发货'],
      ['agent', '您好，这不归我们管，你自己去问快递公司。'],
      ['customer', '好的，谢谢'],
      ['agent', '感谢您的耐心，祝您生活愉快，再见'],
    ],
  })

interface StoredResult {
  score: number
  scorecard_id: string
  scorecard_version: number
}

describe.skipIf(!built)('scorecards edited in the product', () => {
  const dir = tempDir('qa-scorecards')
  let sys: RunningSystem
  let lin = ''
  let mei = ''
  let before: StoredResult

  const stored = async (id: string) =>
    (
      await sys.warehouse.query<StoredResult>(
        // Float32 read back to one decimal, as the API and the pipeline give it.
        `SELECT round(toFloat64(score), 1) AS score, scorecard_id, scorecard_version
         FROM qa_results FINAL WHERE interaction_id = {id:String}`,
        { id },
      )
    )[0]
  const scored = (id: string) => eventually(() => stored(id), { timeoutMs: 30_000, what: `the result of ${id}` })

  async function signIn(user: string): Promise<string> {
    const res = await fetch(`${sys.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: 'pw' }),
    })
    expect(res.status).toBe(200)
    return res.headers.get('set-cookie')!.split(';')[0]
  }
  const api = async <T>(cookie: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${sys.url}/api/qa/scorecards${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    return { status: res.status, body: (await res.json()) as T }
  }

  beforeAll(async () => {
    const hash = await hashPassword('pw', { N: 1024, r: 8, p: 1 })
    sys = await startSystem({
      config: testConfig(dir.path, {
        MOFANG_USERS: `lin:${TEST_TENANT}:qa_manager:${hash},mei:${TEST_TENANT}:qa_reviewer:${hash}`,
        MOFANG_SESSION_SECRET: 'qa-scorecards-session-secret-0123456789',
      }),
      namespace: uniqueNamespace(),
      services: [liveMetricsService(), wallboardService(), qaService({ workers: 1 })],
      log: () => {},
    })
    ;[lin, mei] = [await signIn('lin'), await signIn('mei')]
    expect((await postEvents(sys.url, JSON.stringify(blameChat('sc-chat-a', Date.now() - 60_000)))).status).toBe(202)
    before = await scored('sc-chat-a')
  }, 60_000)

  afterAll(async () => {
    await sys?.stop()
    dir.remove()
  })

  it('validates drafts field by field, keeps every version, previews, and applies a save without a restart', async () => {
    expect(before).toMatchObject({ scorecard_id: 'default-zh', scorecard_version: 1 })
    expect((await api<ScorecardList>(mei, '')).body).toEqual({ scorecards: [] })
    const history = (await api<ScorecardHistory>(mei, '/versions?queue=&channel=')).body
    expect(history.versions).toEqual([])
    const draft = structuredClone(history.template) as { checks: Record<string, Record<string, unknown>> }

    // Every problem comes back with its field; a save is refused naming the first.
    const bad = structuredClone(draft)
    bad.checks.blame.weight = 'heavy'
    bad.checks.greeting.phrases = ['/(/']
    const validation = await api<{ errors: { field: string }[] }>(lin, '/validate', { spec: bad })
    expect(validation.body.errors.map((e) => e.field)).toEqual(['checks.blame.weight'])
    bad.checks.blame.weight = 10
    expect((await api<{ errors: { field: string }[] }>(lin, '/validate', { spec: bad })).body.errors).toEqual([
      { field: 'checks.greeting.phrases[0]', reason: expect.stringMatching(/^invalid regular expression/) },
    ])
    const refused = await api<{ field: string }>(lin, '', { queue: '', channel: '', spec: bad })
    expect(refused).toMatchObject({ status: 400, body: { error: 'bad_request', field: 'checks.greeting.phrases[0]' } })
    expect((await api(lin, '', { queue: 'no such queue', channel: '', spec: draft })).body).toMatchObject({
      field: 'queue',
    })
    // Reviewers read, only QA managers write.
    expect((await api(mei, '', { queue: '', channel: '', spec: draft })).status).toBe(403)

    const v1 = (await api<ScorecardVersion>(lin, '', { queue: '', channel: '', spec: draft })).body
    const v2 = (await api<ScorecardVersion>(lin, '', { queue: '', channel: '', spec: { ...draft, description: 'v2' } }))
      .body
    expect([v1.version, v2.version]).toEqual([1, 2])
    expect(v2).toMatchObject({ saved_by: 'lin', spec: { id: `${TEST_TENANT}/*/*`, version: 2, description: 'v2' } })
    const versions = (await api<ScorecardHistory>(mei, '/versions?queue=&channel=')).body.versions
    expect(versions.map((v) => v.version)).toEqual([2, 1])
    expect((await api<ScorecardList>(mei, '')).body.scorecards.map((s) => s.version)).toEqual([2])

    // The preview scores the stored chat with the draft and stores nothing: the same weights give the same score.
    const preview = (await api<ScorecardPreview>(lin, '/preview', { queue: 'repair', channel: '', spec: draft })).body
    expect(preview.rows).toEqual([
      { interaction_id: 'sc-chat-a', stored_score: before.score, draft_score: before.score, auto_failed: false },
    ])
    const heavyBlame = structuredClone(draft)
    heavyBlame.checks.blame.weight = 1000
    const heavier = (await api<ScorecardPreview>(lin, '/preview', { queue: '', channel: '', spec: heavyBlame })).body
    expect(heavier.rows[0].draft_score).toBeLessThan(before.score)
    expect(await stored('sc-chat-a')).toEqual(before)

    // Saved means in force: the next chat is scored with version 2, and its result says so.
    expect((await postEvents(sys.url, JSON.stringify(blameChat('sc-chat-b', Date.now() - 30_000)))).status).toBe(202)
    expect(await scored('sc-chat-b')).toMatchObject({ scorecard_id: `${TEST_TENANT}/*/*`, scorecard_version: 2 })
  })

  it.skipIf(!browserReady)(
    'a QA manager changes a weight in the editor, re-scores, and the stored score changes',
    async () => {
      const profile = tempDir('qa-scorecards-browser')
      const ctx = await launchChromium(profile.path, { viewport: { width: 1400, height: 1000 } })
      try {
        const page = await ctx.newPage()
        await page.goto(`${sys.url}/qa?view=scorecards&lang=en`)
        await page.waitForSelector('[data-testid="login-form"]')
        await page.fill('input[name="username"]', 'lin')
        await page.fill('input[name="password"]', 'pw')
        await page.click('button[type="submit"]')
        await page.waitForSelector('[data-testid="sc-editor"] [data-version="2"]')
        const weight = '[data-testid="sc-editor"] input[data-field="checks.blame.weight"]'

        // A bad weight is named next to its field.
        await page.fill(weight, '-5')
        await page.click('[data-testid="sc-validate"]')
        await page.waitForSelector('[data-testid="sc-error"][data-field="checks.blame.weight"]')

        // Blame no longer counts: the preview shows the higher score before anything is saved.
        await page.fill(weight, '0')
        await page.click('[data-testid="sc-preview"]')
        const draftScore = Number(
          await page.textContent('[data-testid="sc-preview-table"] tr[data-id="sc-chat-a"] td:nth-child(3)'),
        )
        expect(draftScore).toBeGreaterThan(before.score)
        expect(await stored('sc-chat-a')).toEqual(before)

        await page.click('[data-testid="sc-save"]')
        await page.waitForSelector('[data-testid="sc-editor"] [data-version="3"]')

        const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
        await page.fill('input[name="sc-since"]', day(Date.now() - 2 * 86_400_000))
        await page.fill('input[name="sc-until"]', day(Date.now() + 2 * 86_400_000))
        await page.click('[data-testid="sc-rescore"]')
        await page.waitForSelector('[data-testid="sc-progress"]')
        await page.waitForSelector('[data-testid="sc-job"][data-state="done"]', { timeout: 30_000 })
        // Both chats of the period were re-scored.
        expect(
          await page.$eval('[data-testid="sc-progress"]', (el) => (el as unknown as { value: number }).value),
        ).toBe(2)

        const after = await stored('sc-chat-a')
        expect(after).toEqual({ score: draftScore, scorecard_id: `${TEST_TENANT}/*/*`, scorecard_version: 3 })
        expect(after.score).toBeGreaterThan(before.score)
        console.log(`scorecard editor: sc-chat-a ${before.score} (default-zh v1) → ${after.score} (blame weight 0, v3)`)
      } finally {
        await ctx.close()
        profile.remove()
      }
    },
    90_000,
  )
})
