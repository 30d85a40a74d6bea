/**
 * The delivery service against a real nats-server (the record in a KV bucket) and a local SMTP server: a send goes
 * out once, a restart of the service does not repeat it, a send missed while the service was down goes out when it
 * starts, an SMTP outage is retried and shown in health, and two instances on one NATS send once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream } from '@nats-io/jetstream'
import { Kvm } from '@nats-io/kv'
import type { ServiceContext } from '../../core/index.js'
import type { LocalNats } from '../../bus/nats-server.js'
import { topologyNames } from '../../bus/index.js'
import { tempDir, testConfig, testNats, uniqueNamespace } from '../../testing/env.js'
import type { RenderReport } from './delivery.js'
import { kvLedger } from './ledger.js'
import type { Schedule } from './schedules.js'
import { reportDeliveryService, type ReportDeliveryService } from './service.js'
import { startSmtpCapture, type SmtpCapture } from './test-helpers/smtp-capture.js'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY_MS = 24 * HOUR
const DUE = Date.parse('2026-03-02T00:00:00Z') // Monday 08:00 in Shanghai

const dir = tempDir('report-delivery')
let nats: LocalNats
let nc: NatsConnection
let smtp: SmtpCapture
const logs: string[] = []

beforeAll(async () => {
  nats = await testNats(dir.path)
  nc = await connect({ servers: nats.url })
  smtp = await startSmtpCapture()
})
afterAll(async () => {
  await smtp?.close()
  await nc?.close()
  await nats?.stop()
  dir.remove()
})

const daily: Schedule = {
  id: 'exec-daily',
  tenant: 'acme',
  period: 'daily',
  recipients: ['ceo@acme.example'],
  atMinutes: 8 * 60,
  timeZone: 'Asia/Shanghai',
  lang: 'zh',
  formats: ['pdf', 'xlsx'],
}
const render: RenderReport = async (tenant, period, date, format) =>
  Buffer.from(`${format}:${tenant}:${period}:${date}`)

/** A context with just what the service uses: JetStream, the topology's names, the config, a log. */
function context(namespace: string): ServiceContext {
  return {
    js: jetstream(nc),
    topology: topologyNames(namespace),
    config: testConfig(dir.path),
    log: (line: string) => logs.push(line),
  } as unknown as ServiceContext
}

/** Starts the service on a fake clock that the test moves; checks run only when the test asks (tickMs: an hour). */
async function start(namespace: string, clock: { now: number }, port = smtp.port): Promise<ReportDeliveryService> {
  const service = (await reportDeliveryService({
    schedules: [daily],
    smtp: { url: `smtp://127.0.0.1:${port}`, from: 'reports@mofang.example', tls: 'off', timeoutMs: 5_000 },
    render,
    tickMs: HOUR,
    retry: { initialMs: MIN, maxMs: 10 * MIN },
    now: () => clock.now,
  })(context(namespace))) as ReportDeliveryService
  await service.check()
  return service
}

describe('report delivery service', () => {
  it('sends once, does not repeat after a restart, and catches up a send missed while stopped', async () => {
    const ns = uniqueNamespace()
    const clock = { now: DUE - 12 * HOUR }
    let service = await start(ns, clock) // first start: 20:00 the evening before
    clock.now = DUE + 30 * 1000
    await service.check()
    await service.stop()
    const before = smtp.messages.length
    expect(before).toBeGreaterThan(0)
    expect(smtp.messages.at(-1)!.parsed.subject).toBe('服务日报 · acme · 2026-03-01')

    // Restarted a minute later: the record in the KV bucket says it went out.
    clock.now = DUE + MIN
    service = await start(ns, clock)
    await service.stop()
    expect(smtp.messages.length).toBe(before)

    // Stopped across the next day's 08:00, started at 10:00: that report goes out at start, once.
    clock.now = DUE + DAY_MS + 2 * HOUR
    service = await start(ns, clock)
    expect(smtp.messages.length).toBe(before + 1)
    expect(smtp.messages.at(-1)!.parsed.subject).toBe('服务日报 · acme · 2026-03-02')
    const health = await service.health!()
    expect(health.ok).toBe(true)
    expect(health.detail).toMatchObject({
      state: 'idle',
      schedules: 1,
      last_success: { schedule: 'exec-daily', period_start: '2026-03-02', recipients: 1 },
      next_attempt: new Date(DUE + 2 * DAY_MS).toISOString(),
      pending: [],
    })
    await service.stop()

    const record = await kvLedger(await new Kvm(jetstream(nc)).open(`${ns}_cx_report_deliveries`)).get(
      'acme.exec-daily.2026-03-02',
    )
    expect(record?.record).toMatchObject({ state: 'sent', attempts: 1, accepted: ['ceo@acme.example'] })
  })

  it('keeps running while the SMTP server is down, shows it in health, and sends when it is back', async () => {
    const ns = uniqueNamespace()
    const down = await startSmtpCapture()
    const port = down.port
    await down.close()
    const clock = { now: DUE - HOUR }
    const service = await start(ns, clock, port)
    clock.now = DUE
    await service.check()
    const health = await service.health!()
    expect(health.ok).toBe(true)
    expect(health.detail).toMatchObject({
      state: 'retrying',
      last_failure: { schedule: 'exec-daily', period_start: '2026-03-01' },
      pending: [{ attempts: 1, next_attempt: new Date(DUE + MIN).toISOString() }],
    })
    expect((health.detail as { last_failure: { reason: string } }).last_failure.reason).toMatch(/ECONNREFUSED/)

    const back = await startSmtpCapture({ port })
    try {
      clock.now = DUE + MIN
      await service.check()
      expect(back.messages).toHaveLength(1)
      expect((await service.health!()).detail).toMatchObject({ state: 'idle', pending: [] })
    } finally {
      await service.stop()
      await back.close()
    }
  })

  it('lets one of two instances on one NATS send', async () => {
    const ns = uniqueNamespace()
    const clock = { now: DUE - HOUR }
    const a = await start(ns, clock)
    const b = await start(ns, clock)
    const before = smtp.messages.length
    clock.now = DUE
    await Promise.all([a.check(), b.check()])
    await Promise.all([a.stop(), b.stop()])
    expect(smtp.messages.length).toBe(before + 1)
  })
})
