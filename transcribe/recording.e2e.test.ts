/**
 * Recordings through the real whisper.cpp binding with a synthetic (random-weight) model: decoding, speaker
 * attribution, statistics and every bad input ending as a clear per-job error. Real-transcript checks run
 * only when WHISPER_MODEL points at a real model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import { existsSync } from 'node:fs'
import { tempDir } from '../testing/env.js'
import { createWhisperTranscriber, type Transcriber } from './transcriber.js'
import { transcribeRecording } from './recording.js'
import { RecordingError } from './errors.js'
import { syntheticModel } from './test-helpers/synthetic-ggml.js'
import { mp3Of, notAudio, speech, stereoCall, threeHours, truncatedWav } from './test-helpers/audio.js'
import { scoreInteraction } from '../qa/pipeline.js'
import { toInteraction } from './handoff.js'

const dir = tempDir('transcribe-rec')
let whisper: Transcriber
let en: string, zh: string, stereo: string
let stall: Server, stallUrl: string

beforeAll(async () => {
  whisper = await createWhisperTranscriber(syntheticModel('micro'))
  en = speech(dir.path, 'en', 'Thank you for calling. My name is Anna. How can I help you today?')
  zh = speech(dir.path, 'zh', '您好，我的路由器显示错误代码E104，请帮我看一下。', 'cmn')
  stereo = stereoCall(dir.path, en, zh, 6)
  stall = createServer(() => {}) // accepts and never answers
  await new Promise<void>((r) => stall.listen(0, '127.0.0.1', r))
  stallUrl = `http://127.0.0.1:${(stall.address() as { port: number }).port}/call.wav`
}, 60_000)
afterAll(() => {
  whisper?.close()
  stall?.close()
  dir.remove()
})

const job = (url: string, over = {}) => ({ tenant: 'acme', interaction_id: 'c1', url, ...over })

describe('transcribing recordings (synthetic model)', () => {
  it('transcribes a mono WAV whole, speaker unknown, with segment times inside the audio', async () => {
    const t = await transcribeRecording(job(en), whisper)
    expect(t.channels).toBe(1)
    expect(t.duration_ms).toBeGreaterThan(2_000)
    expect(t.turns.length).toBeGreaterThan(0)
    for (const turn of t.turns) {
      expect(turn.speaker).toBe('unknown')
      expect(turn.end_ms).toBeLessThanOrEqual(t.duration_ms)
    }
  })

  it('attributes stereo channels to agent and customer and measures the silence between them', async () => {
    const t = await transcribeRecording(job(stereo, { agent_channel: 0 }), whisper)
    expect(t.channels).toBe(2)
    expect(new Set(t.turns.map((x) => x.speaker))).toEqual(new Set(['agent', 'customer']))
    expect(t.audio.silences.some((s) => s.end_ms - s.start_ms >= 5_000)).toBe(true)
    expect(t.audio.talk_ms.agent).toBeGreaterThan(1_000)
    expect(t.audio.talk_ms.customer).toBeGreaterThan(1_000)
    // The hand-off feeds QA's dead-air check.
    const qa = scoreInteraction(toInteraction(t))
    expect(qa.checks.dead_air?.applicable).toBe(true)
    expect(qa.flags.some((f) => f.check === 'dead_air')).toBe(true)
  })

  it('decodes MP3 and Mandarin speech', async () => {
    const t = await transcribeRecording(job(mp3Of(zh), { language: 'zh' }), whisper)
    expect(t.language).toBe('zh')
    expect(t.duration_ms).toBeGreaterThan(1_000)
  })
})

describe('bad recordings end as clear per-job errors', () => {
  const fails = async (p: Promise<unknown>, code: string, message: RegExp) => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(RecordingError)
    expect((err as RecordingError).code).toBe(code)
    expect((err as Error).message).toMatch(message)
  }
  it('a missing file', () => fails(transcribeRecording(job(`${dir.path}/nope.wav`), whisper), 'NOT_FOUND', /not found/))
  it('a truncated WAV', () =>
    fails(transcribeRecording(job(truncatedWav(dir.path, en)), whisper), 'NOT_AUDIO', /truncated|decode|readable/))
  it('a non-audio file', () =>
    fails(transcribeRecording(job(notAudio(dir.path)), whisper), 'NOT_AUDIO', /not a readable audio file|no audio/))
  it(
    'a 3-hour recording, refused by length before decoding',
    () =>
      fails(transcribeRecording(job(threeHours(dir.path)), whisper), 'TOO_LONG', /3\.00 h long; the limit is 2\.00 h/),
    30_000,
  )
  it('a declared over-long recording, refused before fetching', () =>
    fails(
      transcribeRecording(job('http://unreachable.invalid/x.wav', { duration_ms: 4 * 3600_000 }), whisper),
      'TOO_LONG',
      /limit/,
    ))
  it('a URL that times out', () =>
    fails(transcribeRecording(job(stallUrl), whisper, { timeoutMs: 300 }), 'FETCH_TIMEOUT', /timed out after 300 ms/))
})

describe('real model', () => {
  const real = process.env.WHISPER_MODEL
  it.skipIf(!real || !existsSync(real))(
    `transcribes English speech (needs WHISPER_MODEL; ${real ? 'set' : 'SKIPPED: WHISPER_MODEL is not set'})`,
    async () => {
      const realWhisper = await createWhisperTranscriber(real!)
      try {
        const t = await transcribeRecording(job(en, { language: 'en' }), realWhisper)
        expect(
          t.turns
            .map((x) => x.text)
            .join(' ')
            .toLowerCase(),
        ).toMatch(/thank|calling|help/)
      } finally {
        realWhisper.close()
      }
    },
    120_000,
  )
})
