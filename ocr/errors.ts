/**
 * Why an attachment could not be read. A refusal is about the attachment itself, so retrying cannot help: it
 * becomes the `error` of that image's OcrResult and stored row, and the message is acknowledged as usual.
 */
export type AttachmentRefusalReason =
  /** The bytes are not a picture (no image format's magic number). */
  | 'not_image'
  /** Zero bytes. */
  | 'empty'
  /** Larger than the limit for its source. */
  | 'too_large'
  /** The attachment says it is something other than an image (content_type, kind). */
  | 'wrong_type'
  /** The URL did not answer, answered an error, or names no stored file. */
  | 'unreachable'
  /** An image that cannot be decoded (truncated, corrupt), or an attachment with no bytes to read at all. */
  | 'unreadable'

export class AttachmentRefusal extends Error {
  constructor(
    readonly reason: AttachmentRefusalReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'AttachmentRefusal'
  }
}

/** The error text stored and published: `<reason>: <message>`, so the reason can be grouped on. */
export const refusalText = (err: AttachmentRefusal) => `${err.reason}: ${err.message}`.slice(0, 512)
