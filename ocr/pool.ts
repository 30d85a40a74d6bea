/**
 * A pool of OCR worker threads (worker_threads), so reading a screenshot (~1–2 s of CPU) never blocks the event
 * loop. Each worker loads the models once (~1 s) and reads one image at a time; images wait in one FIFO queue and
 * go to whichever worker is free. A worker that dies fails only its own image and is replaced. Workers load
 * compiled JS (dist/), so run `npx tsc -p tsconfig.json` first when running from sources.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { compiledSibling } from '../core/index.js'
import { AttachmentRefusal } from './errors.js'

export interface OcrPoolOptions {
  /** Worker threads, each holding its own copy of the models (~60 MB); default 1, at least 1, at most 16. */
  size?: number
  /** ONNX Runtime threads per worker; default the cores divided by the workers, 1 to 4 (more gains little). */
  threads?: number
}

export interface OcrReading {
  /** The lines read, top to bottom, as the model returned them (not yet repaired: see kits/facts repairOcrText). */
  lines: string[]
  /** Time in the worker, ms (what the image cost, without the wait in the queue). */
  ms: number
}

export interface OcrPool {
  readonly size: number
  /**
   * Reads the text of one image (PNG, JPEG, WebP, GIF, BMP…). Rejects with an `unreadable` AttachmentRefusal when
   * the bytes cannot be decoded as an image.
   */
  read(bytes: Uint8Array): Promise<OcrReading>
  /** Images waiting for a free worker. */
  readonly queued: number
  close(): Promise<void>
}

/** @internal The worker's protocol (ocr/worker.ts). */
export interface OcrWorkerData {
  threads: number
}
/** @internal */
export interface OcrRequest {
  id: number
  bytes: Uint8Array
}
/** @internal */
export type OcrReply = { ready: true } | { id: number; lines: string[] } | { id: number; error: string }

interface Job {
  id: number
  bytes: Uint8Array
  started: number
  resolve: (r: OcrReading) => void
  reject: (err: Error) => void
}

interface Slot {
  worker: Worker
  job?: Job
}

/** Starts the workers and resolves once every one has loaded its models (rejects if one cannot). */
export async function createOcrPool(options: OcrPoolOptions = {}): Promise<OcrPool> {
  const size = Math.min(16, Math.max(1, Math.floor(options.size ?? 1)))
  const threads = Math.max(1, Math.floor(options.threads ?? Math.min(4, availableParallelism() / size)))
  const url = compiledSibling(import.meta.url, './worker.js')
  const queue: Job[] = []
  let nextId = 0
  let closed = false

  const settle = (slot: Slot, reply: OcrReply) => {
    const job = slot.job
    if ('ready' in reply || !job || reply.id !== job.id) return
    slot.job = undefined
    if ('error' in reply)
      job.reject(new AttachmentRefusal('unreadable', `the image could not be decoded: ${reply.error}`))
    else job.resolve({ lines: reply.lines, ms: Date.now() - job.started })
    dispatch()
  }

  /** A worker, ready once its models are loaded; one that dies fails its image and is replaced. */
  const spawn = (): Promise<Slot> =>
    new Promise((resolve, reject) => {
      const slot: Slot = { worker: new Worker(url, { workerData: { threads } satisfies OcrWorkerData }) }
      let ready = false
      slot.worker.on('message', (reply: OcrReply) => {
        if ('ready' in reply) {
          ready = true
          resolve(slot)
        } else settle(slot, reply)
      })
      slot.worker.on('error', (err) => {
        if (!ready) reject(new Error(`an OCR worker could not load its models: ${err.message}`, { cause: err }))
      })
      slot.worker.on('exit', (code) => {
        if (!ready || closed) return
        slot.job?.reject(new Error(`the OCR worker stopped (exit code ${code}) while reading this image`))
        slot.job = undefined
        const i = slots.indexOf(slot)
        void spawn().then(
          (fresh) => {
            if (closed) return void fresh.worker.terminate()
            slots[i] = fresh
            dispatch()
          },
          () => slots.splice(i, 1),
        )
      })
    })

  const slots: Slot[] = []
  try {
    slots.push(...(await Promise.all(Array.from({ length: size }, spawn))))
  } catch (err) {
    closed = true
    await Promise.all(slots.map((s) => s.worker.terminate()))
    throw err
  }

  function dispatch() {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue
      const job = queue.shift()!
      slot.job = job
      job.started = Date.now()
      // A private copy, transferred rather than cloned: the caller keeps its buffer.
      const bytes = new Uint8Array(job.bytes)
      slot.worker.postMessage({ id: job.id, bytes } satisfies OcrRequest, [bytes.buffer])
    }
  }

  return {
    size,
    get queued() {
      return queue.length
    },
    read(bytes) {
      if (closed) return Promise.reject(new Error('the OCR pool is closed'))
      return new Promise<OcrReading>((resolve, reject) => {
        queue.push({ id: nextId++, bytes, started: 0, resolve, reject })
        dispatch()
      })
    },
    async close() {
      closed = true
      for (const job of queue.splice(0)) job.reject(new Error('the OCR pool closed before this image was read'))
      await Promise.all(
        slots.map((s) => {
          s.job?.reject(new Error('the OCR pool closed while reading this image'))
          return s.worker.terminate()
        }),
      )
    },
  }
}
