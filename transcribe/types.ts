/** Shapes shared by the transcription worker, the service, the store and the batch command. */
import type { AudioStats } from '../qa/index.js'

/** Who spoke a turn: attributed from the stereo channel, `unknown` on mono recordings. */
export type TranscriptSpeaker = 'agent' | 'customer' | 'unknown'

export interface TranscriptTurn {
  speaker: TranscriptSpeaker
  text: string
  /** From the start of the recording, ms. */
  start_ms: number
  end_ms: number
}

/** Audio statistics for QA's dead-air check, plus overtalk (both channels voiced at once; stereo only). */
export interface TranscriptAudioStats extends AudioStats {
  silence_ms: number
  silences: { start_ms: number; end_ms: number }[]
  /** Both parties speaking at once, ms; 0 on mono. */
  overtalk_ms: number
  /** Voiced time per party, ms (mono: all under `unknown`). */
  talk_ms: Partial<Record<TranscriptSpeaker, number>>
}

/** One transcription job: a recording_available event, flattened. */
export interface TranscribeJob {
  tenant: string
  interaction_id: string
  /** File path, file:// URL or http(s) URL. */
  url: string
  format?: string
  channels?: number
  /** Stereo channel (0 = left) carrying the agent. Default 0. */
  agent_channel?: number
  /** Declared length, ms: lets an over-long recording be refused before it is fetched. */
  duration_ms?: number
  /** 'zh', 'en' or 'auto'. */
  language?: string
  queue?: string
  /** The recording_available event's ts, ms. */
  ts?: number
}

export interface Transcript {
  tenant: string
  interaction_id: string
  language: string
  /** Model file name, e.g. ggml-small.bin. */
  model: string
  duration_ms: number
  channels: number
  turns: TranscriptTurn[]
  audio: TranscriptAudioStats
  /** Wall time spent, ms (decode + transcription). */
  elapsed_ms: number
}
