/**
 * One image → its text and key facts; one attachment on a message → its OcrResult. An attachment's own fault
 * (AttachmentRefusal) becomes the result's `error`; anything else (the pool closed, a worker died) is thrown, so
 * the caller can retry the message.
 */
import type { OcrResult } from '../core/contracts/index.js'
import type { Attachment } from '../core/index.js'
import { factsInText, repairOcrText, type FactValue } from '../kits/facts/index.js'
import { readAttachment, type ReadAttachmentOptions } from './attachment.js'
import { AttachmentRefusal, refusalText } from './errors.js'
import type { OcrPool } from './pool.js'

export interface ImageText {
  /** The lines read, joined with newlines, with OCR's misreadings of error codes repaired. */
  text: string
  facts: FactValue[]
  /** OCR time in the worker, ms. */
  ms: number
}

export async function readImageText(pool: OcrPool, bytes: Uint8Array): Promise<ImageText> {
  const { lines, ms } = await pool.read(bytes)
  const text = repairOcrText(lines.join('\n'))
  return { text, facts: factsInText(text), ms }
}

/** Which attachment of which message. */
export type AttachmentPlace = Pick<OcrResult, 'tenant_id' | 'interaction_id' | 'event_id' | 'attachment_index'>

/** The OcrResult of one image attachment; `reason` is the refusal's reason when it could not be read. */
export async function ocrAttachment(
  pool: OcrPool,
  a: Attachment,
  place: AttachmentPlace,
  opts: ReadAttachmentOptions,
): Promise<OcrResult & { reason?: AttachmentRefusal['reason'] }> {
  const started = Date.now()
  try {
    const { bytes, sha256 } = await readAttachment(a, opts)
    const { text, facts, ms } = await readImageText(pool, bytes)
    return { ...place, sha256, text, facts, error: null, ms }
  } catch (err) {
    if (!(err instanceof AttachmentRefusal)) throw err
    const error = refusalText(err)
    return {
      ...place,
      sha256: a.sha256 ?? null,
      text: '',
      facts: [],
      error,
      ms: Date.now() - started,
      reason: err.reason,
    }
  }
}
