/**
 * OCR on rendered screenshots: the error code must come back exactly (after kits/facts' repairs). One pool for the
 * file: each picture costs ~1–2 s of CPU. Needs the compiled worker and CLI (dist/: `npx tsc -p tsconfig.json`).
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rootDir } from '../core/index.js'
import { cjkFontAvailable, renderScreenshot } from '../kits/sim/index.js'
import { tempDir } from '../testing/index.js'
import { createOcrPool, type OcrPool } from './pool.js'
import { checkImagePixels, ocrAttachment, readImageText } from './read-image.js'

const place = { tenant_id: 'acme', interaction_id: 'chat-1', event_id: 'e-1', attachment_index: 0 }

describe('OCR of rendered screenshots', () => {
  let pool: OcrPool
  beforeAll(async () => {
    pool = await createOcrPool({ size: 1 })
  })
  afterAll(() => pool?.close())

  it('reads the error code of a Chinese error dialog', async () => {
    if (!cjkFontAvailable()) console.warn('no CJK font on this machine: the "Chinese" dialog is drawn in English')
    const png = renderScreenshot({ kind: 'error_dialog', language: 'zh', code: '0x80070057' })
    const { text, facts } = await readImageText(pool, png)
    if (cjkFontAvailable()) expect(text).toContain('错误代码')
    expect(facts).toContainEqual({ kind: 'error_code', value: '0x80070057' })
  })

  it('reads an English error dialog and a blue screen stop code', async () => {
    const dialog = await readImageText(
      pool,
      renderScreenshot({
        kind: 'error_dialog',
        language: 'en',
        code: '0xC000021A',
        message: 'Windows could not start.',
      }),
    )
    expect(dialog.facts).toContainEqual({ kind: 'error_code', value: '0xC000021A' })
    const bsod = await readImageText(
      pool,
      renderScreenshot({
        kind: 'blue_screen',
        language: 'en',
        stopCode: '0x0000007B',
        name: 'INACCESSIBLE_BOOT_DEVICE',
      }),
    )
    expect(bsod.facts).toEqual(
      expect.arrayContaining([
        { kind: 'error_code', value: '0x0000007B' },
        { kind: 'error_code', value: 'INACCESSIBLE_BOOT_DEVICE' },
      ]),
    )
    expect(bsod.ms).toBeGreaterThan(0)
  })

  it('gives a truncated picture an unreadable error instead of throwing', async () => {
    const png = renderScreenshot({ kind: 'app_crash', language: 'en', process: 'explorer.exe', code: '0xC0000005' })
    const data = png.subarray(0, 300).toString('base64')
    const result = await ocrAttachment(pool, { kind: 'image', data }, place, { tenant: 'acme' })
    expect(result).toMatchObject({ ...place, text: '', facts: [], reason: 'unreadable' })
    expect(result.error).toMatch(/^unreadable: the image could not be decoded/)
  })
})

/** A PNG whose header declares width × height pixels, with a few bytes of compressed data after it. */
function declaredPng(width: number, height: number): Buffer {
  const crc32 = (bytes: Buffer) => {
    let c = ~0
    for (const b of bytes) {
      c ^= b
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
    }
    return ~c >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(4096))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

describe('an image that declares more pixels than a screenshot has (a decompression bomb)', () => {
  it('is refused as too large from its header, before any decoding', async () => {
    const bomb = declaredPng(50_000, 50_000)
    expect(bomb.length).toBeLessThan(1_000)
    const pool = { read: () => Promise.reject(new Error('the pool must not see it')) } as unknown as OcrPool
    const result = await ocrAttachment(pool, { kind: 'image', data: bomb.toString('base64') }, place, {
      tenant: 'acme',
    })
    expect(result).toMatchObject({ reason: 'too_large', text: '' })
    expect(result.error).toBe('too_large: the image is 50000×50000 pixels (2500 million), over 40 million')
  })

  it('lets a long phone screenshot through', async () => {
    await expect(checkImagePixels(declaredPng(1_290, 20_000))).resolves.toBeUndefined()
  })
})

describe('mofang ocr', () => {
  it('prints each file with its text and facts as JSON, and an error for a file that is not a picture', () => {
    const cli = join(rootDir(), 'dist', 'cli', 'mofang.js')
    const dir = tempDir('ocr-cli')
    try {
      const shot = join(dir.path, 'bsod.png')
      writeFileSync(
        shot,
        renderScreenshot({
          kind: 'blue_screen',
          language: 'zh',
          stopCode: '0x000000EF',
          name: 'CRITICAL_PROCESS_DIED',
        }),
      )
      const notes = join(dir.path, 'notes.txt')
      writeFileSync(notes, 'not a picture')
      const run = spawnSync(process.execPath, [cli, 'ocr', shot, notes, '--json'], { encoding: 'utf8' })
      expect(run.status).toBe(1) // one file failed
      const out = JSON.parse(run.stdout) as { file: string; text?: string; facts?: unknown[]; error?: string }[]
      expect(out[0].file).toBe(shot)
      expect(out[0].facts).toContainEqual({ kind: 'error_code', value: '0x000000EF' })
      expect(out[1]).toEqual({ file: notes, error: 'not_image: the bytes are not an image (no known picture format)' })
    } finally {
      dir.remove()
    }
  })
})
