/**
 * Real call recordings for the simulator: each simulated call's turns spoken by Debian's espeak-ng (Mandarin `cmn`
 * or English `en`, a lower voice for the agent and a higher one for the customer) and mixed into a 16-bit stereo
 * WAV with the agent on the channel the recording event names, so the recording → transcript → QA path runs on the
 * demo. Rendering is off the simulation's hot path: `record()` only queues the call and answers where the file
 * will be; a few espeak-ng children at a time do the work. The file appears under its final name only when
 * complete (written as .part, then renamed), so a reader never sees half a recording.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Language } from './names.js'
import type { Turn } from './transcript.js'
import { readMonoWav, resample, stereoWav } from './recordings-wav.js'

/** One call as the recording writer needs it. */
export interface CallScript {
  /** Interaction id: the file is `<id>.wav`. */
  id: string
  language: Language
  /** Stereo channel of the agent (0 = left); the customer is on the other. */
  agentChannel: 0 | 1
  /** Agent and customer turns in order; `gapMs` sets the pause before each (see pauseBefore). */
  turns: Turn[]
  /** Simulated time the call ended, ms: calls before RecordingWriterOptions.from are not rendered. */
  endedAt: number
}

/** What the simulation hands finished calls to. */
export interface CallRecorder {
  /** Queues the call; answers the file URL it will have, or undefined when it will not be rendered. */
  record(call: CallScript): string | undefined
}

export interface RecordingWriterOptions {
  /** Folder the WAV files go to; created when missing. */
  dir: string
  /**
   * Simulated time (ms) before which calls are not rendered: the live simulator passes its live start (less a little)
   * so a back-fill of many past calls does not queue thousands of renders. Default 0: every call.
   */
  from?: number
  /** Calls rendered at once (each one espeak-ng child at a time). Default 1: the demo shares two cores. */
  concurrency?: number
  /** Calls queued beyond those rendering; further calls are not rendered while the queue is full. Default 100. */
  maxQueued?: number
  /** Output sample rate, Hz. Default 16,000 (what Whisper reads). */
  sampleRate?: number
  /** The espeak-ng command. Default `espeak-ng` on PATH. */
  espeak?: string
  /** Status lines. Default: stderr. */
  log?: (line: string) => void
}

export interface RecordingStats {
  rendered: number
  /** Not rendered: before `from`, queue full, or no espeak-ng. */
  skipped: number
  failed: number
  queued: number
  /** Wall time spent rendering (espeak-ng + mixing + writing), summed over calls, ms. */
  renderMs: number
  /** Audio written, summed over calls, ms. */
  audioMs: number
}

/** An espeak-ng voice: name (+variant), pitch 0–99, speed in words per minute. */
interface Voice {
  voice: string
  pitch: number
  wpm: number
}

/**
 * Voices per language and side. A little faster than espeak-ng's 175 wpm: its Mandarin is slow, and every second
 * of speech is 64 kB of file.
 */
const VOICES: Record<Language, Record<'agent' | 'customer', Voice>> = {
  zh: { agent: { voice: 'cmn', pitch: 35, wpm: 210 }, customer: { voice: 'cmn+f3', pitch: 65, wpm: 220 } },
  en: { agent: { voice: 'en', pitch: 35, wpm: 190 }, customer: { voice: 'en+f3', pitch: 65, wpm: 200 } },
}

/**
 * The silence before a turn, ms. The transcript's gaps are typing times (seconds to minutes, made for chat); a call
 * answers faster, so they are scaled down to a speaking pause. Keeps a five-minute call's file a few MB, not 20.
 */
export function pauseBefore(turn: Turn): number {
  return Math.min(2_000, Math.max(300, Math.round(turn.gapMs / 20)))
}

/** True when `command --version` runs. */
export function hasEspeak(command = 'espeak-ng'): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0
}

/** Speaks one line: espeak-ng's WAV on stdout, text on stdin (no argument parsing of the text). */
function speak(command: string, voice: Voice, text: string): Promise<Buffer> {
  return new Promise((done, fail) => {
    const args = ['-v', voice.voice, '-p', String(voice.pitch), '-s', String(voice.wpm), '--stdout']
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    let err = ''
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-1000)))
    child.on('error', fail)
    child.on('close', (code) =>
      code === 0 ? done(Buffer.concat(out)) : fail(new Error(`espeak-ng exited ${code}: ${err.trim()}`)),
    )
    child.stdin.end(text)
  })
}

/** Renders a call to a stereo WAV buffer: each turn on its side's channel, after its pause. */
export async function renderCall(call: CallScript, sampleRate = 16_000, command = 'espeak-ng'): Promise<Buffer> {
  const placed: { channel: 0 | 1; at: number; samples: Int16Array }[] = []
  let cursor = 0
  for (const turn of call.turns) {
    const side = turn.role === 'agent' ? 'agent' : 'customer'
    const samples = resample(readMonoWav(await speak(command, VOICES[call.language][side], turn.text)), sampleRate)
    const at = cursor + Math.round((pauseBefore(turn) * sampleRate) / 1000)
    placed.push({ channel: side === 'agent' ? call.agentChannel : ((1 - call.agentChannel) as 0 | 1), at, samples })
    cursor = at + samples.length
  }
  const frames = cursor + Math.round(sampleRate / 2) // half a second of room after the last word
  const channels = [new Int16Array(frames), new Int16Array(frames)]
  for (const p of placed) channels[p.channel].set(p.samples, p.at)
  return stereoWav(channels[0], channels[1], sampleRate)
}

export class RecordingWriter implements CallRecorder {
  private readonly dir: string
  private readonly from: number
  private readonly concurrency: number
  private readonly maxQueued: number
  private readonly sampleRate: number
  private readonly espeak: string
  private readonly log: (line: string) => void
  private readonly available: boolean
  private readonly queue: CallScript[] = []
  private running = 0
  private readonly idleWaiters: (() => void)[] = []
  private fullLogged = false
  private readonly counts: Omit<RecordingStats, 'queued'> = {
    rendered: 0,
    skipped: 0,
    failed: 0,
    renderMs: 0,
    audioMs: 0,
  }

  constructor(opts: RecordingWriterOptions) {
    this.dir = opts.dir
    this.from = opts.from ?? 0
    this.concurrency = Math.max(1, opts.concurrency ?? 1)
    this.maxQueued = Math.max(0, opts.maxQueued ?? 100)
    this.sampleRate = opts.sampleRate ?? 16_000
    this.espeak = opts.espeak ?? 'espeak-ng'
    this.log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'))
    this.available = hasEspeak(this.espeak)
    if (!this.available)
      this.log(
        `recordings: ${this.espeak} not found (Debian: apt-get install espeak-ng): simulated calls keep their recording event but have no audio, so they are not transcribed`,
      )
    else mkdirSync(this.dir, { recursive: true })
  }

  record(call: CallScript): string | undefined {
    if (!this.available || call.endedAt < this.from) return this.skip()
    if (this.queue.length >= this.maxQueued) {
      if (!this.fullLogged)
        this.log(`recordings: ${this.maxQueued} calls wait to be rendered; later calls get no audio until it drains`)
      this.fullLogged = true
      return this.skip()
    }
    this.fullLogged = false
    this.queue.push(call)
    this.pump()
    return pathToFileURL(this.pathOf(call.id)).href
  }

  stats(): RecordingStats {
    return { ...this.counts, queued: this.queue.length + this.running }
  }

  /** Resolves when nothing is queued or rendering. */
  idle(): Promise<void> {
    if (this.queue.length + this.running === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private skip(): undefined {
    this.counts.skipped++
    return undefined
  }

  private pathOf(id: string): string {
    // Interaction ids are [A-Za-z0-9_-] in the simulator; anything else is replaced so it cannot leave the folder.
    return join(this.dir, `${id.replace(/[^\w-]/g, '_')}.wav`)
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const call = this.queue.shift()!
      this.running++
      void this.render(call).finally(() => {
        this.running--
        this.pump()
        if (this.queue.length + this.running === 0) this.idleWaiters.splice(0).forEach((w) => w())
      })
    }
  }

  private async render(call: CallScript): Promise<void> {
    const t0 = performance.now()
    const path = this.pathOf(call.id)
    try {
      const wav = await renderCall(call, this.sampleRate, this.espeak)
      writeFileSync(`${path}.part`, wav)
      renameSync(`${path}.part`, path)
      this.counts.rendered++
      this.counts.audioMs += Math.round(((wav.length - 44) / 4 / this.sampleRate) * 1000)
    } catch (err) {
      this.counts.failed++
      this.log(`recordings: ${call.id} not rendered: ${(err as Error).message}`)
    } finally {
      this.counts.renderMs += performance.now() - t0
    }
  }
}
