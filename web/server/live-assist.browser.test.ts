/**
 * The live view (/live) and the agent assist page (/assist) in Chromium against a running system: ingest, the sink,
 * the conversations and assist services (with the customer profile) and the wallboard's sign-in, as `mofang start`
 * wires them. A customer who chatted and called before comes back on web chat, angry, with an error
 * code and their phone number; OCR reads a stop code from their screenshot. The supervisor sees the chat listed with
 * the angry flag (table on a desktop, cards on a phone, nothing scrolling sideways), sorts and filters, and opens
 * it: the phone number is masked and the screenshot's fact is marked. The agent serving it sees the customer's
 * profile, the article written for that error code suggested, sends it with one click, and has a draft checked
 * (a bad one cannot be sent; a clean one is).
 * Needs dist/web-app (node scripts/bootstrap.mjs build) and /usr/bin/chromium.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import type { KbArticle, LiveConversationsAnswer, OcrResult } from '../../core/contracts/index.js'
import { rootDir } from '../../core/compiled.js'
import { hashPassword, SESSION_COOKIE, SessionSigner } from '../../kits/auth/index.js'
import { startSystem, type RunningSystem } from '../../system/system.js'
import { defaultServices } from '../../system/services.js'
import { eventually, postEvents, tempDir, testConfig, uniqueNamespace, TEST_TENANT } from '../../testing/env.js'
import { CHROMIUM, launchChromium } from '../../testing/browser.js'

const appDir = join(rootDir(), 'dist', 'web-app')
const ready = existsSync(join(appDir, 'index.html')) && existsSync(CHROMIUM)
if (!ready) console.warn(`SKIP live/assist browser test: needs ${appDir}/index.html (npm run build) and ${CHROMIUM}`)

const SECRET = 'live-assist-browser-session-secret-0123456789'
const PHONE = '13812345678'
const CHAT = 'la-angry-chat'
const CALM = 'la-calm-chat'
const ARTICLE = 'kb-0x7b'
const PHONE_VIEW = { width: 390, height: 844 }
const DESKTOP = { width: 1600, height: 1000 }
const signer = new SessionSigner(Buffer.from(SECRET))
const session = (user: string, role: string) => ({
  cookie: `${SESSION_COOKIE}=${signer.sign({ u: user, t: TEST_TENANT, r: [role], exp: Date.now() + 3_600_000 })}`,
})

/** A chat answered by `agent` with the customer's lines a second apart, from `t0`. */
function chat(id: string, agent: { id: string; name: string }, phone: string, lines: string[], t0: number) {
  const base = { tenant: TEST_TENANT, channel: 'webchat', interaction_id: id, queue: 'repair', customer: { phone } }
  return [
    { ...base, ts: t0, type: 'chat.started', payload: {} },
    { ...base, ts: t0 + 1_000, type: 'chat.transferred_to_agent', payload: {} },
    {
      ...base,
      ts: t0 + 2_000,
      type: 'chat.message',
      agent_id: agent.id,
      agent_name: agent.name,
      payload: { role: 'agent', text: '您好，请问有什么可以帮您？', message_id: `${id}-a1` },
    },
    ...lines.map((text, i) => ({
      ...base,
      event_id: `${id}-c${i}`,
      ts: t0 + 3_000 + i * 1_000,
      type: 'chat.message',
      agent_id: agent.id,
      payload: { role: 'customer', text, message_id: `${id}-c${i}` },
    })),
  ]
}

/** The customer's earlier contacts: an app chat that ended with a CSAT answer, and a call answered and ended. */
function history(t0: number) {
  const base = { tenant: TEST_TENANT, customer: { phone: PHONE } }
  return [
    { ...base, channel: 'app', type: 'chat.started', interaction_id: 'la-old-chat', ts: t0, payload: {} },
    {
      ...base,
      channel: 'app',
      type: 'chat.message',
      interaction_id: 'la-old-chat',
      ts: t0 + 1_000,
      agent_id: 'ana',
      payload: { role: 'agent', text: '您好' },
    },
    {
      ...base,
      channel: 'app',
      type: 'chat.ended',
      interaction_id: 'la-old-chat',
      ts: t0 + 60_000,
      payload: { ended_by: 'customer' },
    },
    {
      ...base,
      channel: 'app',
      type: 'survey.csat',
      interaction_id: 'la-old-chat',
      ts: t0 + 70_000,
      payload: { score: 2 },
    },
    {
      ...base,
      channel: 'voice',
      type: 'voice.offered',
      interaction_id: 'la-old-call',
      queue: 'repair',
      ts: t0 + 3_600_000,
      payload: {},
    },
    {
      ...base,
      channel: 'voice',
      type: 'voice.answered',
      interaction_id: 'la-old-call',
      agent_id: 'ana',
      ts: t0 + 3_610_000,
      payload: {},
    },
    {
      ...base,
      channel: 'voice',
      type: 'voice.ended',
      interaction_id: 'la-old-call',
      agent_id: 'ana',
      ts: t0 + 3_900_000,
      payload: { ended_by: 'agent' },
    },
  ]
}

/** How far the page is wider than the window (0 when nothing scrolls sideways); run in the page, written as text. */
const sideways = (page: Page) =>
  page.evaluate(`(() => {
    const boxes = ['[data-testid="live"]', '[data-testid="assist"]', '[data-testid="live-panel"]']
      .map((s) => document.querySelector(s)).filter(Boolean)
    return Math.max(document.documentElement.scrollWidth - window.innerWidth, ...boxes.map((b) => b.scrollWidth - b.clientWidth))
  })()`)

describe.skipIf(!ready)('/live and /assist in a browser', () => {
  const dir = tempDir('live-assist-browser')
  const profileDir = tempDir('live-assist-profile')
  let sys: RunningSystem
  let ctx: BrowserContext
  let customer = ''

  beforeAll(async () => {
    const hash = await hashPassword('pw', { N: 1024, r: 8, p: 1 })
    const config = testConfig(dir.path, {
      MOFANG_USERS: [`lin:${TEST_TENANT}:supervisor:${hash}`, `ana:${TEST_TENANT}:agent:${hash}`].join(','),
      MOFANG_SESSION_SECRET: SECRET,
    })
    // As `mofang start` wires them (the assist service serves the customer profile too).
    const services = defaultServices(config).filter((f) =>
      ['wallboard', 'conversations', 'assist'].includes(f.serviceName!),
    )
    sys = await startSystem({ config, namespace: uniqueNamespace(), services, log: () => {} })

    const article = await fetch(`${sys.url}/api/kb/articles`, {
      method: 'POST',
      headers: { ...session('lin', 'supervisor'), 'content-type': 'application/json' },
      body: JSON.stringify({
        id: ARTICLE,
        title: '蓝屏 0x0000007B（INACCESSIBLE_BOOT_DEVICE）处理方法',
        body: '请进入 BIOS，将硬盘模式改回 AHCI 后重启。',
        tags: ['蓝屏'],
        products: ['ThinkPad X1 Carbon'],
        error_codes: ['0x0000007B'],
      }),
    })
    expect(article.status, await article.clone().text()).toBe(200)
    expect(((await article.json()) as KbArticle).id).toBe(ARTICLE)

    const now = Date.now()
    const events = [
      ...history(now - 3 * 86_400_000),
      // A calm chat the agent keeps answering, so waiting does not sour its mood.
      ...chat(CALM, { id: 'bo', name: '王波' }, '13900000000', ['你好，想问一下发票怎么开'], now - 120_000),
      {
        tenant: TEST_TENANT,
        channel: 'webchat',
        interaction_id: CALM,
        queue: 'repair',
        ts: now - 110_000,
        type: 'chat.message',
        agent_id: 'bo',
        payload: { role: 'agent', text: '好的，我来帮您开发票，请稍等。', message_id: `${CALM}-a2` },
      },
      ...chat(
        CHAT,
        { id: 'ana', name: '李娜' },
        PHONE,
        [
          `我的电话是${PHONE}，电脑一直蓝屏，错误代码 0x0000007B`,
          '你们怎么回事！！！等了这么久还没好',
          '太差了，我要投诉，找你们领导！！！',
        ],
        now - 60_000,
      ),
    ]
    // One request per contact's events, in order, so identity merge knows the phone number from the history.
    for (const e of events) expect((await postEvents(sys.url, JSON.stringify([e]))).status).toBe(202)
    // OCR read a stop code from a screenshot on the first message.
    const ocr: OcrResult = {
      tenant_id: TEST_TENANT,
      interaction_id: CHAT,
      event_id: `${CHAT}-c0`,
      attachment_index: 0,
      sha256: null,
      text: 'Your PC ran into a problem. Stop code: INACCESSIBLE_BOOT_DEVICE',
      facts: [{ kind: 'error_code', value: 'INACCESSIBLE_BOOT_DEVICE' }],
      error: null,
      ms: 900,
    }
    const listed = async () => {
      const res = await fetch(`${sys.url}/api/live/conversations`, { headers: session('lin', 'supervisor') })
      return ((await res.json()) as LiveConversationsAnswer).conversations.find((c) => c.interaction_id === CHAT)
    }
    await eventually(async () => (await listed())?.flags.includes('angry_customer'), { what: 'the angry chat listed' })
    sys.nats.nc.publish(`${sys.topology.ocrSubject}.${TEST_TENANT}`, JSON.stringify(ocr))
    const row = await eventually(
      async () => {
        const c = await listed()
        return c?.facts.some((f) => f.source === 'ocr') ? c : undefined
      },
      { what: 'the OCR fact' },
    )
    customer = row?.customer_id ?? ''
    // The profile reads the warehouse: wait for the history there.
    await eventually(
      async () => {
        const r = await sys.warehouse.query<{ n: number }>(
          `SELECT count() AS n FROM events WHERE tenant = {t:String} AND interaction_id IN ('la-old-chat', 'la-old-call')`,
          { t: TEST_TENANT },
        )
        return Number(r[0]?.n) === history(0).length
      },
      { what: 'the history in the warehouse' },
    )
    ctx = await launchChromium(profileDir.path, { viewport: DESKTOP })
  }, 180_000)

  afterAll(async () => {
    await ctx?.close()
    await sys?.stop()
    dir.remove()
    profileDir.remove()
  })

  async function signedIn(user: string, path: string, viewport: { width: number; height: number }): Promise<Page> {
    await ctx.clearCookies()
    const page = await ctx.newPage()
    await page.setViewportSize(viewport)
    await page.goto(`${sys.url}${path}`)
    await page.waitForSelector('[data-testid="login-form"]')
    await page.fill('input[name="username"]', user)
    await page.fill('input[name="password"]', 'pw')
    await page.click('button[type="submit"]')
    return page
  }

  const artifact = (name: string) => {
    mkdirSync(join(rootDir(), 'test-artifacts'), { recursive: true })
    return join(rootDir(), 'test-artifacts', name)
  }

  it('lists the angry chat for a supervisor, sorts and filters, and opens it with the phone number masked', async () => {
    const page = await signedIn('lin', '/live?lang=en', DESKTOP)
    const row = page.locator(`[data-testid="live-row"][data-id="${CHAT}"]`)
    await row.waitFor()
    await expect.poll(() => page.getAttribute('[data-testid="live"]', 'data-stream')).toBe('open')
    expect(await row.getAttribute('data-flags')).toContain('angry_customer')
    expect(await row.locator('[data-flag="angry_customer"]').textContent()).toBe('Angry customer')
    expect(await row.locator('[data-flag="escalation"]').count()).toBe(1)
    expect(Number(await row.locator('[data-testid="mood-spark"]').getAttribute('data-points'))).toBeGreaterThan(0)
    expect(Number(await row.locator('[data-testid="mood-spark"]').getAttribute('data-mood'))).toBeLessThan(0)
    expect(await page.locator('[data-testid="live-row"]').count()).toBe(2)

    // Mood, worst first: the angry chat on top; a second click turns it round.
    const order = () => page.locator('[data-testid="live-row"]').evaluateAll((rs) => rs.map((r) => r.dataset.id))
    await page.click('[data-testid="sort-mood"]')
    await expect.poll(order).toEqual([CHAT, CALM])
    await page.click('[data-testid="sort-mood"]')
    await expect.poll(order).toEqual([CALM, CHAT])
    await page.click('[data-testid="sort-flags"]')
    await expect.poll(order).toEqual([CHAT, CALM])
    // Filters: by flag, and by words (an error code found in the chat).
    await page.selectOption('select[name="flag"]', 'escalation')
    await expect.poll(order).toEqual([CHAT])
    // The view is a link.
    expect(new URL(page.url()).search).toBe('?lang=en&flag=escalation&sort=flags&dir=desc')
    await page.selectOption('select[name="flag"]', '')
    await page.fill('input[name="search"]', 'inaccessible_boot')
    await expect.poll(order).toEqual([CHAT])
    await page.fill('input[name="search"]', '')
    expect(await sideways(page)).toBe(0)
    await page.screenshot({ path: artifact('live-1600.png') })

    await row.click()
    const panel = page.locator('[data-testid="live-panel"]')
    await panel.locator(`[data-testid="conversation"][data-id="${CHAT}"]`).waitFor()
    await expect.poll(() => panel.locator('[data-testid="message"][data-role="customer"]').count()).toBe(3)
    const said = await panel.locator('[data-testid="messages"]').textContent()
    expect(said).toContain('0x0000007B')
    expect(said).not.toContain(PHONE)
    expect(await panel.textContent()).not.toContain(PHONE)
    expect(await panel.locator('[data-testid="fact"][data-source="ocr"]').textContent()).toContain('from screenshot')
    expect(await panel.locator('[data-testid="fact"][data-source="ocr"]').textContent()).toContain(
      'INACCESSIBLE_BOOT_DEVICE',
    )
    await page.screenshot({ path: artifact('live-panel-1600.png') })
    await page.click('[data-testid="panel-close"]')
    expect(await panel.count()).toBe(0)
    await page.close()
  })

  it('shows cards on a phone, in Chinese, with nothing scrolling sideways', async () => {
    const page = await signedIn('lin', '/live', PHONE_VIEW)
    const card = page.locator(`[data-testid="live-row"][data-id="${CHAT}"]`)
    await card.waitFor()
    expect(await page.locator('[data-testid="live-table"]').count()).toBe(0)
    expect(await card.locator('[data-flag="angry_customer"]').textContent()).toBe('客户愤怒')
    expect(await sideways(page)).toBe(0)
    await card.click()
    await page.locator('[data-testid="live-panel"] [data-testid="conversation"]').waitFor()
    expect(await sideways(page)).toBe(0)
    expect(await page.textContent('[data-testid="live-panel"]')).not.toContain(PHONE)
    await page.screenshot({ path: artifact('live-390.png') })
    await page.close()
  })

  it("shows the agent the customer's profile and the article for the error code, sent with one click", async () => {
    const page = await signedIn('ana', `/assist?lang=en`, DESKTOP)
    // Their one open conversation is picked.
    await page.locator(`[data-testid="assist"][data-interaction="${CHAT}"]`).waitFor()
    await page.locator(`[data-testid="conversation"][data-id="${CHAT}"]`).waitFor()
    expect(await page.textContent('[data-testid="conversation"]')).not.toContain(PHONE)

    const profile = page.locator('[data-testid="profile"]')
    await profile.waitFor()
    expect(await profile.getAttribute('data-customer')).toBe(customer)
    const channels = await profile.locator('[data-testid="profile-channels"]').textContent()
    for (const c of ['App', 'Voice', 'Web chat']) expect(channels).toContain(c)
    expect(await profile.locator('[data-testid="profile-identities"]').textContent()).not.toContain(PHONE)
    expect(await profile.locator('[data-testid="profile-contacts"] li').count()).toBe(3)
    expect(await profile.locator('[data-testid="profile-surveys"]').textContent()).toContain('CSAT 2')
    // The chat on screen said 投诉.
    expect(await profile.locator('[data-testid="profile-complaints"]').textContent()).toBe('1')

    const suggestion = page.locator(`[data-testid="suggestion"][data-id="${ARTICLE}"]`)
    await suggestion.waitFor()
    expect(await suggestion.textContent()).toContain('0x0000007B')
    await suggestion.locator('[data-testid="send-article"]').click()
    await expect.poll(() => suggestion.locator('[data-testid="send-article"]').textContent()).toBe('Sent')
    // The article went out as the agent's message: the conversation shows it.
    await expect
      .poll(() => page.locator('[data-testid="message"][data-role="agent"]').allTextContents())
      .toContainEqual(expect.stringContaining('AHCI'))

    await page.fill('[data-testid="draft-text"]', '我保证没问题，你闭嘴')
    await page.click('[data-testid="draft-check"]')
    const result = page.locator('[data-testid="draft-result"]')
    await result.waitFor()
    expect(await result.getAttribute('data-ok')).toBe('false')
    expect(await result.locator('[data-testid="draft-span"]').allTextContents()).toContain('闭嘴')
    // A draft with problems cannot be sent; a clean one, once checked, can.
    expect(await page.isDisabled('[data-testid="draft-send"]')).toBe(true)
    await page.fill('[data-testid="draft-text"]', '我帮您查一下维修进度')
    await page.click('[data-testid="draft-check"]')
    await expect.poll(() => result.getAttribute('data-ok')).toBe('true')
    await page.click('[data-testid="draft-send"]')
    await expect
      .poll(() => page.locator('[data-testid="message"][data-role="agent"]').allTextContents())
      .toContainEqual(expect.stringContaining('我帮您查一下维修进度'))
    expect(await sideways(page)).toBe(0)
    await page.screenshot({ path: artifact('assist-1600.png') })
    await page.close()
  })

  it('shows a call with its state, and says when it has no live transcript', async () => {
    const call = {
      tenant: TEST_TENANT,
      channel: 'voice',
      interaction_id: 'la-call',
      queue: 'vip',
      customer: { phone: PHONE },
    }
    const now = Date.now()
    for (const e of [
      { ...call, type: 'voice.offered', ts: now - 30_000, payload: {} },
      { ...call, type: 'voice.answered', ts: now - 20_000, agent_id: 'bo', payload: {} },
    ])
      expect((await postEvents(sys.url, JSON.stringify([e]))).status).toBe(202)
    const page = await signedIn('lin', '/live?lang=en', DESKTOP)
    const row = page.locator('[data-testid="live-row"][data-id="la-call"]')
    await row.waitFor()
    expect(await row.textContent()).toContain('Voice')
    await row.click()
    const panel = page.locator('[data-testid="live-panel"] [data-testid="conversation"][data-kind="call"]')
    await panel.waitFor()
    expect(await panel.locator('[data-testid="conversation-state"]').textContent()).toBe('Talking')
    expect(await panel.locator('[data-testid="no-lines"]').textContent()).toBe('No live transcript')
    await page.close()
  })

  it('works on a phone too', async () => {
    const page = await signedIn('ana', `/assist?interaction=${CHAT}`, PHONE_VIEW)
    await page.locator('[data-testid="profile"]').waitFor()
    await page.locator(`[data-testid="suggestion"][data-id="${ARTICLE}"]`).waitFor()
    expect(await sideways(page)).toBe(0)
    await page.screenshot({ path: artifact('assist-390.png'), fullPage: true })
    await page.close()
  })
})
