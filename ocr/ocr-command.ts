/**
 * `mofang ocr IMAGE…`: reads each image on the OCR pool without the rest of the system and prints its text and
 * key facts (or, with --json, `[{file, text, facts: [{kind, value}]}]`). A file that cannot be read gets its error
 * and the exit code is 1; the others are printed all the same.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { BadInputError } from '../core/index.js'
import { Progress, numberOption, type ParsedArgs } from '../kits/cli/index.js'
import type { FactValue } from '../kits/facts/index.js'
import { checkImageBytes } from './attachment.js'
import { AttachmentRefusal, refusalText } from './errors.js'
import { createOcrPool } from './pool.js'
import { readImageText } from './read-image.js'

type FileResult = { file: string; text: string; facts: FactValue[] } | { file: string; error: string }

/** Progress on stderr from this many files on (one or two pictures need no bar). */
const PROGRESS_FROM = 3

export async function runOcr(args: ParsedArgs): Promise<number> {
  const files = args.positionals
  if (files.length === 0) throw new BadInputError('give one or more image files (PNG, JPEG, WebP, GIF, BMP)')
  const missing = files.find((f) => !existsSync(f))
  if (missing) throw new BadInputError(`no such file: ${missing}`)
  const workers = numberOption(args, 'workers', { min: 1, max: 16, integer: true }) ?? 1
  const pool = await createOcrPool({ size: Math.min(workers, files.length) })
  const progress =
    files.length >= PROGRESS_FROM ? new Progress({ total: files.length, label: 'ocr', unit: 'images' }) : undefined
  const results: FileResult[] = await Promise.all(
    files.map(async (file) => {
      try {
        const { text, facts } = await readImageText(pool, checkImageBytes(await readFile(file)))
        return { file, text, facts }
      } catch (err) {
        return { file, error: err instanceof AttachmentRefusal ? refusalText(err) : (err as Error).message }
      } finally {
        progress?.tick(1)
      }
    }),
  )
  await pool.close()
  progress?.finish()
  if (args.values.json) console.log(JSON.stringify(results, null, 2))
  else
    for (const r of results) {
      console.log(`== ${r.file}`)
      if ('error' in r) console.log(`error: ${r.error}`)
      else {
        console.log(r.text)
        console.log(`facts: ${r.facts.map((f) => `${f.kind} ${f.value}`).join(', ') || 'none'}`)
      }
    }
  return results.some((r) => 'error' in r) ? 1 : 0
}
