/**
 * The knowledge base in the NATS KV bucket `topology.knowledgeBucket`, one key per article: `<tenant>.<article id>`,
 * the value the KbArticle as JSON. Every process that serves assist watches the whole bucket into its search index
 * (search.ts), so an article written through any of them is found by all within the watch's delay; the writer applies
 * its own write at once, so a read after a write sees it. The bucket keeps 5 revisions of each key (`nats kv
 * history`), so an overwritten article can be recovered by hand.
 */
import type { KV, KvEntry } from '@nats-io/kv'
import type { KbArticle } from '../core/contracts/index.js'
import { KnowledgeIndex } from './search.js'

export interface KnowledgeStore {
  readonly index: KnowledgeIndex
  /** Stores the article (a new one or over the one with its id). */
  put(tenant: string, article: KbArticle): Promise<KbArticle>
  /** False when there was no such article. */
  remove(tenant: string, id: string): Promise<boolean>
  stop(): Promise<void>
}

const keyOf = (tenant: string, id: string) => `${tenant}.${id}`

/** Opens the store: resolves once every stored article is in the index, then follows the bucket. */
export async function openKnowledgeStore(kv: KV, log: (msg: string) => void): Promise<KnowledgeStore> {
  const index = new KnowledgeIndex()
  /** key → the newest revision applied: a late watch entry must not undo a newer write applied here. */
  const applied = new Map<string, number>()
  const decoder = new TextDecoder()

  /** Applies a revision of a key: the article, or null for a delete; an older revision than one applied is ignored. */
  const apply = (key: string, revision: number, article: KbArticle | null) => {
    if ((applied.get(key) ?? 0) >= revision) return
    applied.set(key, revision)
    const dot = key.indexOf('.')
    const tenant = key.slice(0, dot)
    if (article) index.put(tenant, article)
    else index.remove(tenant, key.slice(dot + 1))
  }

  const fromEntry = (e: KvEntry) => {
    if (e.operation !== 'PUT') return apply(e.key, e.revision, null)
    try {
      apply(e.key, e.revision, JSON.parse(decoder.decode(e.value)) as KbArticle)
    } catch (err) {
      // Written through the API, always JSON: only a hand-edited bucket gets here.
      log(`assist: article ${e.key} ignored: ${(err as Error).message}`)
    }
  }

  const stored = (await kv.status()).values
  const watch = await kv.watch({ key: '*.*' })
  let loaded: () => void = () => {}
  const ready = new Promise<void>((resolve) => (loaded = resolve))
  if (stored === 0) loaded()
  const following = (async () => {
    for await (const e of watch) {
      fromEntry(e)
      // The watch delivers what is stored first; its last entry (nothing pending) is the first marked an update.
      if (e.isUpdate || e.delta === 0) loaded()
    }
  })().catch((err) => {
    log(`assist: knowledge watch ended: ${(err as Error).message}`)
    // Start with what was read rather than never: the health of NATS is the core's to report.
    loaded()
  })
  await ready

  return {
    index,
    async put(tenant, article) {
      const key = keyOf(tenant, article.id)
      apply(key, await kv.put(key, JSON.stringify(article)), article)
      return article
    },
    async remove(tenant, id) {
      if (!index.get(tenant, id)) return false
      await kv.delete(keyOf(tenant, id))
      // The watch removes it from the index everywhere; here at once.
      index.remove(tenant, id)
      return true
    },
    async stop() {
      watch.stop()
      await following
    },
  }
}
