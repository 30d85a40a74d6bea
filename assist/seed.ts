/**
 * The shipped knowledge base (assist/seed/*.md, Chinese and English articles for the simulator's products and error
 * codes), stored for a tenant that has no article yet: the demo tenant on `mofang start`, so the assist panel
 * suggests something on the first run. The files are imports in the Markdown format (import.ts), so a tenant can
 * start from them with `POST /api/kb/import` too.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rootDir } from '../core/index.js'
import type { KbArticle } from '../core/contracts/index.js'
import { articleOf, importedId } from './articles.js'
import { parseMarkdownArticles } from './import.js'
import type { KnowledgeStore } from './store.js'

export const SEED_DIR = join(rootDir(), 'assist', 'seed')

/** Every article of the seed files, ids from their `id:` lines or titles (as an import gives them). */
export function seedArticles(dir = SEED_DIR, now = Date.now()): KbArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) =>
      parseMarkdownArticles(readFileSync(join(dir, f), 'utf8')).map((d) => articleOf(d, importedId(d), now)),
    )
}

/** Stores the seed for each tenant that has no article; answers how many articles each got. */
export async function seedKnowledge(store: KnowledgeStore, tenants: readonly string[]): Promise<Map<string, number>> {
  const seeded = new Map<string, number>()
  for (const tenant of tenants) {
    if (store.index.size(tenant) > 0) continue
    const articles = seedArticles()
    await Promise.all(articles.map((a) => store.put(tenant, a)))
    seeded.set(tenant, articles.length)
  }
  return seeded
}
