/**
 * Knowledge-base imports (`POST /api/kb/import`):
 *
 *  - Markdown: one article per `# heading` section (the heading is the title). The section's first lines may be
 *    `id:`, `tags:`, `products:` and `error_codes:` lines (values comma-separated); the rest is the body. Text before
 *    the first heading is refused rather than dropped. `##` and deeper headings belong to the body.
 *  - CSV: a header row naming `title,body,tags,products,error_codes` (any order; `id` optional; other columns
 *    refused), then one article a row; list cells comma- or semicolon-separated (quote a cell with commas).
 *
 * A bad section or row fails the whole import with 400 naming it and the field: `sections[2].title` (the second
 * heading), `rows[3].tags[1]` (spreadsheet row 3, the header being row 1).
 */
import { parseCsv } from '../roster/index.js'
import { BadRequest } from '../kits/http/index.js'
import { articleDraft, type ArticleDraft } from './articles.js'

export const IMPORT_FORMATS = ['markdown', 'csv'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** Articles one import may carry. */
export const MAX_IMPORT_ARTICLES = 5_000

const META = /^(id|tags|products|error_codes)\s*[:：]\s*(.*)$/i
const HEADING = /^#\s+(.+?)\s*#*\s*$/

function capped(drafts: ArticleDraft[]): ArticleDraft[] {
  if (drafts.length === 0) throw new BadRequest('body', 'no articles found')
  if (drafts.length > MAX_IMPORT_ARTICLES)
    throw new BadRequest('body', `at most ${MAX_IMPORT_ARTICLES} articles an import, got ${drafts.length}`)
  return drafts
}

/** Markdown sections → drafts (see the top of this file). */
export function parseMarkdownArticles(text: string): ArticleDraft[] {
  const drafts: ArticleDraft[] = []
  let section: { title: string; line: number; meta: Record<string, string>; body: string[] } | undefined
  let inFence = false
  const finish = () => {
    if (!section) return
    const n = drafts.length + 1
    const body = section.body.join('\n').trim()
    try {
      drafts.push(articleDraft({ title: section.title, body, ...section.meta }, `sections[${n}].`))
    } catch (err) {
      if (!(err instanceof BadRequest)) throw err
      throw new BadRequest(err.field!, `${err.reason} (the section at line ${section.line})`)
    }
  }
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const heading = inFence ? null : HEADING.exec(raw)
      if (/^\s*```/.test(raw)) inFence = !inFence
      if (heading) {
        finish()
        section = { title: heading[1], line: i + 1, meta: {}, body: [] }
        return
      }
      if (!section) {
        if (raw.trim()) throw new BadRequest(`line ${i + 1}`, 'text before the first "# heading"')
        return
      }
      const meta = section.body.every((l) => !l.trim()) ? META.exec(raw.trim()) : null
      if (meta) section.meta[meta[1].toLowerCase()] = meta[2]
      else section.body.push(raw)
    })
  finish()
  return capped(drafts)
}

const COLUMNS = ['id', 'title', 'body', 'tags', 'products', 'error_codes'] as const

/** CSV rows → drafts (see the top of this file). */
export function parseCsvArticles(text: string): ArticleDraft[] {
  const [header, ...rows] = parseCsv(text)
  if (!header) throw new BadRequest('body', 'empty CSV: expected a header row title,body,tags,products,error_codes')
  const names = header.cells.map((c) => c.toLowerCase())
  names.forEach((name, i) => {
    if (!(COLUMNS as readonly string[]).includes(name))
      throw new BadRequest(`columns[${i + 1}]`, `unknown column "${name}": expected ${COLUMNS.join(', ')}`)
  })
  for (const needed of ['title', 'body'])
    if (!names.includes(needed)) throw new BadRequest('columns', `the header row has no "${needed}" column`)
  return capped(
    rows.map(({ line, cells }) => {
      if (cells.length > names.length)
        throw new BadRequest(`rows[${line}]`, `${cells.length} cells for ${names.length} columns`)
      const record = Object.fromEntries(names.map((name, i) => [name, cells[i] || undefined]))
      return articleDraft(record, `rows[${line}].`)
    }),
  )
}

export function parseArticles(format: ImportFormat, text: string): ArticleDraft[] {
  return format === 'csv' ? parseCsvArticles(text) : parseMarkdownArticles(text)
}
