/**
 * An OCR worker thread: loads PaddleOCR's PP-OCRv4 models (ONNX Runtime) once, then reads one image at a time on
 * request. Messages: in `{ id, bytes }`, out `{ id, lines }` or `{ id, error }`; `{ ready: true }` once loaded.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Ocr from '@gutenye/ocr-node'
import type { OcrReply, OcrRequest, OcrWorkerData } from './pool.js'

if (!parentPort) throw new Error('ocr/worker.js must run as a worker thread')
const port = parentPort
const { threads } = workerData as OcrWorkerData
const ocr = await Ocr.create({ onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 } })
port.postMessage({ ready: true } satisfies OcrReply)

port.on('message', (req: OcrRequest) => {
  ocr
    .detect(Buffer.from(req.bytes) as unknown as string) // sharp takes a buffer as well as a path
    .then((lines: { text: string }[]) => port.postMessage({ id: req.id, lines: lines.map((l) => l.text) }))
    .catch((err: unknown) => port.postMessage({ id: req.id, error: (err as Error).message ?? String(err) }))
})
