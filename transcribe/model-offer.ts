/**
 * `mofang start` without a Whisper model: calls are kept as awaiting transcription, so the start says so and, when
 * the model host answers, offers the tiny model. On a terminal it asks (the download runs in the background; the
 * transcription service picks the file up on its next poll); otherwise it prints the command and never waits.
 */
import { createInterface } from 'node:readline'
import { findModel, modelsDir } from './model-path.js'
import { MODEL_HOST, pullModel } from './models.js'

/** The command that fetches the model the offer is about. */
export const PULL_TINY = 'mofang models pull tiny'

export interface ModelOfferOptions {
  /** WHISPER_MODEL: when set, the operator chose a file; nothing is offered. */
  model?: string
  dataDir: string
  /** Model host to reach (tests: a local server). Default MODEL_HOST. */
  host?: string
  /** The reachability check's time limit, ms. Default 2,000. */
  timeoutMs?: number
  /** Ask on a terminal. Default: stdin and stdout are both TTYs. */
  interactive?: boolean
  /** Asks a yes/no question; default a readline prompt on stdin/stdout. */
  ask?: (question: string) => Promise<string>
  log: (line: string) => void
}

export type ModelOfferOutcome = 'present' | 'chosen' | 'offline' | 'printed' | 'declined' | 'pulled' | 'failed'

/** True when the host answers a HEAD for the tiny model within the limit (any HTTP status: the network is there). */
export async function modelHostReachable(host = MODEL_HOST, timeoutMs = 2_000): Promise<boolean> {
  try {
    await fetch(`${host}/ggml-tiny.bin`, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
    return true
  } catch {
    return false
  }
}

function askOnTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  return new Promise((resolve) => {
    // Ctrl-C at the prompt must still stop Mofang: readline would otherwise swallow it.
    rl.on('SIGINT', () => {
      rl.close()
      resolve('')
      process.kill(process.pid, 'SIGINT')
    })
    rl.question(question, (answer) => {
      rl.close()
      resolve(answer)
    })
  })
}

export async function offerWhisperModel(o: ModelOfferOptions): Promise<ModelOfferOutcome> {
  if (o.model) return 'chosen'
  if (findModel(undefined, o.dataDir)) return 'present'
  const waiting = 'no Whisper model: simulated and recorded calls wait for transcription and QA'
  if (!(await modelHostReachable(o.host, o.timeoutMs))) {
    o.log(`${waiting} (the model host is not reachable; with a network run \`${PULL_TINY}\`)`)
    return 'offline'
  }
  if (!(o.interactive ?? (process.stdin.isTTY && process.stdout.isTTY))) {
    o.log(`${waiting}; get the tiny model (75 MiB) with \`${PULL_TINY}\` (from a checkout: npx ${PULL_TINY})`)
    return 'printed'
  }
  const answer = await (o.ask ?? askOnTerminal)(`${waiting}. Download the tiny model (75 MiB) now? [y/N] `)
  if (!/^y(es)?$/i.test(answer.trim())) {
    o.log(`not downloaded; later: \`${PULL_TINY}\``)
    return 'declined'
  }
  try {
    let shown = 0
    const model = await pullModel('tiny', {
      dir: modelsDir(o.dataDir),
      host: o.host,
      onProgress: (done, total) => {
        const quarter = total ? Math.floor((4 * done) / total) : 0
        if (quarter > shown && quarter < 4) o.log(`tiny model: ${25 * quarter} %`)
        shown = Math.max(shown, quarter)
      },
    })
    o.log(`tiny model verified at ${model.path}: transcription starts on its next look for a model`)
    return 'pulled'
  } catch (err) {
    o.log(`the tiny model could not be downloaded (${(err as Error).message}); try \`${PULL_TINY}\``)
    return 'failed'
  }
}
