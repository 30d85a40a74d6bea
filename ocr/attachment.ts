/**
 * The bytes of an image attachment, from wherever the event says they are: inline base64 `data`, a file the
 * channels stored (`/v1/attachments/<sha256>` or `/api/attachments/<sha256>`, channels/attachments.ts), or an
 * http(s) URL (with a timeout and a size limit). Anything that is not a readable picture is refused with a reason
 * (errors.ts); what the bytes are is sniffed from their first bytes, not taken from the sender's word.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { MAX_INLINE_ATTACHMENT_BYTES, type Attachment } from '../core/index.js'
import { sniffContentType, type AttachmentStore } from '../channels/index.js'
import { AttachmentRefusal } from './errors.js'

export interface ReadAttachmentOptions {
  /** The tenant whose stored files a `/…/attachments/<sha256>` URL names. */
  tenant: string
  /** The channels' attachment store (`<data>/attachments`); without it, stored-file URLs are unreachable. */
  store?: Pick<AttachmentStore, 'pathOf'>
  /** Largest stored or downloaded image read, bytes; default 10 MiB (a screenshot is far smaller). */
  maxBytes?: number
  /** How long an http(s) download may take, ms; default 10,000. */
  fetchTimeoutMs?: number
  /** The fetch for http(s) URLs (tests hand in their own); default global fetch. */
  fetch?: typeof fetch
}

export interface AttachmentBytes {
  bytes: Uint8Array
  sha256: string
}

const STORED = /^\/(?:v1|api)\/attachments\/([0-9a-f]{64})$/
const DEFAULT_MAX_BYTES = 10 * 2 ** 20

/** Whether OCR should look at this attachment: an image by its kind or its declared content type. */
export const isImageAttachment = (a: Attachment) => a.kind === 'image' || /^image\//i.test(a.content_type ?? '')

/** An attachment's picture, or an AttachmentRefusal saying why not. */
export async function readAttachment(a: Attachment, opts: ReadAttachmentOptions): Promise<AttachmentBytes> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  if (a.content_type && !/^image\//i.test(a.content_type))
    throw new AttachmentRefusal('wrong_type', `the attachment is ${a.content_type}, not an image`)
  if (a.kind !== 'image' && !a.content_type)
    throw new AttachmentRefusal('wrong_type', `the attachment is a ${a.kind}, not an image`)
  const bytes = checkImageBytes(await fetchBytes(a, opts, maxBytes))
  return { bytes, sha256: a.sha256 ?? createHash('sha256').update(bytes).digest('hex') }
}

/** The bytes when they are a picture by their magic number; an `empty` or `not_image` refusal otherwise. */
export function checkImageBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) throw new AttachmentRefusal('empty', 'the image is empty (0 bytes)')
  const sniffed = sniffContentType(bytes)
  if (!sniffed?.startsWith('image/'))
    throw new AttachmentRefusal(
      'not_image',
      sniffed ? `the bytes are ${sniffed}, not an image` : 'the bytes are not an image (no known picture format)',
    )
  return bytes
}

async function fetchBytes(a: Attachment, opts: ReadAttachmentOptions, maxBytes: number): Promise<Uint8Array> {
  if (a.data !== undefined) {
    const bytes = Buffer.from(a.data, 'base64')
    if (bytes.length > MAX_INLINE_ATTACHMENT_BYTES)
      throw new AttachmentRefusal(
        'too_large',
        `inline data is ${bytes.length} bytes, over ${MAX_INLINE_ATTACHMENT_BYTES}`,
      )
    return bytes
  }
  // The channel could not keep the file: its URL (if any) is the platform's, stripped of the access token.
  if (a.error) throw new AttachmentRefusal('unreadable', `the channel could not keep it: ${a.error}`)
  if (!a.url) throw new AttachmentRefusal('unreadable', 'the attachment has neither data nor a URL')
  const stored = STORED.exec(a.url)
  if (stored) return readStored(stored[1], opts, maxBytes)
  if (/^https?:\/\//i.test(a.url)) return download(a.url, opts, maxBytes)
  throw new AttachmentRefusal('unreachable', `cannot fetch ${a.url.slice(0, 200)}: not http(s) nor a stored attachment`)
}

async function readStored(sha256: string, opts: ReadAttachmentOptions, maxBytes: number): Promise<Uint8Array> {
  const path = opts.store?.pathOf(opts.tenant, sha256)
  if (!path) throw new AttachmentRefusal('unreachable', `no stored attachment ${sha256} for tenant ${opts.tenant}`)
  const { size } = await stat(path)
  if (size > maxBytes) throw new AttachmentRefusal('too_large', `the stored file is ${size} bytes, over ${maxBytes}`)
  return readFile(path)
}

async function download(url: string, opts: ReadAttachmentOptions, maxBytes: number): Promise<Uint8Array> {
  const timeoutMs = opts.fetchTimeoutMs ?? 10_000
  let where: string
  try {
    const u = new URL(url)
    where = `${u.origin}${u.pathname}`.slice(0, 200) // the query may hold an access token
  } catch {
    throw new AttachmentRefusal('unreachable', 'the URL is malformed')
  }
  try {
    const res = await (opts.fetch ?? fetch)(url, { signal: AbortSignal.timeout(timeoutMs) })
    if (!res.ok) throw new AttachmentRefusal('unreachable', `${where} answered ${res.status}`)
    const declared = Number(res.headers.get('content-length'))
    if (declared > maxBytes)
      throw new AttachmentRefusal('too_large', `${where} is ${declared} bytes (content-length), over ${maxBytes}`)
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of res.body ?? []) {
      size += chunk.length
      if (size > maxBytes) throw new AttachmentRefusal('too_large', `${where} sent more than ${maxBytes} bytes`)
      chunks.push(chunk)
    }
    return Buffer.concat(chunks)
  } catch (err) {
    if (err instanceof AttachmentRefusal) throw err
    // fetch says only "fetch failed"; the cause names the fault (ECONNREFUSED, ENOTFOUND…).
    const cause = (err as Error).cause as { code?: string; message?: string } | undefined
    const why =
      (err as Error).name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : (cause ?? (err as Error).message)
    throw new AttachmentRefusal('unreachable', `${where}: ${why}`, { cause: err })
  }
}
