/**
 * A knowledge-base article as written through the API or an import: checked field by field, with limits, so a bad
 * one is refused with the field at fault (`tags[2]: …`) before it reaches the bucket.
 */
import type { KbArticle } from '../core/contracts/index.js'
import { digest, newId } from '../core/index.js'
import { BadRequest } from '../kits/http/index.js'

/** Limits on an article's fields (characters; list lengths). */
export const ARTICLE_LIMITS = {
  title: 200,
  /** A chat message's text limit: an article is sent to the customer as one message. */
  body: 16_000,
  listItems: 30,
  tag: 40,
  product: 80,
  errorCode: 80,
} as const

/** An article id: a KV key token (letters, digits, `_`, `-`), short enough to name in a URL. */
export const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

/** What a client writes: the id is optional on create, `updated_at` is the server's. */
export type ArticleDraft = Omit<KbArticle, 'id' | 'updated_at'> & { id?: string }

function text(value: unknown, field: string, max: number, required: boolean): string {
  if (value === undefined || value === null) {
    if (required) throw new BadRequest(field, 'required')
    return ''
  }
  if (typeof value !== 'string') throw new BadRequest(field, 'expected a string')
  const trimmed = value.trim()
  if (required && !trimmed) throw new BadRequest(field, 'must not be empty')
  if (trimmed.length > max) throw new BadRequest(field, `at most ${max} characters, got ${trimmed.length}`)
  return trimmed
}

/** A list of short strings: an array, or one comma-separated string (as an import's `tags:` line writes it). */
function list(value: unknown, field: string, maxItem: number): string[] {
  if (value === undefined || value === null) return []
  const items = typeof value === 'string' ? value.split(/[,，;；]/) : value
  if (!Array.isArray(items)) throw new BadRequest(field, 'expected an array of strings')
  if (items.length > ARTICLE_LIMITS.listItems)
    throw new BadRequest(field, `at most ${ARTICLE_LIMITS.listItems} items, got ${items.length}`)
  const out: string[] = []
  items.forEach((item, i) => {
    const v = text(item, `${field}[${i}]`, maxItem, false)
    if (v && !out.includes(v)) out.push(v)
  })
  return out
}

/** The id of a path or body: checked against ARTICLE_ID. */
export function articleId(raw: unknown, field = 'id'): string {
  if (typeof raw !== 'string' || !ARTICLE_ID.test(raw))
    throw new BadRequest(field, 'expected 1 to 64 letters, digits, _ or - (starting with a letter or digit)')
  return raw
}

/** Checks a body as an article draft; throws BadRequest naming the field (prefixed with `prefix`, e.g. `row 3: `). */
export function articleDraft(body: Record<string, unknown>, prefix = ''): ArticleDraft {
  const at = (field: string) => `${prefix}${field}`
  return {
    ...(body.id !== undefined && { id: articleId(body.id, at('id')) }),
    title: text(body.title, at('title'), ARTICLE_LIMITS.title, true),
    body: text(body.body, at('body'), ARTICLE_LIMITS.body, true),
    tags: list(body.tags, at('tags'), ARTICLE_LIMITS.tag),
    products: list(body.products, at('products'), ARTICLE_LIMITS.product),
    error_codes: list(body.error_codes, at('error_codes'), ARTICLE_LIMITS.errorCode),
  }
}

/** The stored article: the draft's id (or `id` given, or a new one) and the time of writing. */
export function articleOf(
  draft: ArticleDraft,
  id = draft.id ?? newId().replace(/-/g, ''),
  now = Date.now(),
): KbArticle {
  const { id: _ignored, ...fields } = draft
  return { id, ...fields, updated_at: now }
}

/** An imported article's id when the file gives none: from its title, so importing a file again replaces. */
export const importedId = (draft: ArticleDraft): string =>
  draft.id ?? `kb${digest(draft.title, 16).replace(/[^A-Za-z0-9]/g, 'x')}`
