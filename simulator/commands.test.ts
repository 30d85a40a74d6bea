import { describe, it, expect } from 'vitest'
import { PassThrough } from 'node:stream'
import { parseDuration } from './duration.js'
import { writeNdjson } from './ndjson.js'
import { generate } from './generate.js'

describe('parseDuration', () => {
  it('reads s, m, h, d, w and combinations; rejects junk naming the flag', () => {
    expect(parseDuration('90s', 'x')).toBe(90_000)
    expect(parseDuration('1h30m', 'x')).toBe(5_400_000)
    expect(parseDuration('2d', 'x')).toBe(172_800_000)
    expect(parseDuration('0d', 'x')).toBe(0)
    expect(parseDuration('1500', 'x')).toBe(1500)
    expect(() => parseDuration('2 days', 'backfill')).toThrow(/--backfill/)
    expect(() => parseDuration('h', 'duration')).toThrow(/--duration/)
  })
})

describe('writeNdjson (mofang simulate --dry-run)', () => {
  it('streams exactly the events generate() returns, one JSON object per line', async () => {
    const opts = { seed: 2, start: Date.parse('2024-05-06T09:00:00+08:00'), durationMs: 90 * 60_000, agents: 20 }
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (c: Buffer) => chunks.push(c))
    const count = await writeNdjson(out, opts)
    const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n')
    expect(lines.length).toBe(count)
    expect(lines.map((l) => JSON.parse(l))).toEqual(generate(opts))
  })
})
