import { describe, it, expect } from 'vitest'
import { audioStats, voicedFrames } from './vad.js'
import { mergeChannels } from './merge.js'
import { applyDomainWords } from './domain-words.js'

const tone = (seconds: number, amp: number) =>
  Float32Array.from({ length: 16_000 * seconds }, (_, i) => amp * Math.sin(i / 5))
const concat = (...parts: Float32Array[]) => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) out.set(p, (at += p.length) - p.length)
  return out
}

describe('voice activity and audio statistics', () => {
  it('finds silences between speech and no voice in silence', () => {
    const ch = concat(tone(2, 0.3), tone(5, 0), tone(2, 0.3))
    expect(voicedFrames(tone(3, 0)).some(Boolean)).toBe(false)
    const s = audioStats([ch], ['unknown'])
    expect(s.duration_ms).toBe(9_000)
    expect(s.silences).toHaveLength(1)
    expect(s.silences[0].start_ms).toBeGreaterThanOrEqual(1_900)
    expect(s.silences[0].end_ms - s.silences[0].start_ms).toBeGreaterThan(4_500)
    expect(s.talk_ms.unknown).toBeGreaterThan(3_500)
    expect(s.overtalk_ms).toBe(0)
  })

  it('counts overtalk when both channels are voiced, and silence only when both are quiet', () => {
    const agent = concat(tone(4, 0.3), tone(4, 0), tone(2, 0))
    const customer = concat(tone(3, 0), tone(2, 0.3), tone(5, 0))
    const s = audioStats([agent, customer], ['agent', 'customer'])
    expect(s.overtalk_ms).toBeGreaterThan(800)
    expect(s.overtalk_ms).toBeLessThan(1_500)
    expect(s.silences).toHaveLength(1)
    expect(s.silences[0].start_ms).toBeGreaterThanOrEqual(4_900)
  })
})

describe('merging channels and domain words', () => {
  it('interleaves the parties by start time', () => {
    const turns = mergeChannels([
      {
        speaker: 'agent',
        segments: [
          { start_ms: 0, end_ms: 1000, text: 'hello' },
          { start_ms: 5000, end_ms: 6000, text: 'bye' },
        ],
      },
      { speaker: 'customer', segments: [{ start_ms: 2000, end_ms: 4000, text: 'my router' }] },
    ])
    expect(turns.map((t) => t.speaker)).toEqual(['agent', 'customer', 'agent'])
  })

  it('spells product models and error codes exactly', () => {
    const words = ['X200-Pro', 'E104']
    expect(applyDomainWords('my x 200 pro shows e 1 0 4 again', words)).toBe('my X200-Pro shows E104 again')
    expect(applyDomainWords('AE1040 stays', words)).toBe('AE1040 stays')
  })
})
