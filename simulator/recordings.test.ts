import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { tempDir } from '../testing/env.js'
import { hasEspeak, pauseBefore, RecordingWriter, renderCall, type CallScript } from './recordings.js'
import { readMonoWav, resample, stereoWav } from './recordings-wav.js'
import type { Turn } from './transcript.js'

const RATE = 16_000
const espeak = hasEspeak()
if (!espeak)
  console.warn('simulator/recordings.test.ts: espeak-ng not found (apt-get install espeak-ng): rendering tests skipped')

/** Reads back the stereo 16-bit file this module writes: the header fields and both channels. */
function readStereo(buf: Buffer) {
  const channels = buf.readUInt16LE(22)
  const rate = buf.readUInt32LE(24)
  const bits = buf.readUInt16LE(34)
  const frames = buf.readUInt32LE(40) / 4
  const left = new Float64Array(frames)
  const right = new Float64Array(frames)
  for (let i = 0; i < frames; i++) {
    left[i] = buf.readInt16LE(44 + 4 * i)
    right[i] = buf.readInt16LE(46 + 4 * i)
  }
  return { riff: buf.toString('ascii', 0, 4), channels, rate, bits, frames, left, right }
}

const rms = (x: Float64Array, from: number, to: number) => {
  let s = 0
  for (let i = from; i < to; i++) s += x[i] * x[i]
  return Math.sqrt(s / Math.max(1, to - from))
}

const turns: Turn[] = [
  { role: 'agent', text: '您好，很高兴为您服务，请问有什么可以帮您？', gapMs: 4_000 },
  { role: 'customer', text: '我的订单还没有到，已经等了一个星期了。', gapMs: 20_000 },
  { role: 'agent', text: '非常抱歉，我马上帮您查一下。', gapMs: 10_000 },
]

describe('WAV container', () => {
  it('writes a 44-byte-header PCM stereo file that reads back sample for sample', () => {
    const wav = stereoWav(Int16Array.from([1, -2, 3]), Int16Array.from([-4, 5, -6]), RATE)
    const r = readStereo(wav)
    expect(wav.length).toBe(44 + 12)
    expect(r).toMatchObject({ riff: 'RIFF', channels: 2, rate: RATE, bits: 16, frames: 3 })
    expect([...r.left]).toEqual([1, -2, 3])
    expect([...r.right]).toEqual([-4, 5, -6])
  })

  it('reads mono PCM whose header sizes are the streaming placeholder, and resamples by the rate ratio', () => {
    const mono = stereoWav(new Int16Array(4), new Int16Array(4), 22_050)
    // A mono header as espeak-ng streams it: sizes 0x7ffff…, data to the end of the file.
    mono.writeUInt16LE(1, 22)
    mono.writeUInt32LE(0x7ffff000, 40)
    const pcm = readMonoWav(mono)
    expect(pcm).toMatchObject({ sampleRate: 22_050 })
    expect(pcm.samples.length).toBe(8)
    expect(resample({ samples: new Int16Array(22_050), sampleRate: 22_050 }, RATE).length).toBe(RATE)
  })

  it('scales chat gaps to speaking pauses between 0.3 and 2 s', () => {
    expect(pauseBefore({ role: 'agent', text: '', gapMs: 1_000 })).toBe(300)
    expect(pauseBefore({ role: 'agent', text: '', gapMs: 20_000 })).toBe(1_000)
    expect(pauseBefore({ role: 'agent', text: '', gapMs: 200_000 })).toBe(2_000)
  })
})

describe.skipIf(!espeak)('rendering a call with espeak-ng', () => {
  async function rendered(call: CallScript) {
    const r = readStereo(await renderCall(call, RATE))
    const [agent, customer] = call.agentChannel === 0 ? [r.left, r.right] : [r.right, r.left]
    return { r, agent, customer }
  }

  for (const agentChannel of [0, 1] as const)
    it(`puts the agent's speech on channel ${agentChannel} and the customer's on the other`, async () => {
      const call: CallScript = { id: 'call-t', language: 'zh', agentChannel, turns, endedAt: 0 }
      const { r, agent, customer } = await rendered(call)
      expect(r).toMatchObject({ riff: 'RIFF', channels: 2, rate: RATE, bits: 16 })
      // First turn: after its pause (300 ms), the agent speaks; the customer's channel is silent.
      const first = { from: Math.round(0.3 * RATE), to: Math.round(1.3 * RATE) }
      expect(rms(agent, first.from, first.to)).toBeGreaterThan(300)
      expect(rms(customer, first.from, first.to)).toBe(0)
      // Somewhere later the customer speaks while the agent's channel is silent.
      const second = customer.findIndex((v) => v !== 0)
      expect(second).toBeGreaterThan(first.to)
      expect(rms(customer, second, second + RATE / 2)).toBeGreaterThan(300)
      expect(rms(agent, second, second + RATE / 2)).toBe(0)
      // Both sides together last longer than the three pauses.
      expect(r.frames / RATE).toBeGreaterThan(3)
    })

  it('speaks English too, and the writer files the call under its URL with timings', async () => {
    const dir = tempDir('recordings')
    try {
      const lines: string[] = []
      const writer = new RecordingWriter({ dir: dir.path, from: 1_000, log: (l) => lines.push(l) })
      const en: CallScript = {
        id: 'call-en',
        language: 'en',
        agentChannel: 0,
        endedAt: 5_000,
        turns: [
          { role: 'agent', text: 'Thank you for calling, how can I help?', gapMs: 3_000 },
          { role: 'customer', text: 'My order has not arrived yet.', gapMs: 9_000 },
        ],
      }
      const url = writer.record(en)
      expect(writer.record({ ...en, id: 'call-old', endedAt: 500 })).toBeUndefined()
      await writer.idle()
      const r = readStereo(readFileSync(fileURLToPath(url!)))
      expect(r.channels).toBe(2)
      expect(rms(r.left, 0, r.frames)).toBeGreaterThan(100)
      expect(rms(r.right, 0, r.frames)).toBeGreaterThan(100)
      expect(writer.stats()).toMatchObject({ rendered: 1, skipped: 1, failed: 0, queued: 0 })
      expect(writer.stats().audioMs).toBeGreaterThan(2_000)
      expect(lines).toEqual([])
    } finally {
      dir.remove()
    }
  })
})

describe('without espeak-ng', () => {
  it('says so once and renders nothing', () => {
    const lines: string[] = []
    const writer = new RecordingWriter({ dir: '/nonexistent', espeak: 'espeak-ng-missing', log: (l) => lines.push(l) })
    expect(writer.record({ id: 'c', language: 'en', agentChannel: 0, turns, endedAt: 0 })).toBeUndefined()
    expect(lines).toEqual([expect.stringMatching(/espeak-ng-missing not found .*apt-get install espeak-ng/)])
    expect(writer.stats()).toMatchObject({ rendered: 0, skipped: 1 })
  })
})
