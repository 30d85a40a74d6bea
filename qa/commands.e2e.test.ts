import { describe, it, expect } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { compiledSibling, rootDir } from '../core/compiled.js'
import { scoreFile } from './score-file.js'
import { createQaPool } from './pool.js'
import { scoreInteraction } from './pipeline.js'
import type { Interaction } from './types.js'

const good = (id: string): Interaction => ({
  interaction_id: id,
  channel: 'webchat',
  customer_name: '张三',
  turns: [
    { role: 'customer', text: '你好，我的手机13812345678收不到验证码' },
    { role: 'agent', text: '您好张先生，请稍等，这不归我们管' },
  ],
})
const lines = [
  JSON.stringify(good('a')),
  '{"interaction_id": "b", "turns": [{"role": "robot", "text": "x"}]}',
  'not json',
  '',
  JSON.stringify(good('c')),
]

describe('mofang qa score', () => {
  it('scores a file, reporting bad lines with their number and going on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-cli-'))
    writeFileSync(join(dir, 'in.ndjson'), lines.join('\n') + '\n')
    const errors: string[] = []
    const write = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((chunk: string) => (errors.push(String(chunk)), true)) as typeof process.stderr.write
    let summary
    try {
      summary = await scoreFile({ input: join(dir, 'in.ndjson'), output: join(dir, 'out.ndjson'), workers: 0 })
    } finally {
      process.stderr.write = write
    }
    expect(summary).toEqual({ scored: 2, bad: 2 })
    expect(errors.join('')).toMatch(/in\.ndjson:2: turns\[0\]\.role: /)
    expect(errors.join('')).toMatch(/in\.ndjson:3: not JSON/)
    const out = readFileSync(join(dir, 'out.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(out.map((r) => r.interaction_id)).toEqual(['a', 'c'])
    const r = out[0]
    expect(r.flags.find((f: { check: string }) => f.check === 'blame')).toMatchObject({
      check: 'blame',
      severity: 'high',
      turn: 1,
      text: '这不归我们管',
    })
    expect(r.turns[0].text).toBe('你好，我的手机***********收不到验证码')
    expect(typeof r.score).toBe('number')
    expect(r.politeness.agent).toBeGreaterThanOrEqual(0)
    expect(Object.keys(r.sentiment.customer)).toEqual(['overall', 'first', 'last'])
    expect(['promoter', 'passive', 'detractor']).toContain(r.nps_predicted)
  })

  const built =
    existsSync(join(rootDir(), 'dist', 'cli', 'mofang.js')) &&
    existsSync(compiledSibling(import.meta.url, './worker.js'))
  it.skipIf(!built)('runs as a command through the worker pool, to stdout (needs `npx tsc -p tsconfig.json`)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-cli-'))
    writeFileSync(join(dir, 'in.ndjson'), lines.join('\n'))
    const run = spawnSync(
      process.execPath,
      [join(rootDir(), 'bin', 'mofang.mjs'), 'qa', 'score', '--input', join(dir, 'in.ndjson'), '--workers', '2'],
      { encoding: 'utf8' },
    )
    expect(run.status).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(2)
    expect(run.stderr).toMatch(/2 scored, 2 bad line/)
    const missing = spawnSync(process.execPath, [join(rootDir(), 'bin', 'mofang.mjs'), 'qa', 'score'], {
      encoding: 'utf8',
    })
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/--input is required/)
  })

  it.skipIf(!built)('the pool gives the same results as scoring on this thread', async () => {
    const pool = createQaPool({ size: 2, minChunk: 1 })
    try {
      const batch = ['a', 'b', 'c'].map(good)
      expect(await pool.score(batch)).toEqual(batch.map((x) => scoreInteraction(x)))
    } finally {
      await pool.close()
    }
  })
})
