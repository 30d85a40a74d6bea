/**
 * The identity KV bucket of identity merge (ingest/identity.ts): `<tenant>.id.<kind>.<digest>` → customer id, and
 * `<tenant>.alias.<id>` → the id it was merged into. A customer's keys are found by their values (a digest cannot be
 * turned back into the identity it came from), reading the bucket's stream, and purged by subject, which leaves no
 * delete marker naming the key.
 */
import type { DataStores } from './stores.js'
import { readStream } from './streams.js'

const decoder = new TextDecoder()
/** The header of KV delete and purge markers. */
const KV_OPERATION = 'KV-Operation'

const kvStream = (bucket: string) => `KV_${bucket}`
const kvPrefix = (bucket: string) => `$KV.${bucket}.`

/** Every live entry of the bucket under `<tenant>.<part>.`: key → value. */
async function entries(stores: DataStores, tenant: string, part: 'id' | 'alias'): Promise<Map<string, string>> {
  const bucket = stores.topology.identityBucket
  const found = new Map<string, string>()
  await readStream(
    stores.js,
    stores.jsm,
    kvStream(bucket),
    (m) => {
      const key = m.subject.slice(kvPrefix(bucket).length)
      if (m.headers?.get(KV_OPERATION)) found.delete(key)
      else found.set(key, decoder.decode(m.data))
    },
    `${kvPrefix(bucket)}${tenant}.${part}.>`,
  )
  return found
}

/** The tenant's merges as KV holds them: absorbed id → the id it was merged into. */
export async function aliasLinks(stores: DataStores, tenant: string): Promise<Map<string, string>> {
  const links = new Map<string, string>()
  const prefix = `${tenant}.alias.`
  for (const [key, into] of await entries(stores, tenant, 'alias')) links.set(key.slice(prefix.length), into)
  return links
}

/** The keys of some customer ids: every identity that points at one, and their own alias links (from aliasLinks). */
export async function identityKeysOf(
  stores: DataStores,
  tenant: string,
  ids: ReadonlySet<string>,
  links: ReadonlyMap<string, string>,
): Promise<string[]> {
  const keys = [...(await entries(stores, tenant, 'id'))].filter(([, id]) => ids.has(id)).map(([key]) => key)
  return [...keys, ...[...ids].filter((id) => links.has(id)).map((id) => `${tenant}.alias.${id}`)].sort()
}

/** Removes keys with their history; returns how many messages went. */
export async function purgeIdentityKeys(stores: DataStores, keys: readonly string[]): Promise<number> {
  const bucket = stores.topology.identityBucket
  let purged = 0
  for (const key of keys)
    purged += (await stores.jsm.streams.purge(kvStream(bucket), { filter: `${kvPrefix(bucket)}${key}` })).purged
  return purged
}
