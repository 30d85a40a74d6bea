/**
 * Scorecards edited in the product: one NATS KV entry per version, keyed `<tenant>.<queue>.<channel>.<version>`
 * (`_any` for any queue / any channel), so every version is kept (the bucket keeps one value per key and a version is
 * never written twice: `create` refuses a taken key, which also stops two managers saving the same version at once).
 *
 * Every QA service watches the bucket and holds the latest version of each scope compiled: a save anywhere applies to
 * the next scored interaction without a restart. The worker pool gets the scorecard with each batch and caches it by
 * `id@version`; a stored scorecard's id names its scope (`<tenant>/<queue|*>/<channel|*>`), so id@version is unique.
 */
import type { KV, KvEntry } from '@nats-io/kv'
import { KvWatchInclude } from '@nats-io/kv'
import type { ScorecardScope, ScorecardVersion } from '../core/contracts/index.js'
import { compileScorecard, type Scorecard, type ScorecardSpec } from './scorecard.js'

/** A queue or channel name a scorecard may be scoped to ('' = any): KV key characters, short enough for the id. */
export const SCOPE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,29}$/
const ANY = '_any'

const part = (name: string) => name || ANY
const unpart = (name: string) => (name === ANY ? '' : name)
const scopeKey = (tenant: string, s: ScorecardScope) => `${tenant}.${part(s.queue)}.${part(s.channel)}`

/** The id a stored scorecard carries: its scope, so results name where their scorecard came from. */
export const scopeId = (tenant: string, s: ScorecardScope) => `${tenant}/${s.queue || '*'}/${s.channel || '*'}`

/** A version as stored in the bucket (the scope and version come from the key). */
interface StoredValue {
  spec: Record<string, unknown>
  saved_by: string
  saved_at: number
}

export class ScorecardVersionTaken extends Error {
  constructor(readonly version: number) {
    super(`version ${version} was saved by someone else meanwhile: reload and save again`)
  }
}

export interface ScorecardStore {
  /** Latest version of each scope of a tenant. */
  list(tenant: string): ScorecardVersion[]
  /** Every version of a scope, newest first. */
  versions(tenant: string, scope: ScorecardScope): ScorecardVersion[]
  /**
   * Stores the spec (already validated) as the scope's next version, with the scope's id; applied here at once and
   * by every other QA service when its watch delivers it.
   */
  save(tenant: string, scope: ScorecardScope, spec: Record<string, unknown>, savedBy: string): Promise<ScorecardVersion>
  /**
   * The scorecard for an interaction: its queue and channel, then its queue on any channel, any queue on its channel,
   * then the tenant's catch-all; undefined when the tenant stored none of these.
   */
  cardFor(tenant: string, queue: string, channel: string): Scorecard | undefined
  stop(): Promise<void>
}

/** Opens the store on a KV bucket: reads every version, then follows the updates. */
export async function openScorecardStore(kv: KV, log: (line: string) => void): Promise<ScorecardStore> {
  /** scope key → versions, ascending. */
  const versions = new Map<string, ScorecardVersion[]>()
  /** scope key → the latest version compiled. */
  const latest = new Map<string, Scorecard>()

  const apply = (tenant: string, v: ScorecardVersion) => {
    const key = scopeKey(tenant, v)
    const list = versions.get(key) ?? []
    if (list.some((x) => x.version === v.version)) return
    list.push(v)
    list.sort((a, b) => a.version - b.version)
    versions.set(key, list)
    const newest = list[list.length - 1]
    try {
      latest.set(key, compileScorecard(newest.spec, `${scopeId(tenant, v)} v${newest.version}`))
    } catch (err) {
      // Saved through the API or the setting, both validate: only a hand-edited bucket gets here.
      log(`qa: stored scorecard ${scopeId(tenant, v)} v${newest.version} ignored: ${(err as Error).message}`)
    }
  }

  const fromEntry = (e: KvEntry) => {
    if (e.operation !== 'PUT') return
    const [tenant, queue, channel, version] = e.key.split('.')
    const value = e.json<StoredValue>()
    apply(tenant, { queue: unpart(queue), channel: unpart(channel), version: Number(version), ...value })
  }

  // Watch first, then read what is there: a version saved in between arrives by either path (apply is idempotent).
  const watch = await kv.watch({ include: KvWatchInclude.UpdatesOnly })
  const following = (async () => {
    for await (const e of watch) fromEntry(e)
  })().catch((err) => log(`qa: scorecard watch ended: ${(err as Error).message}`))
  for await (const key of await kv.keys()) {
    const e = await kv.get(key)
    if (e) fromEntry(e)
  }

  const tenantOf = (key: string) => key.slice(0, key.indexOf('.'))
  const newestFirst = (list: ScorecardVersion[]) => [...list].reverse()

  return {
    list: (tenant) =>
      [...versions]
        .filter(([key]) => tenantOf(key) === tenant)
        .map(([, list]) => list[list.length - 1])
        .sort((a, b) => a.queue.localeCompare(b.queue) || a.channel.localeCompare(b.channel)),

    versions: (tenant, scope) => newestFirst(versions.get(scopeKey(tenant, scope)) ?? []),

    async save(tenant, scope, spec, savedBy) {
      const version = (versions.get(scopeKey(tenant, scope))?.at(-1)?.version ?? 0) + 1
      const stored: StoredValue = {
        spec: { ...spec, id: scopeId(tenant, scope), version } satisfies Partial<ScorecardSpec>,
        saved_by: savedBy,
        saved_at: Date.now(),
      }
      try {
        await kv.create(`${scopeKey(tenant, scope)}.${version}`, JSON.stringify(stored))
      } catch (err) {
        // JetStream's answer when the key exists: the expected last sequence (none) did not hold.
        if (/wrong last sequence/i.test((err as Error).message)) throw new ScorecardVersionTaken(version)
        throw err
      }
      const saved = { queue: scope.queue, channel: scope.channel, version, ...stored }
      apply(tenant, saved)
      return saved
    },

    cardFor(tenant, queue, channel) {
      const scopes = [
        { queue, channel },
        { queue, channel: '' },
        { queue: '', channel },
        { queue: '', channel: '' },
      ]
      for (const s of scopes) {
        const card = latest.get(scopeKey(tenant, s))
        if (card) return card
      }
      return undefined
    },

    async stop() {
      watch.stop()
      await following
    },
  }
}
