/**
 * The review workflow in Chromium against a running system (chDB, the QA service and the wallboard's sign-in): an
 * agent opens their own evaluations (/qa/mine), sees only theirs, disputes one with a reason; the reviewer finds it
 * on the desk among open disputes and answers; the agent sees the answer next to their dispute.
 * Needs the built app (node scripts/bootstrap.mjs build) and /usr/bin/chromium.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { startSystem, type RunningSystem } from '../system/system.js'
import { rootDir } from '../core/compiled.js'
import { hashPassword } from '../kits/auth/index.js'
import { liveMetricsService } from '../live-metrics/index.js'
import { wallboardService } from '../web/server/index.js'
import { tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { CHROMIUM, launchChromium } from '../testing/browser.js'
import { qaService } from './service.js'
import { storeResults } from './test-helpers/review-rows.js'

const ready = existsSync(join(rootDir(), 'dist', 'web-app', 'index.html')) && existsSync(CHROMIUM)
if (!ready) console.warn(`SKIP review workflow browser test: needs dist/web-app (npm run build) and ${CHROMIUM}`)

const TENANT = 'acme'
const OWN = 'wf-browser-own'
const REASON = 'The customer hung up before I could greet'
const ANSWER = 'Agreed, the greeting item is set aside'

describe.skipIf(!ready)('review workflow in a browser', () => {
  const dir = tempDir('review-workflow-browser')
  const profile = tempDir('review-workflow-profile')
  let sys: RunningSystem
  let ctx: BrowserContext

  beforeAll(async () => {
    const hash = await hashPassword('pw', { N: 1024, r: 8, p: 1 })
    sys = await startSystem({
      config: testConfig(dir.path, {
        MOFANG_USERS: [`a-1:${TENANT}:agent:${hash}`, `rev:${TENANT}:qa_reviewer:${hash}`].join(','),
        MOFANG_SESSION_SECRET: 'review-workflow-browser-secret-0123456789',
      }),
      namespace: uniqueNamespace(),
      services: [liveMetricsService(), wallboardService(), qaService({ workers: 1 })],
      log: () => {},
    })
    const t = Date.now() - 86_400_000
    await storeResults(sys.warehouse, [
      { tenant: TENANT, interaction_id: OWN, agent_id: 'a-1', ended_ms: t, score: 70 },
      { tenant: TENANT, interaction_id: 'wf-browser-own-2', agent_id: 'a-1', ended_ms: t + 60_000 },
      { tenant: TENANT, interaction_id: 'wf-browser-other', agent_id: 'a-2', ended_ms: t + 120_000 },
    ])
    ctx = await launchChromium(profile.path, { viewport: { width: 1400, height: 900 } })
  }, 120_000)

  afterAll(async () => {
    await ctx?.close()
    await sys?.stop()
    dir.remove()
    profile.remove()
  })

  async function signedIn(user: string, path: string): Promise<Page> {
    await ctx.clearCookies()
    const page = await ctx.newPage()
    await page.goto(`${sys.url}${path}`)
    await page.waitForSelector('[data-testid="login-form"]')
    await page.fill('input[name="username"]', user)
    await page.fill('input[name="password"]', 'pw')
    await page.click('button[type="submit"]')
    return page
  }

  it('an agent disputes an evaluation and the reviewer answers', async () => {
    // The agent sees their two evaluations, not their colleague's.
    const agent = await signedIn('a-1', '/qa/mine?lang=en')
    await expect.poll(() => agent.locator('[data-testid="my-row"]').count()).toBe(2)
    expect(await agent.locator('[data-testid="my-row"][data-id="wf-browser-other"]').count()).toBe(0)
    await agent.click(`[data-testid="my-row"][data-id="${OWN}"]`)
    await agent.waitForSelector(`[data-testid="my-detail"][data-id="${OWN}"]`)
    expect(await agent.textContent('[data-testid="my-score"]')).toBe('70')
    await agent.fill('[data-testid="my-dispute-comment"]', REASON)
    await agent.click('[data-testid="my-dispute"]')
    await agent.waitForSelector('[data-testid="my-thread"] li[data-kind="dispute"]')
    expect(await agent.textContent('[data-testid="my-thread"]')).toContain(REASON)
    await expect
      .poll(() => agent.getAttribute(`[data-testid="my-row"][data-id="${OWN}"]`, 'data-state'))
      .toBe('disputed')
    await agent.close()

    // The reviewer lists open disputes, opens it and answers.
    const reviewer = await signedIn('rev', '/qa?lang=en')
    await reviewer.waitForSelector('[data-testid="qa-filters"]')
    await reviewer.selectOption('select[name="show"]', 'all')
    await reviewer.selectOption('select[name="disputed"]', 'open')
    await reviewer.click('[data-testid="qa-filters"] button[type="submit"]')
    await expect.poll(() => reviewer.locator('[data-testid="qa-row"]').count()).toBe(1)
    const row = reviewer.locator(`[data-testid="qa-row"][data-id="${OWN}"]`)
    expect(await row.getAttribute('data-dispute')).toBe('open')
    await row.click()
    await reviewer.waitForSelector(`[data-testid="qa-detail"][data-id="${OWN}"]`)
    expect(await reviewer.textContent('[data-testid="qa-thread"]')).toContain(REASON)
    await reviewer.fill('[data-testid="qa-note"]', ANSWER)
    await reviewer.click('[data-testid="qa-answer"]')
    await expect.poll(() => reviewer.locator('[data-testid="qa-thread"] li.answer').count()).toBe(1)
    // Answered, it leaves the list of open disputes.
    await expect.poll(() => reviewer.locator('[data-testid="qa-row"]').count()).toBe(0)
    mkdirSync(join(rootDir(), 'test-artifacts'), { recursive: true })
    await reviewer.screenshot({ path: join(rootDir(), 'test-artifacts', 'qa-dispute-answered.png') })
    await reviewer.close()

    // The agent reads the answer under their dispute.
    const back = await signedIn('a-1', `/qa/mine?lang=en&id=${OWN}`)
    await back.waitForSelector('[data-testid="my-thread"] li[data-kind="answer"]')
    expect(await back.textContent('[data-testid="my-thread"] li[data-kind="answer"]')).toContain(ANSWER)
    await expect
      .poll(() => back.getAttribute(`[data-testid="my-row"][data-id="${OWN}"]`, 'data-state'))
      .toBe('answered')
    await back.screenshot({ path: join(rootDir(), 'test-artifacts', 'qa-my-evaluations.png') })

    const stored = await sys.warehouse.query<{ kind: string; reviewer: string; comment: string }>(
      `SELECT kind, reviewer, comment FROM qa_reviews WHERE tenant = {t:String} AND interaction_id = {id:String}
       AND kind IN ('dispute', 'answer') ORDER BY created_at`,
      { t: TENANT, id: OWN },
    )
    expect(stored).toEqual([
      { kind: 'dispute', reviewer: 'a-1', comment: REASON },
      { kind: 'answer', reviewer: 'rev', comment: ANSWER },
    ])
  }, 90_000)
})
