/**
 * The OCR service on a real system (nats-server, chDB): a chat message with an inline screenshot, a picture that is
 * not one and an unreachable URL → one OcrResult per image on NATS and one row each in `message_ocr`, the bad ones
 * with their reason, and the service carries on. Workers load dist/: run `npx tsc -p tsconfig.json`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OcrResult } from '../core/contracts/index.js'
import { renderScreenshot } from '../kits/sim/index.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { TEST_TENANT, eventually, postEvents, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { ocrService } from './service.js'

const dir = tempDir('ocr-svc')
let sys: RunningSystem
const published: OcrResult[] = []

beforeAll(async () => {
  sys = await startSystem({
    config: testConfig(dir.path),
    namespace: uniqueNamespace(),
    log: () => {},
    services: [ocrService({ workers: 1 })],
  })
  const sub = sys.nats.nc.subscribe(`${sys.topology.ocrSubject}.${TEST_TENANT}`)
  void (async () => {
    for await (const m of sub) published.push(m.json<OcrResult>())
  })()
}, 60_000)
afterAll(async () => {
  await sys?.stop()
  dir.remove()
})

const screenshot = renderScreenshot({
  kind: 'blue_screen',
  language: 'en',
  stopCode: '0x0000007B',
  name: 'INACCESSIBLE_BOOT_DEVICE',
})

const message = (id: string, attachments: unknown[]) => ({
  event_id: id,
  tenant: TEST_TENANT,
  ts: Date.now(),
  channel: 'webchat',
  type: 'chat.message',
  interaction_id: 'chat-ocr-1',
  payload: { role: 'customer', text: '电脑蓝屏了，截图如下', attachments },
})

interface Row {
  event_id: string
  attachment_index: number
  text: string
  facts: string
  error: string
}

describe('OCR service', () => {
  it('reads the screenshot, records the bad attachments with their reason, and keeps going', async () => {
    const res = await postEvents(
      sys.url,
      JSON.stringify([
        message('m-ocr-1', [
          { kind: 'image', content_type: 'image/png', data: screenshot.toString('base64') },
          { kind: 'image', data: Buffer.from('plain text, not a picture').toString('base64') },
          { kind: 'audio', url: 'https://example.invalid/voice.amr' },
          { kind: 'image', url: 'http://127.0.0.1:9/missing.png' },
        ]),
        message('m-ocr-2', []),
      ]),
    )
    expect(res.status).toBe(202)

    await eventually(async () => published.length >= 3, { what: 'three OcrResults on NATS', timeoutMs: 60_000 })
    const byIndex = new Map(published.map((r) => [r.attachment_index, r]))
    expect([...byIndex.keys()].sort()).toEqual([0, 1, 3]) // the voice note is not an image
    expect(byIndex.get(0)).toMatchObject({ event_id: 'm-ocr-1', interaction_id: 'chat-ocr-1', error: null })
    expect(byIndex.get(0)!.facts).toContainEqual({ kind: 'error_code', value: '0x0000007B' })
    expect(byIndex.get(0)!.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(byIndex.get(1)!.error).toMatch(/^not_image: /)
    expect(byIndex.get(3)!.error).toMatch(/^unreachable: /)

    const rows = await eventually(
      async () => {
        const r = await sys.warehouse.query<Row>(
          'SELECT event_id, attachment_index, text, facts, error FROM message_ocr FINAL WHERE tenant_id = {t:String} ORDER BY attachment_index',
          { t: TEST_TENANT },
        )
        if (r.length !== 3) throw new Error(`${r.length} rows so far`)
        return r
      },
      { what: 'three message_ocr rows', timeoutMs: 20_000 },
    )
    expect(rows[0].text).toContain('0x0000007B')
    expect(JSON.parse(rows[0].facts)).toContainEqual({ kind: 'error_code', value: 'INACCESSIBLE_BOOT_DEVICE' })
    expect(rows[1].error).toMatch(/^not_image: the bytes are not an image/)
    expect(rows[2]).toMatchObject({ attachment_index: 3, text: '' })

    const health = (await (
      await fetch(`${sys.url}/healthz`, { headers: { authorization: `Bearer ${sys.adminToken}` } })
    ).json()) as { components: Record<string, { detail: Record<string, unknown> }> }
    expect(health.components.ocr.detail).toMatchObject({ images_read: 1, errors: { not_image: 1, unreachable: 1 } })
  })
})
