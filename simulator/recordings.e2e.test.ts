/**
 * The simulator's calls as real recordings: a seeded run with a recording writer leaves WAV files that the
 * transcription path's decoder (ffmpeg, transcribe/audio.ts) reads as two channels, agent on the channel the event
 * names, and that transcription (synthetic model) attributes to agent and customer and hands to QA; and recording does
 * not change the run's events. Prints the render time per call (not asserted).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { tempDir } from '../testing/env.js'
import { decodeAudio, probeAudio } from '../transcribe/audio.js'
import { createWhisperTranscriber } from '../transcribe/transcriber.js'
import { transcribeRecording } from '../transcribe/recording.js'
import { toInteraction } from '../transcribe/handoff.js'
import { syntheticModel } from '../transcribe/test-helpers/synthetic-ggml.js'
import { scoreInteraction } from '../qa/pipeline.js'
import { Simulation } from './engine.js'
import { hasEspeak, RecordingWriter } from './recordings.js'
import type { IncomingEvent } from '../core/index.js'

const espeak = hasEspeak()
if (!espeak)
  console.warn('simulator/recordings.e2e.test.ts: espeak-ng not found (apt-get install espeak-ng): test skipped')

// Monday 2026-03-02 10:00 in the centre's zone (UTC+8): the weekly peak, so calls end within the window.
const START = Date.UTC(2026, 2, 2, 2, 0)
const WINDOW = 40 * 60_000
/** Only calls ending in the last minutes of the window are rendered (a handful: the test stays short). */
const RENDER_FROM = START + WINDOW - 6 * 60_000
const opts = { seed: 7, start: START, agents: 30, ratePerHour: 300 }

const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / Math.max(1, x.length))

describe.skipIf(!espeak)('simulated calls leave real recordings', () => {
  const dir = tempDir('sim-recordings')
  afterAll(() => dir.remove())

  it('renders the calls after `from`, decodable as stereo with the agent on agent_channel, events unchanged', async () => {
    const writer = new RecordingWriter({ dir: dir.path, from: RENDER_FROM, maxQueued: 1_000, log: () => {} })
    const recorded = new Simulation({ ...opts, recorder: writer }).advanceTo(START + WINDOW)
    const plain = new Simulation(opts).advanceTo(START + WINDOW)
    const withoutUrl = (events: IncomingEvent[]) =>
      events.map((e) => (e.type === 'voice.recording_available' ? { ...e, payload: { ...e.payload, url: '' } } : e))
    expect(withoutUrl(recorded)).toEqual(withoutUrl(plain))

    const recordings = recorded.filter((e) => e.type === 'voice.recording_available')
    const files = recordings.filter((e) => String(e.payload?.url).startsWith('file://' + dir.path))
    expect(recordings.length).toBeGreaterThan(files.length) // calls before RENDER_FROM are not rendered
    expect(files.length).toBeGreaterThan(0)
    const t0 = performance.now()
    await writer.idle()
    const wall = performance.now() - t0
    const s = writer.stats()
    expect(s).toMatchObject({ rendered: files.length, failed: 0 })
    console.log(
      `recordings: ${s.rendered} calls, ${(s.renderMs / s.rendered).toFixed(0)} ms render per call ` +
        `(${(s.audioMs / s.rendered / 1000).toFixed(1)} s of audio each, ${(s.audioMs / s.renderMs).toFixed(0)}× real time; ` +
        `queue drained ${wall.toFixed(0)} ms after the run)`,
    )

    for (const e of files.slice(0, 3)) {
      const path = fileURLToPath(String(e.payload!.url))
      const info = await probeAudio(path)
      expect(info).toMatchObject({ channels: 2, codec: 'pcm_s16le' })
      const channels = await decodeAudio(path, 2)
      const agentChannel = Number(e.payload!.agent_channel)
      const agent = channels[agentChannel]
      const customer = channels[1 - agentChannel]
      expect(rms(agent)).toBeGreaterThan(0.01)
      expect(rms(customer)).toBeGreaterThan(0.01)
      // The agent greets first: the first sound of the recording is on the agent's channel.
      const firstAgent = agent.findIndex((v) => Math.abs(v) > 0.01)
      const firstCustomer = customer.findIndex((v) => Math.abs(v) > 0.01)
      expect(firstAgent).toBeLessThan(firstCustomer)
    }

    // Recording → transcript → QA, with the synthetic (random-weight) model: the words are noise, the path is real.
    const whisper = await createWhisperTranscriber(syntheticModel('micro'))
    try {
      const e = files[0]
      const p = e.payload as { url: string; agent_channel: number; language: string }
      const job = { tenant: e.tenant, interaction_id: e.interaction_id!, url: p.url, agent_channel: p.agent_channel }
      const t = await transcribeRecording({ ...job, channels: 2, language: p.language }, whisper)
      expect(t.channels).toBe(2)
      expect(new Set(t.turns.map((x) => x.speaker))).toEqual(new Set(['agent', 'customer']))
      const qa = scoreInteraction(toInteraction(t))
      expect(qa.interaction_id).toBe(e.interaction_id)
      expect(qa.checks.dead_air?.applicable).toBe(true)
    } finally {
      whisper.close()
    }
  }, 180_000)
})
