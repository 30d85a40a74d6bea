import { createServer, type Server } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAttachmentStore } from '../channels/index.js'
import { MAX_INLINE_ATTACHMENT_BYTES, validateEvent, type Attachment } from '../core/index.js'
import { tempDir } from '../testing/index.js'
import { readAttachment } from './attachment.js'
import { AttachmentRefusal, type AttachmentRefusalReason } from './errors.js'

/** The smallest PNG signature is enough: readAttachment sniffs, it does not decode. */
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)])
const SHA = 'a'.repeat(64)

const refusal = async (a: Attachment, opts = {}) => {
  const err = await readAttachment(a, { tenant: 'acme', ...opts }).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AttachmentRefusal)
  return err as AttachmentRefusal
}

const expectRefusal = async (a: Attachment, reason: AttachmentRefusalReason, message: RegExp, opts = {}) => {
  const err = await refusal(a, opts)
  expect(err.reason).toBe(reason)
  expect(err.message).toMatch(message)
}

describe('readAttachment', () => {
  const dir = tempDir('ocr-attachments')
  let server: Server
  let base = ''

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/shot.png') return res.end(PNG)
      if (req.url === '/huge.png') return res.end(Buffer.concat([PNG, Buffer.alloc(4096)]))
      res.writeHead(404).end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  })
  afterAll(() => {
    server.close()
    dir.remove()
  })

  it('reads inline data, a stored attachment and an http URL', async () => {
    const inline = await readAttachment({ kind: 'image', data: PNG.toString('base64') }, { tenant: 'acme' })
    expect(Buffer.from(inline.bytes)).toEqual(PNG)
    expect(inline.sha256).toMatch(/^[0-9a-f]{64}$/)

    mkdirSync(join(dir.path, 'acme', SHA.slice(0, 2)), { recursive: true })
    writeFileSync(join(dir.path, 'acme', SHA.slice(0, 2), SHA), PNG)
    const store = createAttachmentStore({ dir: dir.path })
    for (const url of [`/v1/attachments/${SHA}`, `/api/attachments/${SHA}`]) {
      const stored = await readAttachment({ kind: 'image', url, sha256: SHA }, { tenant: 'acme', store })
      expect(stored.sha256).toBe(SHA)
    }
    const fetched = await readAttachment({ kind: 'image', url: `${base}/shot.png` }, { tenant: 'acme' })
    expect(Buffer.from(fetched.bytes)).toEqual(PNG)
  })

  it('refuses each kind of bad attachment with a clear reason', async () => {
    await expectRefusal(
      { kind: 'image', data: Buffer.from('hello, not a picture').toString('base64') },
      'not_image',
      /not an image/,
    )
    await expectRefusal(
      { kind: 'image', url: `${base}/shot.png`, content_type: 'application/pdf' },
      'wrong_type',
      /application\/pdf, not an image/,
    )
    await expectRefusal({ kind: 'audio', url: `${base}/shot.png` }, 'wrong_type', /audio, not an image/)
    await expectRefusal({ kind: 'image', url: `${base}/huge.png` }, 'too_large', /over 1000/, { maxBytes: 1000 })
    await expectRefusal({ kind: 'image', url: `${base}/missing.png` }, 'unreachable', /answered 404/)
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const deadPort = (closed.address() as { port: number }).port
    await new Promise((r) => closed.close(r))
    await expectRefusal({ kind: 'image', url: `http://127.0.0.1:${deadPort}/shot.png` }, 'unreachable', /ECONNREFUSED/)
    await expectRefusal(
      { kind: 'image', url: `/v1/attachments/${'b'.repeat(64)}` },
      'unreachable',
      /no stored attachment/,
    )
    await expectRefusal(
      { kind: 'image', error: 'not kept: the platform answered 500' },
      'unreadable',
      /could not keep it/,
    )
    await expectRefusal({ kind: 'image' }, 'unreadable', /neither data nor a URL/)
  })

  it('refuses an empty download and a too large inline picture', async () => {
    const empty = (async () => new Response(new Uint8Array(0))) as typeof fetch
    await expectRefusal({ kind: 'image', url: 'https://cdn.example/empty.png?token=secret' }, 'empty', /0 bytes/, {
      fetch: empty,
    })
    const big = Buffer.concat([PNG, Buffer.alloc(600 * 1024)]).toString('base64')
    await expectRefusal({ kind: 'image', data: big }, 'too_large', /inline data is \d+ bytes/)
  })

  it('keeps an access token out of its messages', async () => {
    const err = await refusal({ kind: 'image', url: `${base}/missing.png?token=secret` })
    expect(err.message).not.toContain('secret')
  })
})

describe('inline attachment data in the event schema', () => {
  const event = (data: string) => ({
    tenant: 'acme',
    ts: Date.now(),
    channel: 'webchat',
    type: 'chat.message',
    interaction_id: 'c1',
    payload: { role: 'customer', text: 'see picture', attachments: [{ kind: 'image', data }] },
  })

  it('takes base64 up to the inline limit and names the field beyond it', () => {
    expect(validateEvent(event(PNG.toString('base64'))).ok).toBe(true)
    const over = validateEvent(event(Buffer.alloc(MAX_INLINE_ATTACHMENT_BYTES + 3).toString('base64')))
    expect(over).toMatchObject({ ok: false, error: { field: 'payload.attachments.0.data' } })
    expect(validateEvent(event('not base64!')).ok).toBe(false)
  })
})
