/**
 * Saved walls in a NATS KV bucket (topology.wallBucket, declared in system/system.ts), one key per wall:
 * `<tenant>.<wall id>`, the value the WallDefinition as JSON. KV because every wallboard server and the alarm
 * engine must see the same walls and hear when one changes (`watchWalls`), and a save must not silently overwrite a
 * colleague's (the entry's revision is the check: `putWall(wall, revision)`).
 *
 * The alarm engine reads walls through this store: `listWalls(tenant)` for the rules now, `watchWalls(onChange)`
 * to follow every change. The shape of those two stays as it is.
 */
import type { JetStreamClient } from '@nats-io/jetstream'
import { Kvm, type KV } from '@nats-io/kv'
import type { WallChange, WallDefinition } from '../../core/contracts/index.js'

export interface WallStore {
  /** The tenant's walls, by id. */
  listWalls(tenant: string): Promise<WallDefinition[]>
  getWall(tenant: string, id: string): Promise<WallDefinition | undefined>
  /**
   * Stores the wall (its `revision` field is ignored) and answers it with its new revision. `expectRevision`: 0 =
   * the wall must not exist yet; n = it must still be at revision n; absent = last save wins. A mismatch throws
   * WallConflict.
   */
  putWall(wall: WallDefinition, expectRevision?: number): Promise<WallDefinition>
  /** False when there was no such wall. */
  deleteWall(tenant: string, id: string): Promise<boolean>
  /**
   * Calls `onChange` with every wall there is (as a change), then with each save and delete of any tenant, until the
   * returned stop function is called.
   */
  watchWalls(onChange: (change: WallChange) => void): Promise<() => void>
}

/** A save raced another one: the wall is not at the revision the caller read (or exists when it should not). */
export class WallConflict extends Error {
  constructor(
    readonly id: string,
    readonly current: number | undefined,
  ) {
    super(
      current === undefined
        ? `wall ${id} no longer exists`
        : `wall ${id} was saved by someone else meanwhile (revision ${current}); reload it and save again`,
    )
    this.name = 'WallConflict'
  }
}

const keyOf = (tenant: string, id: string) => `${tenant}.${id}`

/**
 * Binds the walls bucket (it must exist: system/system.ts declares it). `log` hears of an `onChange` that threw (the
 * watch goes on).
 */
export async function openWallStore(
  js: JetStreamClient,
  bucket: string,
  log: (msg: string) => void = console.error,
): Promise<WallStore> {
  return wallStoreOn(await new Kvm(js).open(bucket), log)
}

function wallStoreOn(kv: KV, log: (msg: string) => void = console.error): WallStore {
  const decoder = new TextDecoder()
  const decode = (value: Uint8Array, revision: number): WallDefinition => ({
    ...(JSON.parse(decoder.decode(value)) as WallDefinition),
    revision,
  })
  const getWall = async (tenant: string, id: string) => {
    const entry = await kv.get(keyOf(tenant, id))
    return entry?.operation === 'PUT' ? decode(entry.value, entry.revision) : undefined
  }

  return {
    async listWalls(tenant) {
      const keys: string[] = []
      for await (const k of await kv.keys(`${tenant}.*`)) keys.push(k)
      const walls = await Promise.all(keys.map((k) => getWall(tenant, k.slice(tenant.length + 1))))
      return walls.filter((w): w is WallDefinition => w !== undefined).sort((a, b) => a.id.localeCompare(b.id))
    },
    getWall,
    async putWall(wall, expectRevision) {
      // The revision is the store's, never part of the stored value.
      const { revision: _ignored, ...stored } = wall
      const key = keyOf(wall.tenant, wall.id)
      const body = JSON.stringify(stored)
      let revision: number
      try {
        revision =
          expectRevision === undefined
            ? await kv.put(key, body)
            : expectRevision === 0
              ? await kv.create(key, body)
              : await kv.update(key, body, expectRevision)
      } catch (err) {
        if (expectRevision === undefined) throw err
        const now = await kv.get(key)
        throw new WallConflict(wall.id, now?.operation === 'PUT' ? now.revision : undefined)
      }
      return { ...stored, revision }
    },
    async deleteWall(tenant, id) {
      if (!(await getWall(tenant, id))) return false
      await kv.delete(keyOf(tenant, id))
      return true
    },
    async watchWalls(onChange) {
      const watch = await kv.watch({ key: '*.*' })
      void (async () => {
        for await (const e of watch) {
          const dot = e.key.indexOf('.')
          const change: WallChange = {
            tenant: e.key.slice(0, dot),
            id: e.key.slice(dot + 1),
            wall: e.operation === 'PUT' ? decode(e.value, e.revision) : null,
          }
          try {
            onChange(change)
          } catch (err) {
            log(`walls: a watcher failed on ${e.key}: ${(err as Error).message}`)
          }
        }
      })()
      return () => watch.stop()
    },
  }
}
