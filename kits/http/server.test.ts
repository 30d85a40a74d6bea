import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { createHttpServer, HEADERS_TIMEOUT_MS, MIN_UPLOAD_BYTES_PER_S, requestTimeoutMs } from './server.js'
import { readBody } from './helpers.js'

describe('server timeouts', () => {
  it('gives headers 10 s, and a whole request time for the largest body at 64 KiB/s (at least 2 minutes)', () => {
    const server = createHttpServer([])
    expect(server.headersTimeout).toBe(HEADERS_TIMEOUT_MS)
    expect(HEADERS_TIMEOUT_MS).toBe(10_000)
    // MOFANG_MAX_BODY_BYTES' default, 16 MiB, at 64 KiB/s: 256 s.
    expect(server.requestTimeout).toBe(256_000)
    expect(requestTimeoutMs(16 * 2 ** 20) / 1000).toBe((16 * 2 ** 20) / MIN_UPLOAD_BYTES_PER_S)
    expect(requestTimeoutMs(1024)).toBe(120_000)
    expect(createHttpServer([], undefined, { maxBodyBytes: 64 * 2 ** 20 }).requestTimeout).toBe(1_024_000)
    server.close()
  })

  describe('on the wire', () => {
    let server: Server
    let port: number
    beforeAll(async () => {
      const upload = async (req: IncomingMessage, res: ServerResponse) => {
        const body = await readBody(req, 1024 * 1024)
        res.end(`got ${body.length}`)
        return true
      }
      server = createHttpServer([upload], undefined, { headersTimeoutMs: 300 })
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
      port = (server.address() as AddressInfo).port
    })
    afterAll(() => new Promise((r) => server.close(r)))

    /** Writes `chunks` with `gapMs` between them; resolves with what came back when the server closes. */
    const drip = (chunks: string[], gapMs: number) =>
      new Promise<{ text: string; ms: number }>((resolve, reject) => {
        const started = Date.now()
        const socket = connect(port, '127.0.0.1')
        let text = ''
        socket.on('data', (d) => (text += d))
        socket.on('error', reject)
        socket.on('close', () => resolve({ text, ms: Date.now() - started }))
        let i = 0
        const next = () => {
          if (socket.destroyed) return
          if (i < chunks.length) socket.write(chunks[i++])
          if (i < chunks.length) setTimeout(next, gapMs)
          else if (!text) setTimeout(() => socket.end(), 200)
        }
        next()
      })

    it('answers a client that drips its headers 408 and closes the connection', async () => {
      const slow = await drip(['POST / HTTP/1.1\r\n', 'Host: x\r\n', 'X-a: 1\r\n', 'X-b: 2\r\n', 'X-c: 3\r\n'], 200)
      expect(slow.text).toMatch(/^HTTP\/1\.1 408 /)
    })

    it('lets a body arrive slowly once the headers are in', async () => {
      const head = 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\nConnection: close\r\n\r\n'
      const slow = await drip([head, 'ab', 'cd', 'ef', 'gh'], 150)
      expect(slow.text).toMatch(/^HTTP\/1\.1 200 [^]*got 8$/)
    })
  })
})
