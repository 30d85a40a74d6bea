/**
 * ClickHouse access through @clickhouse/client: embedded chDB by default, an
 * HTTP server or cluster when CLICKHOUSE_URL is set. Same SQL either way.
 *
 * chDB runs one query at a time per connection, so the embedded mode keeps a
 * small pool of connections on the same data directory and hands each query
 * to a free one. chDB must stay in the main thread of one owner process.
 */
import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client'
import type { ChdbConnection } from 'chdb/connection'
import { mkdirSync } from 'node:fs'
import { Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { resolve } from 'node:path'
import { type Params, type RawInsertOptions, type Warehouse, WarehouseError } from '../core/index.js'
import { ownerWarehouse } from './owner.js'

export interface WarehouseOptions {
  /** HTTP endpoint; when absent, embedded chDB under `chdbPath`. */
  url?: string
  username?: string
  password?: string
  /** Database of the Mofang tables. Created when missing. Default 'mofang'. */
  database?: string
  /** chDB data directory (one owner process per directory). */
  chdbPath?: string
  /** Connections in the embedded pool. Default 4. */
  poolSize?: number
  /** Another Mofang process's embedded chDB, through its HTTP API (owner.ts); takes precedence over the rest. */
  owner?: { url: string; token: string }
}

export type { Params, RawInsertOptions, Warehouse } from '../core/index.js'

/** One pooled connection: the client, and for chDB its native session for raw inserts. */
interface Handle {
  client: ClickHouseClient
  chdb?: ChdbConnection['chdb']
}

/** How long close() waits for queries still running, ms: past it the connections close under them. */
const CLOSE_WAIT_MS = 5_000

/**
 * A tiny FIFO pool: each connection serves one request at a time. Closing waits for the requests in flight: chDB's
 * close frees its native session at once, and a query still running on it then crashed the process (SIGSEGV, seen
 * when a service overran its shutdown step and kept writing).
 */
class ClientPool {
  private readonly idle: Handle[]
  private readonly waiters: { take: (h: Handle) => void; refuse: (err: Error) => void }[] = []
  private closing = false
  /** Set while close() waits: called when the last request in flight has given its connection back. */
  private drained?: () => void
  constructor(private readonly all: Handle[]) {
    this.idle = [...all]
  }
  async use<T>(fn: (h: Handle) => Promise<T>): Promise<T> {
    if (this.closing) throw new WarehouseError('the warehouse is closed')
    const handle = this.idle.pop() ?? (await new Promise<Handle>((take, refuse) => this.waiters.push({ take, refuse })))
    try {
      return await fn(handle)
    } finally {
      const next = this.closing ? undefined : this.waiters.shift()
      if (next) next.take(handle)
      else this.idle.push(handle)
      if (this.idle.length === this.all.length) this.drained?.()
    }
  }
  async close(): Promise<void> {
    this.closing = true
    for (const w of this.waiters.splice(0)) w.refuse(new WarehouseError('the warehouse is closed'))
    if (this.idle.length < this.all.length) {
      let timer: NodeJS.Timeout | undefined
      await new Promise<void>((done) => {
        this.drained = done
        timer = setTimeout(done, CLOSE_WAIT_MS)
      })
      clearTimeout(timer)
    }
    await Promise.all(this.all.map((h) => h.client.close()))
  }
}

const CLIENT_SETTINGS = { output_format_json_quote_64bit_integers: 0, date_time_output_format: 'iso' } as const

/** chDB ignores the client's `database` option, but `USE` sticks to a connection's session. */
async function chdbClients(path: string, database: string | undefined, size: number): Promise<Handle[]> {
  mkdirSync(path, { recursive: true })
  const { createChdbConnection } = await import('chdb/connection')
  const handles = Array.from({ length: size }, (): Handle => {
    const connection = createChdbConnection({ path: resolve(path) })
    const client = createClient({
      connection: connection as unknown as NonNullable<ClickHouseClientConfigOptions['connection']>,
      clickhouse_settings: CLIENT_SETTINGS,
    })
    return { client, chdb: connection.chdb }
  })
  if (database) await Promise.all(handles.map((h) => h.client.command({ query: `USE ${database}` })))
  return handles
}

/**
 * Over HTTP the client's `insert` serialises JSON rows itself; pre-serialised JSONEachRow goes
 * through `exec` as the request body, with the INSERT statement in the URL.
 */
async function httpRawInsert(
  client: ClickHouseClient,
  table: string,
  body: Buffer,
  columns?: string[],
  settings?: Record<string, string | number>,
) {
  const list = columns ? ` (${columns.join(', ')})` : ''
  const { stream } = await client.exec({
    query: `INSERT INTO ${table}${list} FORMAT JSONEachRow`,
    values: Readable.from([body], { objectMode: false }),
    clickhouse_settings: settings,
  })
  await finished(stream.resume())
}

function wrap(what: string, err: unknown): WarehouseError {
  const e = err as { message?: string; code?: string }
  return new WarehouseError(`${what}: ${e.message ?? String(err)}`, err)
}

export async function openWarehouse(opts: WarehouseOptions): Promise<Warehouse> {
  const database = opts.database ?? 'mofang'
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new WarehouseError(`bad database name "${database}"`)
  if (opts.owner) return ownerWarehouse({ ...opts.owner, database })
  const kind = opts.url ? 'http' : 'chdb'
  const make = async (db: string | undefined) =>
    opts.url
      ? [
          {
            client: createClient({
              url: opts.url,
              username: opts.username,
              password: opts.password,
              database: db,
              clickhouse_settings: CLIENT_SETTINGS,
            }),
          },
        ]
      : chdbClients(opts.chdbPath ?? './data/clickhouse', db, opts.poolSize ?? 4)

  // Create the database through a client without a default database, then open the pool on it.
  const [bootstrap] = await make(undefined)
  try {
    await bootstrap.client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` })
  } catch (err) {
    throw wrap(`cannot reach ClickHouse (${opts.url ?? 'chDB ' + (opts.chdbPath ?? './data/clickhouse')})`, err)
  } finally {
    await bootstrap.client.close()
  }
  const pool = new ClientPool(await make(database))

  return {
    kind,
    database,
    query: <T>(sql: string, params?: Params) =>
      pool.use(async ({ client: c }) => {
        try {
          const rs = await c.query({ query: sql, query_params: params, format: 'JSONEachRow' })
          return (await rs.json()) as T[]
        } catch (err) {
          throw wrap('query failed', err)
        }
      }),
    command: (sql: string, params?: Params) =>
      pool.use(async ({ client: c }) => {
        try {
          await c.command({ query: sql, query_params: params })
        } catch (err) {
          throw wrap('command failed', err)
        }
      }),
    insert: (table: string, rows: readonly object[], settings?: Record<string, string | number>) =>
      pool.use(async ({ client: c }) => {
        if (rows.length === 0) return
        try {
          await c.insert({ table, values: rows as object[], format: 'JSONEachRow', clickhouse_settings: settings })
        } catch (err) {
          throw wrap(`insert into ${table} failed`, err)
        }
      }),
    insertRaw: (table: string, body: Buffer, raw: RawInsertOptions = {}) =>
      pool.use(async ({ client, chdb }) => {
        if (body.length === 0) return
        const columns = raw.columns ? [...raw.columns] : undefined
        try {
          if (chdb)
            await chdb.rawInsert({ table, values: body, format: 'JSONEachRow', columns, settings: raw.settings })
          else await httpRawInsert(client, table, body, columns, raw.settings)
        } catch (err) {
          throw wrap(`insert into ${table} failed`, err)
        }
      }),
    close: () => pool.close(),
  }
}
