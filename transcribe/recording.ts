/**
 * One recording to one transcript, as named steps: fetch, probe (refuse over-long or non-audio files before
 * decoding), decode to 16 kHz PCM, voice activity statistics, transcription per channel, merge. Runs in the
 * worker processes and in the batch command.
 */
import { decodeAudio, probeAudio } from './audio.js'
import { RecordingError } from './errors.js'
import { fetchRecording, type FetchOptions } from './fetch-recording.js'
import { mergeChannels } from './merge.js'
import type { Transcriber } from './transcriber.js'
import type { TranscribeJob, Transcript, TranscriptSpeaker } from './types.js'
import { audioStats, type VadOptions } from './vad.js'
import { hanShare } from '../qa/index.js'

export interface RecordingOptions extends FetchOptions {
  /** Longest recording accepted, ms; longer ones fail before decoding. Default 2 hours. */
  maxDurationMs?: number
  /** CPU threads per transcription call. Default 1. */
  threads?: number
  /** Language when the job does not say: 'zh', 'en' or 'auto'. Default 'auto'. */
  language?: string
  domainWords?: readonly string[]
  vad?: VadOptions
}

export const DEFAULT_MAX_DURATION_MS = 2 * 3600_000

function checkDuration(ms: number, max: number): void {
  if (ms > max)
    throw new RecordingError(
      'TOO_LONG',
      `recording is ${(ms / 3600_000).toFixed(2)} h long; the limit is ${(max / 3600_000).toFixed(2)} h`,
    )
}

/** Spoken language: as declared, else from the transcript's script (Han characters → zh). */
function languageOf(declared: string, texts: string[]): string {
  if (declared === 'zh' || declared === 'en') return declared
  const share = hanShare(texts.join(' '))
  return Number.isNaN(share) ? 'unknown' : share >= 0.3 ? 'zh' : 'en'
}

export async function transcribeRecording(
  job: TranscribeJob,
  transcriber: Transcriber,
  opts: RecordingOptions = {},
): Promise<Transcript> {
  const started = Date.now()
  const max = opts.maxDurationMs ?? DEFAULT_MAX_DURATION_MS
  if (job.duration_ms !== undefined) checkDuration(job.duration_ms, max)
  const local = await fetchRecording(job.url, opts)
  try {
    const info = await probeAudio(local.path)
    checkDuration(info.duration_ms, max)
    const stereo = info.channels >= 2 && job.channels !== 1
    const pcm = await decodeAudio(local.path, stereo ? 2 : 1)
    const agent = job.agent_channel ?? 0
    const speakers: TranscriptSpeaker[] = stereo ? [0, 1].map((c) => (c === agent ? 'agent' : 'customer')) : ['unknown']
    const audio = audioStats(pcm, speakers, opts.vad)
    const language = job.language ?? opts.language ?? 'auto'
    const perChannel = []
    for (const [i, samples] of pcm.entries()) {
      const segments = await transcriber.transcribe(samples, {
        language,
        threads: opts.threads,
        domainWords: opts.domainWords,
      })
      perChannel.push({ speaker: speakers[i], segments })
    }
    const turns = mergeChannels(perChannel)
    return {
      tenant: job.tenant,
      interaction_id: job.interaction_id,
      language: languageOf(
        language,
        turns.map((t) => t.text),
      ),
      model: transcriber.model,
      duration_ms: audio.duration_ms,
      channels: pcm.length,
      turns,
      audio,
      elapsed_ms: Date.now() - started,
    }
  } finally {
    local.release()
  }
}
