/**
 * The embedded chDB of another Mofang process, through its HTTP API: chDB allows one owner process per data
 * directory, so a part started beside `mofang start` (`mofang run PART…` with MOFANG_WAREHOUSE_URL) reads and writes
 * the owner's warehouse over `/v1/warehouse/*` with the owner's admin token. The owner side is `ownerRoutes`; the
 * client implements the Warehouse port, so the part's code is the same as on chDB or a ClickHouse server.
 *
 *   POST /v1/warehouse/query    { sql, params? } → { rows }
 *   POST /v1/warehouse/command  { sql, params? } → { ok: true }
 *   POST /v1/warehouse/insert?table=T[&columns=a,b][&settings=<JSON>]   JSONEachRow body → { ok: true }
 *
 * Query parameters travel as JSON: strings, numbers, booleans and arrays of them (what the named queries use).
 */
import type { IncomingMessage } from 'node:http'
import type { Params, RawInsertOptions, Warehouse } from '../core/index.js'
import { requireAdminToken } from '../kits/auth/index.js'
import { BadRequest, HttpError, readBody, readJsonObject, type RouteContext } from '../kits/http/index.js'

/** Largest statement or insert body the owner takes, bytes (an insert of a day of history is ~10 MiB). */
const MAX_INSERT_BYTES = 64 * 2 ** 20
const MAX_STATEMENT_BYTES = 1024 * 1024
const TABLE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/

export function ownerRoutes(deps: { warehouse: Warehouse; adminToken: string }) {
  const statement = async (req: IncomingMessage) => {
    requireAdminToken(req, deps.adminToken)
    const body = await readJsonObject(req, MAX_STATEMENT_BYTES)
    if (typeof body.sql !== 'string' || !body.sql.trim()) throw new BadRequest('sql', 'required, a statement')
    if (body.params !== undefined && (typeof body.params !== 'object' || body.params === null))
      throw new BadRequest('params', 'expected an object of query parameters')
    return { sql: body.sql, params: body.params as Params | undefined }
  }
  const failed = (err: unknown) => new HttpError(400, 'bad_request', (err as Error).message)
  return {
    'POST /v1/warehouse/query': async ({ req }: RouteContext<unknown>) => {
      const { sql, params } = await statement(req)
      return { rows: await deps.warehouse.query(sql, params).catch((err) => Promise.reject(failed(err))) }
    },
    'POST /v1/warehouse/command': async ({ req }: RouteContext<unknown>) => {
      const { sql, params } = await statement(req)
      await deps.warehouse.command(sql, params).catch((err) => Promise.reject(failed(err)))
      return { ok: true }
    },
    'POST /v1/warehouse/insert': async ({ req, url }: RouteContext<unknown>) => {
      requireAdminToken(req, deps.adminToken)
      const table = url.searchParams.get('table') ?? ''
      if (!TABLE.test(table)) throw new BadRequest('table', 'expected a table name')
      const columns = url.searchParams.get('columns')?.split(',').filter(Boolean)
      let settings: RawInsertOptions['settings']
      try {
        settings = JSON.parse(url.searchParams.get('settings') ?? '{}') as RawInsertOptions['settings']
      } catch {
        throw new BadRequest('settings', 'expected a JSON object')
      }
      const body = await readBody(req, MAX_INSERT_BYTES)
      await deps.warehouse.insertRaw(table, body, { columns, settings }).catch((err) => Promise.reject(failed(err)))
      return { ok: true }
    },
  }
}

/** The Warehouse port over an owner's `/v1/warehouse/*`. */
export function ownerWarehouse(opts: { url: string; token: string; database: string }): Warehouse {
  const base = opts.url.replace(/\/+$/, '')
  const call = async (path: string, body: string | Buffer, contentType: string) => {
    const res = await fetch(`${base}/v1/warehouse/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${opts.token}`, 'content-type': contentType },
      body,
    })
    const answer = (await res.json().catch(() => ({}))) as { rows?: unknown[]; reason?: string }
    if (!res.ok) throw new Error(`warehouse owner ${base}: ${res.status} ${answer.reason ?? res.statusText}`)
    return answer
  }
  const insertRaw = async (table: string, body: Buffer, o: RawInsertOptions = {}) => {
    const q = new URLSearchParams({ table })
    if (o.columns?.length) q.set('columns', o.columns.join(','))
    if (o.settings) q.set('settings', JSON.stringify(o.settings))
    await call(`insert?${q}`, body, 'application/x-ndjson')
  }
  return {
    kind: 'owner',
    database: opts.database,
    async query<T>(sql: string, params?: Params) {
      return (await call('query', JSON.stringify({ sql, params }), 'application/json')).rows as T[]
    },
    async command(sql, params) {
      await call('command', JSON.stringify({ sql, params }), 'application/json')
    },
    insert: (table, rows, settings) =>
      insertRaw(table, Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n')), { settings }),
    insertRaw,
    close: async () => {},
  }
}
