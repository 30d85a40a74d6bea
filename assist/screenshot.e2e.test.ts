/**
 * A chat with a screenshot leads to the right article (issue #17): the customer writes only "蓝屏了，截图如下" with a
 * rendered blue screen attached; the OCR service reads its stop code, the conversations service adds it to the
 * conversation's facts and the message's `ocr_text`, and assist ranks that code's article first. Real nats-server,
 * chDB, PaddleOCR. The OCR workers load dist/: run `npx tsc -p tsconfig.json` first (`npm test` does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KbSuggestion } from '../core/contracts/index.js'
import { conversationsService, conversationsSettings } from '../conversations/index.js'
import { renderScreenshot } from '../kits/sim/index.js'
import { ocrService } from '../ocr/index.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { eventually, postEvents, tempDir, TEST_KEY, TEST_TENANT, testConfig, uniqueNamespace } from '../testing/env.js'
import { assistService } from './index.js'

const dir = tempDir('assist-ocr')
const INTERACTION = 'assist-ocr-chat-1'
const key = { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' }
let sys: RunningSystem

beforeAll(async () => {
  const config = testConfig(dir.path)
  sys = await startSystem({
    config,
    namespace: uniqueNamespace(),
    // The seed knowledge base, which has the Chinese and the English article for each of the simulator's codes.
    services: [
      ocrService({ workers: 1 }),
      conversationsService(conversationsSettings(config)),
      assistService({ seedTenants: [TEST_TENANT] }),
    ],
    log: () => {},
  })
}, 60_000)

afterAll(async () => {
  await sys?.stop()
  dir.remove()
})

describe('a chat with a screenshot', () => {
  it('gets the article of the stop code read from the picture', async () => {
    const screenshot = renderScreenshot({
      kind: 'blue_screen',
      language: 'en',
      stopCode: '0xC000021A',
      name: 'STATUS_SYSTEM_PROCESS_TERMINATED',
    })
    const base = { tenant: TEST_TENANT, channel: 'webchat', interaction_id: INTERACTION, queue: 'repair' }
    const t0 = Date.now() - 30_000
    const res = await postEvents(
      sys.url,
      JSON.stringify([
        { ...base, ts: t0, type: 'chat.started', payload: {} },
        {
          ...base,
          ts: t0 + 1_000,
          event_id: `${INTERACTION}-m1`,
          type: 'chat.message',
          payload: {
            role: 'customer',
            text: '电脑蓝屏了，截图如下',
            attachments: [{ kind: 'image', content_type: 'image/png', data: screenshot.toString('base64') }],
          },
        },
      ]),
    )
    expect(res.status).toBe(202)

    const suggest = async () => {
      const answer = await fetch(`${sys.url}/v1/assist/suggest`, {
        method: 'POST',
        headers: key,
        body: JSON.stringify({ interaction_id: INTERACTION }),
      })
      return answer.status === 200 ? ((await answer.json()) as KbSuggestion[]) : []
    }
    // At first the words alone answer (蓝屏); the stop code arrives with the OCR result.
    const byCode = (list: KbSuggestion[]) => list[0]?.matched.some((m) => m.startsWith('error_code:'))
    const [first] = (await eventually(
      async () => {
        const list = await suggest()
        return byCode(list) ? list : null
      },
      { what: 'a suggestion by the code on the screenshot', timeoutMs: 60_000 },
    ))!
    expect(first.article.id).toBe('zh-err-0xc000021a')
    expect(first.matched).toContain('error_code:0xC000021A')
  }, 90_000)
})
