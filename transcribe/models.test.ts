/** The download-and-verify path against a local HTTP server (this machine has no internet). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../testing/env.js'
import { ChecksumError, MODEL_SHA1, pullModel } from './models.js'

const dir = tempDir('models')
const body = randomBytes(3 * 1024 * 1024 + 17)
const sha1 = createHash('sha1').update(body).digest('hex')
const sha256 = createHash('sha256').update(body).digest('hex')
let server: Server, host: string
let statedSha256 = sha256

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/ggml-tiny.bin') return res.writeHead(404).end()
    res.writeHead(200, { 'content-length': body.length, 'x-linked-etag': `"${statedSha256}"` })
    res.end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  host = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => {
  server.close()
  dir.remove()
})

describe('models pull', () => {
  it('knows the published SHA-1 of the official models', () => {
    expect(MODEL_SHA1.tiny).toBe('bd577a113a864445d4c299885e0cb97d4ba92b5f')
    expect(Object.keys(MODEL_SHA1)).toEqual(['tiny', 'tiny.en', 'base', 'base.en', 'small', 'small.en'])
  })

  it('downloads with progress and verifies SHA-1 and the host-stated SHA-256', async () => {
    const seen: number[] = []
    const m = await pullModel('tiny', { dir: join(dir.path, 'ok'), host, sha1, onProgress: (d) => seen.push(d) })
    expect(m).toMatchObject({ bytes: body.length, sha1, sha256 })
    expect(readFileSync(m.path).equals(body)).toBe(true)
    expect(seen.at(-1)).toBe(body.length)
  })

  it('discards a download whose SHA-1 does not match', async () => {
    const target = join(dir.path, 'bad')
    await expect(pullModel('tiny', { dir: target, host })).rejects.toThrow(ChecksumError)
    expect(existsSync(join(target, 'ggml-tiny.bin'))).toBe(false)
    expect(existsSync(join(target, 'ggml-tiny.bin.part'))).toBe(false)
  })

  it('discards a download whose SHA-256 differs from what the host states', async () => {
    statedSha256 = '0'.repeat(64)
    await expect(pullModel('tiny', { dir: join(dir.path, 'bad256'), host, sha1 })).rejects.toThrow(/SHA-256/)
    statedSha256 = sha256
  })

  it('names unknown models and unreachable hosts clearly', async () => {
    await expect(pullModel('huge', { dir: dir.path, host })).rejects.toThrow(/unknown model "huge"/)
    await expect(pullModel('base', { dir: dir.path, host })).rejects.toThrow(/HTTP 404/)
  })
})
