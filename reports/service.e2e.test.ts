/**
 * The reports API over HTTP against real chDB: the report, its exports (the XLSX opens in exceljs, the PDF is a PDF
 * with the CJK font embedded, the CSV carries the Chinese labels), drill-down, and every kind of bad input answered
 * 400 naming its parameter.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DrillAnswer, ReportAnswer } from '../core/contracts/index.js'
import type { Service, ServiceContext, Warehouse } from '../core/index.js'
import { TEST_KEY, TEST_TENANT, tempDir, testConfig } from '../testing/env.js'
import { chromiumPath } from './export-pdf.js'
import { reportsService } from './service.js'
import { at, TZ } from './test-helpers/events.js'
import { reportWarehouse, simulatedEvents, storeEvents } from './test-helpers/warehouse.js'

const dir = tempDir('report-api')
const ADMIN = 'admin-token-for-the-report-tests'
let wh: Warehouse
let service: Service
let server: Server
let base: string

beforeAll(async () => {
  wh = await reportWarehouse(dir.path)
  await storeEvents(
    wh,
    simulatedEvents({ tenant: TEST_TENANT, start: at('2026-03-02 00:00:00'), days: 3, rate: 40, agents: 10 }),
  )
  const config = testConfig(dir.path, { MOFANG_TIMEZONE: TZ })
  const ctx = {
    config,
    warehouse: wh,
    apiKeys: new Map([[TEST_KEY, TEST_TENANT]]),
    adminToken: ADMIN,
    url: '',
    log: () => {},
  } as unknown as ServiceContext
  service = await reportsService({ timeZone: TZ, repeatDays: 7, refreshEveryMin: 0 })(ctx)
  server = createServer((req, res) => {
    void service.handlers![0](req, res).then((handled) => {
      if (!handled) res.writeHead(404).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 300_000)
afterAll(async () => {
  server?.close()
  await service?.stop()
  await wh?.close()
  dir.remove()
})

const get = (path: string, auth = true) =>
  fetch(`${base}${path}${path.includes('?') ? '&' : '?'}tenant=${TEST_TENANT}`, {
    headers: auth ? { authorization: `Bearer ${ADMIN}` } : {},
  })

describe('GET /api/reports/:period', () => {
  it('answers a weekly report, Monday to Sunday, against the week before', { timeout: 300_000 }, async () => {
    const res = await get('/api/reports/weekly?date=2026-03-04')
    expect(res.status).toBe(200)
    const r = (await res.json()) as ReportAnswer
    expect(r.range).toMatchObject({ start: '2026-03-02', end: '2026-03-08' })
    expect(r.previous_range).toMatchObject({ start: '2026-02-23', end: '2026-03-01' })
    expect(r.points_are).toBe('daily')
    expect(r.metrics.find((m) => m.id === 'offered')!.value).toBeGreaterThan(100)
    expect(r.metrics.find((m) => m.id === 'offered')!.series).toHaveLength(7)
  })

  it('refuses a caller who is not signed in', async () => {
    const res = await get('/api/reports/weekly?date=2026-03-04', false)
    expect(res.status).toBe(401)
  })

  it.each([
    ['/api/reports/yearly', 'period'],
    ['/api/reports/daily?date=2026-02-30', 'date'],
    ['/api/reports/daily?date=yesterday', 'date'],
    ['/api/reports/daily?date=2999-01-01', 'date'],
    ['/api/reports/daily?from=2026-01-01&to=2026-06-30', 'to'],
    ['/api/reports/weekly?from=2026-03-09&to=2026-03-02', 'to'],
    ['/api/reports/weekly?from=2026-03-02', 'to'],
    ['/api/reports/weekly?date=2026-03-04&from=2026-03-02&to=2026-03-08', 'date'],
    ['/api/reports/weekly?date=2026-03-04&queue=no-such-queue', 'queue'],
    ['/api/reports/weekly?date=2026-03-04&team=no-such-team', 'team'],
    ['/api/reports/weekly?date=2026-03-04&channel=fax', 'channel'],
    ['/api/reports/weekly/export?date=2026-03-04&format=docx', 'format'],
    ['/api/reports/weekly/export?date=2026-03-04&format=csv&lang=fr', 'lang'],
    ['/api/reports/weekly/drill?date=2026-03-04', 'metric'],
    ['/api/reports/weekly/drill?date=2026-03-04&metric=occupancy', 'metric'],
    ['/api/reports/weekly/drill?date=2026-03-04&metric=aht&day=2026-04-01', 'day'],
    ['/api/reports/weekly/drill?date=2026-03-04&metric=aht&limit=0', 'limit'],
  ])('%s answers 400 naming %s', async (path, field) => {
    const res = await get(path)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: string; reason: string; field: string }
    expect(body).toMatchObject({ error: 'bad_request', field })
    expect(body.reason).toMatch(new RegExp(`^${field}: `))
  })

  it('a report over 13 months is monthly, one point per month', { timeout: 300_000 }, async () => {
    const res = await get('/api/reports/monthly?from=2025-03-01&to=2026-03-31')
    expect(res.status).toBe(200)
    const r = (await res.json()) as ReportAnswer
    expect(r.points_are).toBe('monthly')
    expect(r.metrics[0].series.map((p) => p.date)).toHaveLength(13)
    expect(r.previous_range).toMatchObject({ start: '2024-02-01', end: '2025-02-28' })
  })
})

describe('exports', () => {
  it('XLSX: a workbook exceljs reads back, labelled in Chinese', { timeout: 120_000 }, async () => {
    const res = await get('/api/reports/weekly/export?date=2026-03-04&format=xlsx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/mofang-acme-weekly-2026-03-02\.xlsx/)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
    const sheet = wb.getWorksheet('报告')!
    const cells = sheet.getSheetValues().flat().map(String)
    expect(cells).toContain('进线量')
    expect(wb.worksheets.map((w) => w.name)).toContain('坐席记分卡')
  })

  it('CSV: UTF-8 with a byte-order mark, one figure per line', async () => {
    const res = await get('/api/reports/weekly/export?date=2026-03-04&format=csv&lang=en')
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain('section,dimension,key,metric,label,unit,value,previous,change')
    expect(text).toMatch(/\nmetric,,,offered,Contacts offered,count,\d+,/)
  })

  it('PDF: printed by Chromium with the Chinese font embedded', { timeout: 120_000 }, async (t) => {
    if (!chromiumPath()) return t.skip('no Chromium here (apt-get install chromium fonts-wqy-microhei)')
    const res = await get('/api/reports/weekly/export?date=2026-03-04&format=pdf')
    expect(res.status).toBe(200)
    const pdf = Buffer.from(await res.arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.toString('latin1')).toMatch(/FontName\s*\/[A-Z]{6}\+(WenQuanYi|Noto|SourceHan)/)
  })
})

describe('drill-down', () => {
  it('lists the handled contacts behind AHT, newest first, a page at a time', { timeout: 120_000 }, async () => {
    const res = await get('/api/reports/weekly/drill?date=2026-03-04&metric=aht&day=2026-03-03&limit=5')
    expect(res.status).toBe(200)
    const d = (await res.json()) as DrillAnswer
    expect(d.total).toBeGreaterThan(5)
    expect(d.rows).toHaveLength(5)
    expect(d.range).toMatchObject({ start: '2026-03-03', end: '2026-03-03' })
    for (const r of d.rows) expect(r.handled_s).toBeGreaterThan(0)
    expect(d.rows.map((r) => r.started)).toEqual([...d.rows.map((r) => r.started)].sort((a, b) => b - a))
  })
})
