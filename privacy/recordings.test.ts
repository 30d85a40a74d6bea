import { afterAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { fileInside, sweepRecordings } from './recordings.js'

const root = mkdtempSync(join(tmpdir(), 'mofang-recordings-'))
const dir = join(root, 'recordings')
const outside = join(root, 'elsewhere.wav')
mkdirSync(join(dir, '2025', '03'), { recursive: true })
afterAll(() => rmSync(root, { recursive: true, force: true }))

const DAY = 86_400_000
const NOW = Date.UTC(2025, 5, 1)
/** A file last modified `age` days before NOW. */
function file(path: string, age: number): string {
  writeFileSync(path, 'RIFF')
  const t = (NOW - age * DAY) / 1000
  utimesSync(path, t, t)
  return path
}

describe('recording files', () => {
  it('are Mofang’s to delete only inside MOFANG_RECORDINGS_DIR, whatever an event names', async () => {
    const inside = file(join(dir, 'call-1.wav'), 1)
    file(outside, 1)
    symlinkSync(outside, join(dir, 'link.wav'))
    expect(await fileInside(pathToFileURL(inside).href, dir)).toBe(inside)
    expect(await fileInside(inside, dir)).toBe(inside)
    expect(await fileInside(join(dir, '..', 'elsewhere.wav'), dir)).toBeUndefined()
    expect(await fileInside(join(dir, 'link.wav'), dir)).toBeUndefined() // a link out of the directory
    expect(await fileInside('/etc/passwd', dir)).toBeUndefined()
    expect(await fileInside('https://pbx.example.com/call-1.wav', dir)).toBeUndefined()
    expect(await fileInside('recordings/call-1.wav', dir)).toBeUndefined() // relative: no telling where
    expect(await fileInside(join(dir, 'missing.wav'), dir)).toBeUndefined()
    expect(await fileInside(join(dir, '2025'), dir)).toBeUndefined() // a directory
  })

  it('are swept when older than the retention, in subdirectories too, never through links', async () => {
    const old = [file(join(dir, 'old.wav'), 91), file(join(dir, '2025', '03', 'older.wav'), 400)]
    const young = [file(join(dir, 'young.wav'), 89), file(join(dir, '2025', '03', 'today.wav'), 0)]
    file(outside, 400)
    const swept = await sweepRecordings(dir, 90, NOW)
    expect(swept).toEqual({ deleted: 2, bytes: 8 })
    expect(old.map(existsSync)).toEqual([false, false])
    expect(young.map(existsSync)).toEqual([true, true])
    expect(existsSync(outside)).toBe(true)
    expect(existsSync(join(dir, 'link.wav'))).toBe(true)
  })
})
