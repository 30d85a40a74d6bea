/**
 * The whole path through real parts: recording_available events → job creator → JetStream work queue →
 * worker processes (whisper.cpp with a synthetic model) → transcripts table → the QA hand-off. Starts with
 * no model (calls stored as awaiting, a warning on /healthz), then the model appears and the backlog is
 * worked off; a job that crashes its worker is retried and dead-lettered; a bad recording fails alone.
 * Workers load dist/: run `npx tsc -p tsconfig.json` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startSystem, type RunningSystem } from '../system/system.js'
import { TEST_TENANT, eventually, postEvents, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { transcriptionService } from './service.js'
import { transcribeNames } from './jobs.js'
import { getTranscript, type TranscriptRow } from './store.js'
import { syntheticModel } from './test-helpers/synthetic-ggml.js'
import { notAudio, speech, stereoCall } from './test-helpers/audio.js'
import type { TranscriptExtra } from './handoff.js'
import type { Turn } from '../qa/types.js'
import { scoreInteraction } from '../qa/pipeline.js'
import type { QaResult } from '../qa/types.js'

const dir = tempDir('transcribe-svc')
const modelPath = join(dir.path, 'model', 'ggml-test.bin')
const scored = new Map<string, QaResult>()
let sys: RunningSystem
let stereo: string

beforeAll(async () => {
  const en = speech(dir.path, 'en', 'Good morning, thank you for calling. How can I help?')
  const zh = speech(dir.path, 'zh', '您好，我的设备坏了。', 'cmn')
  stereo = stereoCall(dir.path, en, zh, 5)
  syntheticModel('micro')
  sys = await startSystem({
    config: testConfig(dir.path),
    namespace: uniqueNamespace(),
    log: () => {},
    services: [
      transcriptionService({
        model: modelPath,
        modelPollMs: 200,
        workers: 2,
        maxAttempts: 2,
        retryDelayMs: 100,
        workerEnv: { MOFANG_TRANSCRIBE_CRASH_MARKER: 'crash-the-worker' },
        // The QA engine's pipeline, scored in-process: what qa/service.ts scoreTranscript does before storing.
        scoreTranscript: async (_tenant: string, id: string, turns: Turn[], extra: TranscriptExtra) => {
          scored.set(
            id,
            scoreInteraction({
              interaction_id: id,
              channel: 'voice',
              turns,
              audio: extra.audio,
              language: extra.language,
            }),
          )
        },
      }),
    ],
  })
}, 60_000)
afterAll(async () => {
  await sys?.stop()
  dir.remove()
})

const recording = (id: string, url: string, payload: Record<string, unknown> = {}) => ({
  event_id: `rec-${id}`,
  tenant: TEST_TENANT,
  ts: Date.now(),
  channel: 'voice',
  type: 'voice.recording_available',
  interaction_id: id,
  payload: { url, ...payload },
})
const statusOf = async (id: string): Promise<TranscriptRow | undefined> => getTranscript(sys.warehouse, TEST_TENANT, id)
const health = async () =>
  (
    (await (await fetch(`${sys.url}/healthz`, { headers: { authorization: `Bearer ${sys.adminToken}` } })).json()) as {
      components: Record<string, { ok: boolean; detail: Record<string, unknown> }>
    }
  ).components.transcription

describe('transcription service', () => {
  it('stores calls as awaiting without a model, warns on /healthz, then works off the backlog when one appears', async () => {
    const res = await postEvents(
      sys.url,
      JSON.stringify([
        recording('call-1', stereo, { channels: 2, agent_channel: 0, format: 'wav' }),
        recording('call-bad', notAudio(dir.path)),
      ]),
    )
    expect(res.status).toBe(202)
    const awaiting = await eventually(
      async () => (await statusOf('call-1'))?.status === 'awaiting' && statusOf('call-1'),
      { what: 'awaiting row' },
    )
    expect(awaiting && awaiting.error).toMatch(/awaiting transcription: no Whisper model at .*ggml-test\.bin/)
    const h = await health()
    expect(h.ok).toBe(true)
    expect(h.detail).toMatchObject({ state: 'awaiting_model', warning: expect.stringMatching(/no Whisper model/) })
    await eventually(async () => (await health()).detail.backlog === 2, { what: 'backlog of 2' })

    mkdirSync(join(dir.path, 'model'), { recursive: true })
    copyFileSync(syntheticModel('micro'), modelPath)

    const done = await eventually(
      async () => {
        const r = await statusOf('call-1')
        return r?.status === 'done' && r
      },
      { what: 'transcript', timeoutMs: 60_000 },
    )
    expect(done && done.channels).toBe(2)
    expect(done && new Set(done.turns.map((t) => t.speaker))).toEqual(new Set(['agent', 'customer']))
    expect(done && done.audio?.silences.some((s) => s.end_ms - s.start_ms >= 4_000)).toBe(true)
    // The QA result appears without anyone asking, with the dead-air check fed by the audio statistics.
    const qa = await eventually(async () => scored.get('call-1'), { what: 'QA result' })
    expect(qa?.checks.dead_air?.applicable).toBe(true)

    const bad = await eventually(
      async () => {
        const r = await statusOf('call-bad')
        return r?.status === 'failed' && r
      },
      { what: 'failed row' },
    )
    expect(bad && bad.error).toMatch(/recording_not_audio: not a readable audio file/)
    expect(bad && bad.attempts).toBe(1)
    expect((await health()).detail).toMatchObject({ state: 'ready', workers: 2 })
  }, 90_000)

  it('retries a job that crashes its worker, then dead-letters it with the reason; the queue keeps moving', async () => {
    await postEvents(
      sys.url,
      JSON.stringify([
        recording('call-crash', `${stereo}#crash-the-worker`),
        recording('call-2', stereo, { channels: 2, agent_channel: 1 }),
      ]),
    )
    const failed = await eventually(
      async () => {
        const r = await statusOf('call-crash')
        return r?.status === 'failed' && r
      },
      { what: 'dead-lettered job', timeoutMs: 60_000 },
    )
    expect(failed && failed.error).toMatch(/^worker_crash: transcription worker died .* \(after 2 attempts\)/)
    expect(failed && failed.attempts).toBe(2)
    const ok = await eventually(async () => (await statusOf('call-2'))?.status === 'done', {
      what: 'call-2 transcript',
      timeoutMs: 60_000,
    })
    expect(ok).toBe(true)

    const names = transcribeNames(sys.topology)
    const { jetstreamManager } = await import('@nats-io/jetstream')
    const jsm = await jetstreamManager(sys.nats.nc)
    const msg = await jsm.streams.getMessage(sys.topology.dlqStream, {
      last_by_subj: `${names.dlqSubject}.${TEST_TENANT}`,
    })
    expect(msg?.header.get('Mofang-Reason')).toBe('worker_crash')
    expect(msg?.header.get('Mofang-Attempts')).toBe('2')
    await eventually(async () => (await health()).detail.backlog === 0, { what: 'empty queue' })
  }, 90_000)
})
