/**
 * The HTTP path (CLICKHOUSE_URL) against a stand-in server that records requests: no ClickHouse
 * server runs here, so this checks what the client sends, byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { openWarehouse, type Warehouse } from './client.js'

interface Seen {
  query: string
  body: string
}

let server: Server
let wh: Warehouse
const seen: Seen[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      seen.push({ query: url.searchParams.get('query') ?? '', body: Buffer.concat(chunks).toString() })
      res.writeHead(200, { 'x-clickhouse-summary': '{}' }).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  wh = await openWarehouse({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, database: 'mofang' })
})
afterAll(async () => {
  await wh?.close()
  server?.close()
})

describe('warehouse over HTTP', () => {
  it('sends a raw insert as its bytes, with the statement and columns in the URL', async () => {
    seen.length = 0
    const rows =
      '{"event_id":"e1","payload":{"text":"你好"}},{"event_id":"e2","payload":{}}\n{"event_id":"e3","payload":{}}'
    await wh.insertRaw('events', Buffer.from(rows), {
      columns: ['event_id', 'payload'],
      settings: { input_format_json_read_objects_as_strings: 1 },
    })
    expect(seen).toEqual([{ query: 'INSERT INTO events (event_id, payload) FORMAT JSONEachRow', body: rows }])
  })
})

describe('closing the warehouse', () => {
  it('waits for the requests in flight, then refuses new ones', async () => {
    // Answers each request 300 ms late, so one is still running when close() is called.
    const slow = createServer((req, res) => {
      req.resume()
      req.on('end', () => setTimeout(() => res.writeHead(200, { 'x-clickhouse-summary': '{}' }).end(), 300))
    })
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r))
    try {
      const closing = await openWarehouse({
        url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`,
        database: 'mofang',
      })
      const order: string[] = []
      const inFlight = closing.insertRaw('events', Buffer.from('{}')).then(() => order.push('insert answered'))
      await closing.close()
      order.push('closed')
      await inFlight
      expect(order).toEqual(['insert answered', 'closed'])
      await expect(closing.insertRaw('events', Buffer.from('{}'))).rejects.toThrow(/closed/)
    } finally {
      slow.close()
    }
  })
})
