import { describe, expect, it } from 'vitest'
import { redactTranscript } from './store.js'
import type { Transcript } from './types.js'

describe('redactTranscript (MOFANG_REDACT_TENANTS)', () => {
  it('masks PII in every turn at the same length and keeps the rest of the transcript', () => {
    const t: Transcript = {
      tenant: 'acme',
      interaction_id: 'call-1',
      language: 'zh',
      model: 'ggml-small.bin',
      duration_ms: 9000,
      channels: 2,
      turns: [
        { speaker: 'agent', text: '请问您的手机号？', start_ms: 0, end_ms: 2000 },
        {
          speaker: 'customer',
          text: '1 3 8 1 2 3 4 5 6 7 8，身份证 110105 19491231 002X',
          start_ms: 2000,
          end_ms: 9000,
        },
      ],
      audio: { duration_ms: 9000, silence_ms: 1000, silences: [], overtalk_ms: 0, talk_ms: { customer: 8000 } },
      elapsed_ms: 1200,
    }
    const r = redactTranscript(t)
    expect(r.turns.map((u) => u.text)).toEqual([
      '请问您的手机号？',
      '*********************，身份证 ********************',
    ])
    expect(r.turns[1]).toMatchObject({ speaker: 'customer', start_ms: 2000, end_ms: 9000 })
    expect({ ...r, turns: [] }).toEqual({ ...t, turns: [] })
    expect(t.turns[1].text).toContain('1 3 8') // the input is not changed
  })
})
