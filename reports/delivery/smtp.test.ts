/**
 * Report emails through a real SMTP conversation: nodemailer (smtp.ts) against a local smtp-server started here that
 * captures each message with its attachments. The clock is fake (ticks are instants passed in); the sockets are real.
 */
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createDelivery, type RenderReport } from './delivery.js'
import type { Schedule } from './schedules.js'
import { senderDomain, smtpSender, type SmtpOptions } from './smtp.js'
import { memoryLedger } from './test-helpers/memory-ledger.js'
import { startSmtpCapture, type SmtpCapture } from './test-helpers/smtp-capture.js'

const MIN = 60_000
const DUE = Date.parse('2026-03-02T00:00:00Z') // Monday 08:00 in Shanghai
const FROM = 'Mofang <reports@mofang.example>'

const weekly: Schedule = {
  id: 'exec-weekly',
  tenant: 'acme',
  period: 'weekly',
  recipients: ['ceo@acme.example', 'coo@acme.example'],
  atMinutes: 8 * 60,
  timeZone: 'Asia/Shanghai',
  lang: 'en',
  formats: ['pdf', 'xlsx'],
}

/** The render stub: random bytes per format, kept to compare with what arrives. */
function renderStub() {
  const made = new Map<string, Buffer>()
  const render: RenderReport = async (tenant, period, date, format) => {
    const bytes = randomBytes(format === 'pdf' ? 40_000 : 12_000)
    made.set(`${tenant}/${period}/${date}/${format}`, bytes)
    return bytes
  }
  return { made, render }
}

const servers: SmtpCapture[] = []
const closers: (() => void)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) close()
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function capture(opts: Parameters<typeof startSmtpCapture>[0] = {}) {
  const server = await startSmtpCapture(opts)
  servers.push(server)
  return server
}

function engine(smtp: SmtpOptions, render: RenderReport) {
  const sender = smtpSender({ timeoutMs: 5_000, ...smtp })
  closers.push(sender.close)
  return createDelivery({
    schedules: [weekly],
    ledger: memoryLedger(),
    render,
    send: sender.send,
    messageIdDomain: senderDomain(smtp.from),
    retry: { initialMs: MIN, maxMs: 8 * MIN },
  })
}

describe('report emails over SMTP', () => {
  it('delivers the message with subject, recipients, Message-ID and both attachments byte for byte', async () => {
    const server = await capture({ auth: { user: 'mofang', password: 's3cret pass' } })
    const { made, render } = renderStub()
    const delivery = engine(
      { url: `smtp://127.0.0.1:${server.port}`, user: 'mofang', password: 's3cret pass', from: FROM, tls: 'off' },
      render,
    )
    await delivery.tick(DUE - MIN)
    await delivery.tick(DUE)

    expect(server.messages).toHaveLength(1)
    const [{ parsed, envelope, user }] = server.messages
    expect(user).toBe('mofang')
    expect(envelope).toEqual({ from: 'reports@mofang.example', to: ['ceo@acme.example', 'coo@acme.example'] })
    expect(parsed.subject).toBe('Weekly service report · acme · 2026-02-23 – 2026-03-01')
    expect(parsed.from?.value).toEqual([{ name: 'Mofang', address: 'reports@mofang.example' }])
    expect(parsed.messageId).toBe('<acme.exec-weekly.2026-02-23.report@mofang.example>')
    expect(parsed.text).toContain('2026-02-23 – 2026-03-01 (PDF, XLSX)')
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['mofang-acme-weekly-2026-02-23.pdf', 'application/pdf'],
      ['mofang-acme-weekly-2026-02-23.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ])
    expect(parsed.attachments[0].content.equals(made.get('acme/weekly/2026-02-23/pdf')!)).toBe(true)
    expect(parsed.attachments[1].content.equals(made.get('acme/weekly/2026-02-23/xlsx')!)).toBe(true)
    expect(delivery.health(DUE).last_success).toMatchObject({ schedule: 'exec-weekly', recipients: 2 })
  })

  it('retries with backoff while the server answers 550, reports it, and sends once it accepts', async () => {
    const server = await capture()
    server.refuse = '550 5.7.1 relaying denied'
    const { render } = renderStub()
    const delivery = engine({ url: `smtp://127.0.0.1:${server.port}`, from: FROM, tls: 'off' }, render)
    await delivery.tick(DUE - MIN)
    await delivery.tick(DUE)
    const health = delivery.health(DUE)
    expect(health.state).toBe('retrying')
    expect(health.last_failure?.reason).toMatch(/550 5\.7\.1 relaying denied/)
    expect(health.pending).toMatchObject([{ attempts: 1, next_attempt: new Date(DUE + MIN).toISOString() }])
    // Not before the backoff has passed; the second attempt is refused too, and waits twice as long.
    await delivery.tick(DUE + MIN / 2)
    expect(delivery.health(DUE + MIN / 2).pending[0].attempts).toBe(1)
    await delivery.tick(DUE + MIN)
    expect(delivery.health(DUE + MIN).pending).toMatchObject([
      { attempts: 2, next_attempt: new Date(DUE + 3 * MIN).toISOString() },
    ])
    server.refuse = undefined
    await delivery.tick(DUE + 3 * MIN)
    expect(server.messages).toHaveLength(1)
    expect(delivery.health(DUE + 3 * MIN)).toMatchObject({ state: 'idle', pending: [] })
  })

  it('retries while the server is down (connection refused) and delivers when it is back', async () => {
    const gone = await capture()
    const port = gone.port
    await gone.close()
    servers.splice(servers.indexOf(gone), 1)
    const { render } = renderStub()
    const delivery = engine({ url: `smtp://127.0.0.1:${port}`, from: FROM, tls: 'off' }, render)
    await delivery.tick(DUE - MIN)
    await expect(delivery.tick(DUE)).resolves.toBeUndefined()
    expect(delivery.health(DUE).last_failure?.reason).toMatch(/ECONNREFUSED/)
    expect(delivery.health(DUE).pending).toHaveLength(1)

    const back = await capture({ port })
    await delivery.tick(DUE + MIN)
    expect(back.messages).toHaveLength(1)
    expect(delivery.health(DUE + MIN).state).toBe('idle')
  })

  it('refuses to send in the clear when TLS is required and the server offers none', async () => {
    const server = await capture()
    const { render } = renderStub()
    const delivery = engine({ url: `smtp://127.0.0.1:${server.port}`, from: FROM, tls: 'require' }, render)
    await delivery.tick(DUE - MIN)
    await delivery.tick(DUE)
    expect(server.messages).toHaveLength(0)
    expect(delivery.health(DUE).last_failure?.reason).toMatch(/STARTTLS/i)
  })
})
