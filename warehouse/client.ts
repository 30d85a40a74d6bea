/**
 * ClickHouse access through @clickhouse/client: embedded chDB by default, an
 * HTTP server or cluster when CLICKHOUSE_URL is set. Same SQL either way.
 *
 * chDB runs one query at a time per connection, so the embedded mode keeps a
 * small pool of connections on the same data directory and hands each query
 * to a free one. chDB must stay in the main thread of one owner process.
 */
import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client'
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { WarehouseError } from '../core/errors.js'

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
}

export type Params = Record<string, unknown>

export interface Warehouse {
  readonly kind: 'chdb' | 'http'
  readonly database: string
  /** Runs a SELECT and returns its rows as objects. */
  query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>
  /** Runs DDL or any statement without a result. */
  command(sql: string, params?: Params): Promise<void>
  /** Inserts rows as JSONEachRow (the binary formats are corrupted through chDB's connection). */
  insert(table: string, rows: readonly object[], settings?: Record<string, string | number>): Promise<void>
  close(): Promise<void>
}

/** A tiny FIFO pool: each client serves one request at a time. */
class ClientPool {
  private readonly idle: ClickHouseClient[]
  private readonly waiters: ((c: ClickHouseClient) => void)[] = []
  constructor(private readonly all: ClickHouseClient[]) {
    this.idle = [...all]
  }
  async use<T>(fn: (c: ClickHouseClient) => Promise<T>): Promise<T> {
    const client = this.idle.pop() ?? (await new Promise<ClickHouseClient>((r) => this.waiters.push(r)))
    try {
      return await fn(client)
    } finally {
      const next = this.waiters.shift()
      if (next) next(client)
      else this.idle.push(client)
    }
  }
  async close(): Promise<void> {
    await Promise.all(this.all.map((c) => c.close()))
  }
}

const CLIENT_SETTINGS = { output_format_json_quote_64bit_integers: 0, date_time_output_format: 'iso' } as const

/** chDB ignores the client's `database` option, but `USE` sticks to a connection's session. */
async function chdbClients(path: string, database: string | undefined, size: number): Promise<ClickHouseClient[]> {
  mkdirSync(path, { recursive: true })
  const { createChdbConnection } = await import('chdb/connection')
  const clients = Array.from({ length: size }, () =>
    createClient({
      connection: createChdbConnection({ path: resolve(path) }) as unknown as NonNullable<ClickHouseClientConfigOptions['connection']>,
      clickhouse_settings: CLIENT_SETTINGS,
    }),
  )
  if (database) await Promise.all(clients.map((c) => c.command({ query: `USE ${database}` })))
  return clients
}

function wrap(what: string, err: unknown): WarehouseError {
  const e = err as { message?: string; code?: string }
  return new WarehouseError(`${what}: ${e.message ?? String(err)}`, err)
}

export async function openWarehouse(opts: WarehouseOptions): Promise<Warehouse> {
  const database = opts.database ?? 'mofang'
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new WarehouseError(`bad database name "${database}"`)
  const kind = opts.url ? 'http' : 'chdb'
  const make = async (db: string | undefined) =>
    opts.url
      ? [createClient({ url: opts.url, username: opts.username, password: opts.password, database: db, clickhouse_settings: CLIENT_SETTINGS })]
      : chdbClients(opts.chdbPath ?? './data/clickhouse', db, opts.poolSize ?? 4)

  // Create the database through a client without a default database, then open the pool on it.
  const [bootstrap] = await make(undefined)
  try {
    await bootstrap.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` })
  } catch (err) {
    throw wrap(`cannot reach ClickHouse (${opts.url ?? 'chDB ' + (opts.chdbPath ?? './data/clickhouse')})`, err)
  } finally {
    await bootstrap.close()
  }
  const pool = new ClientPool(await make(database))

  return {
    kind,
    database,
    query: <T>(sql: string, params?: Params) =>
      pool.use(async (c) => {
        try {
          const rs = await c.query({ query: sql, query_params: params, format: 'JSONEachRow' })
          return (await rs.json()) as T[]
        } catch (err) {
          throw wrap('query failed', err)
        }
      }),
    command: (sql: string, params?: Params) =>
      pool.use(async (c) => {
        try {
          await c.command({ query: sql, query_params: params })
        } catch (err) {
          throw wrap('command failed', err)
        }
      }),
    insert: (table: string, rows: readonly object[], settings?: Record<string, string | number>) =>
      pool.use(async (c) => {
        if (rows.length === 0) return
        try {
          await c.insert({ table, values: rows as object[], format: 'JSONEachRow', clickhouse_settings: settings })
        } catch (err) {
          throw wrap(`insert into ${table} failed`, err)
        }
      }),
    close: () => pool.close(),
  }
}
