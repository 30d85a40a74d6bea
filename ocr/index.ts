/**
 * The public API of ocr/: reading the text of screenshots on messages (PaddleOCR PP-OCRv4 on a worker pool), the
 * attachments' bytes with typed refusals, and the OCR service. Other folders import only this file.
 */
export { ocrService, OCR_EVENT_TYPES, type OcrServiceOptions } from './service.js'
export { createOcrPool, type OcrPool, type OcrPoolOptions, type OcrReading } from './pool.js'
export { readAttachment, isImageAttachment, type ReadAttachmentOptions, type AttachmentBytes } from './attachment.js'
export { AttachmentRefusal, type AttachmentRefusalReason } from './errors.js'
export { readImageText, ocrAttachment, type ImageText, type AttachmentPlace } from './read-image.js'
