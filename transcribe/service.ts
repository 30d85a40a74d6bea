/**
 * The transcription service: recording_available events → jobs on a JetStream work queue → a pool of
 * whisper.cpp worker processes → the `transcripts` table → the QA engine. A job is acknowledged only after
 * its transcript is stored. A bad recording ends its job at once with the reason; a crash or other fault is
 * retried and dead-lettered after `maxAttempts`. Without a model, calls are stored as awaiting transcription
 * and the queue waits; the model path is polled and the backlog is worked off as soon as one appears.
 */
import { statSync } from 'node:fs'
import type { JsMsg } from '@nats-io/jetstream'
import { headers as natsHeaders } from '@nats-io/transport-node'
import { decodeEvents } from '../core/contracts/index.js'
import type { Service, ServiceContext, ServiceFactory } from '../core/index.js'
import { redactionPolicy } from '../kits/pii/index.js'
import { RecordingError, WorkerCrashError } from './errors.js'
import { ensureJobQueue, jobOf, transcribeNames } from './jobs.js'
import { extraOf, toQaTurns, type ScoreTranscript } from './handoff.js'
import { findModel } from './model-path.js'
import { createTranscribePool, type TranscribePool } from './pool.js'
import type { RecordingOptions } from './recording.js'
import { markAwaiting, markFailed, redactTranscript, storeTranscript } from './store.js'
import type { TranscribeJob, Transcript } from './types.js'

export interface TranscriptionServiceOptions {
  /** Model file (WHISPER_MODEL); unset = the largest ggml-*.bin in <data>/models. */
  model?: string
  /** How often a missing model is looked for, ms. Default 5,000. */
  modelPollMs?: number
  /** Worker processes. Default: cores ÷ threads. */
  workers?: number
  /** Attempts before a job that keeps failing (not a bad recording) is dead-lettered. Default 3, at least 1. */
  maxAttempts?: number
  /** Delay before a failed job is retried, ms. Default 2,000. */
  retryDelayMs?: number
  /** Job ack wait; running jobs are kept alive within it, ms. Default 60,000. */
  ackWaitMs?: number
  /** Per-job options: threads, maxDurationMs, timeoutMs (download), language, domainWords. */
  recording?: RecordingOptions
  /**
   * Called after each transcript is stored: the QA service's `scoreTranscript`, handed over by the composition root.
   */
  scoreTranscript: ScoreTranscript
  /** Extra worker environment (tests inject faults this way). */
  workerEnv?: Record<string, string>
}

type State = 'awaiting_model' | 'starting' | 'ready' | 'model_error'

const decoder = new TextDecoder()
const encoder = new TextEncoder()

export function transcriptionService(opts: TranscriptionServiceOptions): ServiceFactory {
  return async (ctx: ServiceContext): Promise<Service> => {
    const { js, jsm, nats, topology, warehouse, log, config } = ctx
    const names = transcribeNames(topology)
    const maxAttempts = Math.max(1, opts.maxAttempts ?? 3)
    const ackWaitMs = opts.ackWaitMs ?? 60_000
    const threads = opts.recording?.threads ?? 1
    // Tenants whose transcripts are stored (and handed to QA) PII-masked: MOFANG_REDACT_TENANTS.
    const redaction = redactionPolicy(config.redactTenants)
    const masked = (t: Transcript): Transcript => (redaction?.applies(t.tenant) ? redactTranscript(t) : t)
    await ensureJobQueue(jsm, topology, names, { replicas: config.natsReplicas, ackWaitMs, maxAckPending: 64 })

    let state = 'awaiting_model' as State
    let warning: string | undefined
    let modelPath: string | undefined
    let failedModel: string | undefined
    let pool: TranscribePool | undefined
    let stopping = false
    const counts = { jobs_created: 0, transcribed: 0, failed: 0, dead_lettered: 0, retried: 0 }
    const noModelReason = () =>
      opts.model
        ? `no Whisper model at ${opts.model} (WHISPER_MODEL)`
        : 'no Whisper model: set WHISPER_MODEL or run `mofang models pull tiny`'

    // Jobs from events: stored as awaiting first, so a call is visible whether or not a model is there.
    const creator = await (
      await js.consumers.get(topology.eventStream, names.creatorConsumer)
    ).consume({ max_messages: 64 })
    const creatorLoop = (async () => {
      for await (const msg of creator) {
        // Stopping: the messages still buffered stay unacknowledged and come again at the next start. Working through
        // them here (an insert and a publish per call) held the shutdown for its whole 20 s drain under load, and the
        // warehouse then closed under the inserts still running.
        if (stopping) break
        try {
          for (const event of decodeEvents(msg.data)) {
            const job = jobOf(event)
            if (!job) continue
            await markAwaiting(
              warehouse,
              job,
              state === 'ready' ? 'awaiting transcription' : `awaiting transcription: ${noModelReason()}`,
            )
            await js.publish(`${names.jobSubject}.${job.tenant}`, encoder.encode(JSON.stringify(job)), {
              msgID: `transcribe-${event.event_id}`,
            })
            counts.jobs_created++
          }
          msg.ack()
        } catch (err) {
          log(`transcribe: recording event ${msg.seq} deferred: ${(err as Error).message}`)
          msg.nak(1_000)
        }
      }
    })().catch((err) => log(`transcribe: event consumer ended: ${(err as Error).message}`))

    const announce = async (job: TranscribeJob, t: Transcript) => {
      nats.nc.publish(`${names.readySubject}.${job.tenant}`, encoder.encode(JSON.stringify(t)))
      try {
        await opts.scoreTranscript(job.tenant, job.interaction_id, toQaTurns(t), extraOf(t))
      } catch (err) {
        // The transcript is stored either way; QA can score it again from the table.
        log(`transcribe: QA scoring of ${job.interaction_id} failed: ${(err as Error).message}`)
      }
    }

    const deadLetter = async (msg: JsMsg, job: TranscribeJob, reason: string, message: string, attempts: number) => {
      await markFailed(warehouse, job, `${reason}: ${message}`, attempts)
      const h = natsHeaders()
      h.set('Mofang-Reason', reason)
      h.set('Mofang-Error', message.slice(0, 1000))
      h.set('Mofang-Attempts', String(attempts))
      await js.publish(`${names.dlqSubject}.${job.tenant}`, msg.data, { headers: h })
      msg.ack()
      counts.failed++
      counts.dead_lettered++
      log(`transcribe: ${job.interaction_id} failed (${reason}): ${message}`)
    }

    const inFlight = new Set<JsMsg>()
    const keepAlive = setInterval(() => inFlight.forEach((m) => m.working()), ackWaitMs / 3)

    const handle = async (msg: JsMsg, p: TranscribePool) => {
      const job = JSON.parse(decoder.decode(msg.data)) as TranscribeJob
      const attempts = msg.info.deliveryCount
      try {
        const t = masked(await p.run(job))
        await storeTranscript(warehouse, job, t, attempts)
        msg.ack()
        counts.transcribed++
        await announce(job, t)
      } catch (err) {
        if (stopping) return // redelivered after restart
        const e = err as Error
        if (err instanceof RecordingError)
          return deadLetter(msg, job, `recording_${err.code.toLowerCase()}`, e.message, attempts)
        const reason = err instanceof WorkerCrashError ? 'worker_crash' : 'transcription_error'
        if (attempts >= maxAttempts)
          return deadLetter(msg, job, reason, `${e.message} (after ${attempts} attempts)`, attempts)
        counts.retried++
        log(`transcribe: ${job.interaction_id} attempt ${attempts}/${maxAttempts} failed, retrying: ${e.message}`)
        msg.nak(opts.retryDelayMs ?? 2_000)
      }
    }

    let jobs: Awaited<ReturnType<Awaited<ReturnType<typeof js.consumers.get>>['consume']>> | undefined
    let jobLoop: Promise<void> = Promise.resolve()
    const startJobLoop = async (p: TranscribePool) => {
      jobs = await (await js.consumers.get(names.jobStream, names.workerConsumer)).consume({ max_messages: p.size })
      const free: (() => void)[] = []
      jobLoop = (async () => {
        for await (const msg of jobs!) {
          if (stopping) break
          inFlight.add(msg)
          void handle(msg, p)
            .catch((err) => log(`transcribe: job ${msg.seq}: ${(err as Error).message}`))
            .finally(() => {
              inFlight.delete(msg)
              free.shift()?.()
            })
          while (inFlight.size >= p.size && !stopping) await new Promise<void>((r) => free.push(r))
        }
      })().catch((err) => log(`transcribe: job consumer ended: ${(err as Error).message}`))
    }

    // The model watcher: loads the model when it appears (or changes after a failed load).
    const watch = async () => {
      if (pool || stopping || state === 'starting') return
      const path = findModel(opts.model, config.dataDir)
      if (!path) {
        if (warning === undefined)
          log(`transcribe: WARNING ${noModelReason()}; recordings are stored as awaiting transcription`)
        warning = noModelReason()
        return
      }
      const fingerprint = `${path}:${statSync(path).size}:${statSync(path).mtimeMs}`
      if (fingerprint === failedModel) return
      state = 'starting'
      try {
        const p = await createTranscribePool({
          model: path,
          size: opts.workers,
          recording: opts.recording,
          env: opts.workerEnv,
        })
        if (stopping) return void (await p.close())
        pool = p
        modelPath = path
        state = 'ready'
        warning = undefined
        log(`transcribe: ${p.size} worker(s) × ${threads} thread(s) on ${path}`)
        await startJobLoop(p)
      } catch (err) {
        failedModel = fingerprint
        state = 'model_error'
        warning = `the Whisper model ${path} could not be loaded: ${(err as Error).message}`
        log(`transcribe: WARNING ${warning}`)
      }
    }
    const poll = setInterval(() => void watch(), opts.modelPollMs ?? 5_000)
    await watch()

    return {
      name: 'transcription',
      async health() {
        const [queue] = await Promise.all([jsm.consumers.info(names.jobStream, names.workerConsumer)])
        return {
          // No model is a warning, not an outage: recordings are kept and worked off when one appears.
          ok: state !== 'model_error',
          detail: {
            state,
            model: modelPath ?? null,
            ...(warning ? { warning } : {}),
            workers: pool?.size ?? 0,
            threads_per_worker: threads,
            in_flight: inFlight.size,
            backlog: queue.num_pending + queue.num_ack_pending,
            ...counts,
          },
        }
      },
      async stop() {
        stopping = true
        clearInterval(poll)
        clearInterval(keepAlive)
        await creator.close()
        await creatorLoop
        await jobs?.close()
        await pool?.close()
        await jobLoop
      },
    }
  }
}
