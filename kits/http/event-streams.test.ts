import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { EventStreams } from './event-streams.js'

describe('EventStreams', () => {
  it('sends named JSON events, runs onClose once when the client goes, and ends open streams on closeAll', async () => {
    const streams = new EventStreams({ retryMs: 1_500 })
    let closed = 0
    const server = createServer((req, res) => {
      const send = streams.start(req, res, () => closed++)
      send('hello', { n: 1 })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

    const first = await fetch(url)
    expect(first.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const reader = first.body!.getReader()
    let text = ''
    while (!text.includes('"n":1')) text += new TextDecoder().decode((await reader.read()).value)
    expect(text).toBe('retry: 1500\n\nevent: hello\ndata: {"n":1}\n\n')
    await reader.cancel()
    await expect.poll(() => closed).toBe(1)

    // fetch resolves once the headers came, so the stream is open by then.
    const second = await fetch(url)
    const rest = second.text()
    streams.closeAll()
    expect(await rest).toContain('event: hello')
    await expect.poll(() => closed).toBe(2)
    server.close()
  })
})
