/**
 * Speech to timed text. `Transcriber` is the seam: the whisper.cpp implementation below runs in worker
 * processes; tests and other engines can supply their own.
 */
import { basename } from 'node:path'
import { SAMPLE_RATE } from './audio.js'
import { applyDomainWords } from './domain-words.js'

export interface TimedSegment {
  /** From the start of the audio, ms. */
  start_ms: number
  end_ms: number
  text: string
}

export interface TranscribeOptions {
  /** 'zh', 'en' or 'auto' (whisper detects it per call). Default 'auto'. */
  language?: string
  /** CPU threads for this call. Default 1. */
  threads?: number
  /**
   * Domain words (product models, error codes) that should come out spelled exactly so. whisper.cpp takes them
   * as an initial prompt, but @spader/node-whisper-cpp 0.2 only passes pcm, language and threads through, so
   * they are applied to the output instead (see domain-words.ts).
   */
  domainWords?: readonly string[]
}

export interface Transcriber {
  /** The model in use, e.g. ggml-small.bin. */
  readonly model: string
  transcribe(pcm: Float32Array, opts?: TranscribeOptions): Promise<TimedSegment[]>
  close(): void
}

/** whisper.cpp through @spader/node-whisper-cpp (prebuilt N-API, runs off the event loop). */
export async function createWhisperTranscriber(modelPath: string): Promise<Transcriber> {
  // The loader would otherwise probe for nvidia-smi and vulkaninfo and pick a GPU build we do not install.
  process.env.NODE_WHISPER_CPP_BACKEND ??= 'cpu'
  const whisper = await import('@spader/node-whisper-cpp')
  const ctx = whisper.createContext({ model: modelPath, use_gpu: false })
  return {
    model: basename(modelPath),
    async transcribe(pcm, opts = {}) {
      const durationMs = (pcm.length / SAMPLE_RATE) * 1000
      const segments = await ctx.transcribe({ pcm, language: opts.language ?? 'auto', threads: opts.threads ?? 1 })
      // whisper.cpp times are in 10 ms ticks and may overshoot the end of the audio slightly.
      return segments
        .map((s) => ({
          start_ms: Math.min(durationMs, s.t0 * 10),
          end_ms: Math.min(durationMs, s.t1 * 10),
          text: applyDomainWords(s.text.trim(), opts.domainWords ?? []),
        }))
        .filter((s) => s.text !== '')
    },
    close: () => ctx.free(),
  }
}
