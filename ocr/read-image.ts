/**
 * One image → its text and key facts; one attachment on a message → its OcrResult. An attachment's own fault
 * (AttachmentRefusal) becomes the result's `error`; anything else (the pool closed, a worker died) is thrown, so
 * the caller can retry the message.
 */
import sharp from 'sharp'
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

/**
 * The most pixels an image may declare: a long scrolling phone screenshot has ~20 million. A few kilobytes of PNG
 * can declare billions (a decompression bomb) that the decoder would try to allocate.
 */
export const MAX_IMAGE_PIXELS = 40_000_000

/** Refuses (too_large) an image whose header declares more than MAX_IMAGE_PIXELS; reads the header only. */
export async function checkImagePixels(bytes: Uint8Array): Promise<void> {
  let size: { width?: number; height?: number }
  try {
    // sharp's own limit (268 million) would refuse the header read itself, as an undecodable image.
    size = await sharp(bytes, { limitInputPixels: false }).metadata()
  } catch (err) {
    throw new AttachmentRefusal('unreadable', `the image could not be decoded: ${(err as Error).message}`, {
      cause: err,
    })
  }
  const pixels = (size.width ?? 0) * (size.height ?? 0)
  if (pixels > MAX_IMAGE_PIXELS)
    throw new AttachmentRefusal(
      'too_large',
      `the image is ${size.width}×${size.height} pixels (${Math.round(pixels / 1e6)} million), over ${MAX_IMAGE_PIXELS / 1e6} million`,
    )
}

export async function readImageText(pool: OcrPool, bytes: Uint8Array): Promise<ImageText> {
  await checkImagePixels(bytes)
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
