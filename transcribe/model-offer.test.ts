/** The start's model offer against a local stand-in for the model host (this machine has no internet). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../testing/env.js'
import { modelHostReachable, offerWhisperModel, type ModelOfferOptions } from './model-offer.js'

const dir = tempDir('model-offer')
let server: Server, host: string
const heads: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method === 'HEAD') heads.push(req.url ?? '')
    // Not the real weights: a pull that gets this fails its checksum.
    res.writeHead(200, { 'content-length': 5 }).end(req.method === 'HEAD' ? undefined : 'bogus')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  host = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => {
  server.close()
  dir.remove()
})

/** A host nothing listens on: the port of a server that was closed. */
async function deadHost(): Promise<string> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as { port: number }).port
  await new Promise((r) => s.close(r))
  return `http://127.0.0.1:${port}`
}

function offer(o: Partial<ModelOfferOptions> & { dataDir: string }) {
  const lines: string[] = []
  return { lines, outcome: offerWhisperModel({ host, interactive: false, log: (l) => lines.push(l), ...o }) }
}

describe('the model offer at start', () => {
  it('checks the host with a HEAD for the tiny model', async () => {
    expect(await modelHostReachable(host)).toBe(true)
    expect(heads).toContain('/ggml-tiny.bin')
    expect(await modelHostReachable(await deadHost(), 500)).toBe(false)
  })

  it('without a terminal prints the command and does not wait', async () => {
    const o = offer({ dataDir: join(dir.path, 'a') })
    expect(await o.outcome).toBe('printed')
    expect(o.lines).toEqual([expect.stringMatching(/no Whisper model: .*`mofang models pull tiny`/)])
  })

  it('offline says how to get it later', async () => {
    const o = offer({ dataDir: join(dir.path, 'b'), host: await deadHost(), timeoutMs: 500 })
    expect(await o.outcome).toBe('offline')
    expect(o.lines[0]).toMatch(/not reachable.*mofang models pull tiny/)
  })

  it('on a terminal asks, and respects no; a yes downloads and verifies (a bad file is refused)', async () => {
    const questions: string[] = []
    const no = offer({ dataDir: join(dir.path, 'c'), interactive: true, ask: async (q) => (questions.push(q), 'n') })
    expect(await no.outcome).toBe('declined')
    expect(questions[0]).toMatch(/Download the tiny model .*\[y\/N\]/)
    const yes = offer({ dataDir: join(dir.path, 'c'), interactive: true, ask: async () => 'y' })
    expect(await yes.outcome).toBe('failed')
    expect(yes.lines.at(-1)).toMatch(/could not be downloaded .*`mofang models pull tiny`/)
  })

  it('offers nothing when a model is there or WHISPER_MODEL names one', async () => {
    const data = join(dir.path, 'd')
    mkdirSync(join(data, 'models'), { recursive: true })
    writeFileSync(join(data, 'models', 'ggml-tiny.bin'), 'x')
    expect(await offer({ dataDir: data }).outcome).toBe('present')
    expect(await offer({ dataDir: join(dir.path, 'e'), model: '/models/mine.bin' }).outcome).toBe('chosen')
  })
})
