/**
 * ClickHouse access through @clickhouse/client: embedded chDB by default, an
 * HTTP server or cluster when CLICKHOUSE_URL is set. Same SQL either way.
 *
 * chDB runs one query at a time per connection, so the embedded mode keeps a
 * small pool of connections on the same data directory and hands each query
 * to a free one. chDB must stay in the main thread of one owner process.
 */
import { createClient } from '@clickhouse/client';
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { resolve } from 'node:path';
import { WarehouseError } from '../core/index.js';
/** A tiny FIFO pool: each connection serves one request at a time. */
class ClientPool {
    all;
    idle;
    waiters = [];
    constructor(all) {
        this.all = all;
        this.idle = [...all];
    }
    async use(fn) {
        const handle = this.idle.pop() ?? (await new Promise((r) => this.waiters.push(r)));
        try {
            return await fn(handle);
        }
        finally {
            const next = this.waiters.shift();
            if (next)
                next(handle);
            else
                this.idle.push(handle);
        }
    }
    async close() {
        await Promise.all(this.all.map((h) => h.client.close()));
    }
}
const CLIENT_SETTINGS = { output_format_json_quote_64bit_integers: 0, date_time_output_format: 'iso' };
/** chDB ignores the client's `database` option, but `USE` sticks to a connection's session. */
async function chdbClients(path, database, size) {
    mkdirSync(path, { recursive: true });
    const { createChdbConnection } = await import('chdb/connection');
    const handles = Array.from({ length: size }, () => {
        const connection = createChdbConnection({ path: resolve(path) });
        const client = createClient({
            connection: connection,
            clickhouse_settings: CLIENT_SETTINGS,
        });
        return { client, chdb: connection.chdb };
    });
    if (database)
        await Promise.all(handles.map((h) => h.client.command({ query: `USE ${database}` })));
    return handles;
}
/**
 * Over HTTP the client's `insert` serialises JSON rows itself; pre-serialised JSONEachRow goes
 * through `exec` as the request body, with the INSERT statement in the URL.
 */
async function httpRawInsert(client, table, body, columns, settings) {
    const list = columns ? ` (${columns.join(', ')})` : '';
    const { stream } = await client.exec({
        query: `INSERT INTO ${table}${list} FORMAT JSONEachRow`,
        values: Readable.from([body], { objectMode: false }),
        clickhouse_settings: settings,
    });
    await finished(stream.resume());
}
function wrap(what, err) {
    const e = err;
    return new WarehouseError(`${what}: ${e.message ?? String(err)}`, err);
}
export async function openWarehouse(opts) {
    const database = opts.database ?? 'mofang';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database))
        throw new WarehouseError(`bad database name "${database}"`);
    const kind = opts.url ? 'http' : 'chdb';
    const make = async (db) => opts.url
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
        : chdbClients(opts.chdbPath ?? './data/clickhouse', db, opts.poolSize ?? 4);
    // Create the database through a client without a default database, then open the pool on it.
    const [bootstrap] = await make(undefined);
    try {
        await bootstrap.client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
    }
    catch (err) {
        throw wrap(`cannot reach ClickHouse (${opts.url ?? 'chDB ' + (opts.chdbPath ?? './data/clickhouse')})`, err);
    }
    finally {
        await bootstrap.client.close();
    }
    const pool = new ClientPool(await make(database));
    return {
        kind,
        database,
        query: (sql, params) => pool.use(async ({ client: c }) => {
            try {
                const rs = await c.query({ query: sql, query_params: params, format: 'JSONEachRow' });
                return (await rs.json());
            }
            catch (err) {
                throw wrap('query failed', err);
            }
        }),
        command: (sql, params) => pool.use(async ({ client: c }) => {
            try {
                await c.command({ query: sql, query_params: params });
            }
            catch (err) {
                throw wrap('command failed', err);
            }
        }),
        insert: (table, rows, settings) => pool.use(async ({ client: c }) => {
            if (rows.length === 0)
                return;
            try {
                await c.insert({ table, values: rows, format: 'JSONEachRow', clickhouse_settings: settings });
            }
            catch (err) {
                throw wrap(`insert into ${table} failed`, err);
            }
        }),
        insertRaw: (table, body, raw = {}) => pool.use(async ({ client, chdb }) => {
            if (body.length === 0)
                return;
            const columns = raw.columns ? [...raw.columns] : undefined;
            try {
                if (chdb)
                    await chdb.rawInsert({ table, values: body, format: 'JSONEachRow', columns, settings: raw.settings });
                else
                    await httpRawInsert(client, table, body, columns, raw.settings);
            }
            catch (err) {
                throw wrap(`insert into ${table} failed`, err);
            }
        }),
        close: () => pool.close(),
    };
}
//# sourceMappingURL=client.js.map