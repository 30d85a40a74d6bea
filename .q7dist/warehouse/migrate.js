/**
 * Migrations runner: applies sql/migrations/NNNN_*.sql in order, once each, and
 * records them in schema_migrations. Every statement is idempotent (IF [NOT] EXISTS),
 * so a run interrupted half-way is simply run again.
 *
 * Cluster mode rewrites the same files for a ClickHouse cluster: each table T
 * becomes T_local (Replicated engine, ON CLUSTER) plus T as a Distributed table
 * over it, so reads and inserts keep using T; materialized views read and write
 * the _local tables on every shard.
 *
 * After the files, the retention TTLs the settings ask for (retention.ts), when the caller passes them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { MigrationError, rootDir } from '../core/index.js';
import { applyRetention } from './retention.js';
export const MIGRATIONS_DIR = join(rootDir(), 'sql', 'migrations');
/** Splits a SQL file into statements at semicolons that end a line; comments stay with their statement. */
export function splitStatements(sql) {
    return sql
        .split(/;\s*$/m)
        .map((s) => s.trim())
        .filter((s) => s.replace(/--.*$/gm, '').trim().length > 0);
}
export function loadMigrations(dir = MIGRATIONS_DIR) {
    return readdirSync(dir)
        .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
        .sort()
        .map((name) => {
        const text = readFileSync(join(dir, name), 'utf8');
        return {
            name,
            statements: splitStatements(text),
            checksum: createHash('sha256').update(text).digest('hex').slice(0, 16),
        };
    });
}
const TABLE_RE = /CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\s+(\w+)/i;
const MV_RE = /CREATE\s+MATERIALIZED\s+VIEW\s+IF\s+NOT\s+EXISTS\s+(\w+)\s+TO\s+(\w+)/i;
const VIEW_RE = /CREATE\s+VIEW\s+IF\s+NOT\s+EXISTS\s+(\w+)/i;
const ALTER_RE = /ALTER\s+TABLE\s+(\w+)/i;
const ENGINE_RE = /ENGINE\s*=\s*(\w*)MergeTree(\(([^)]*)\))?/i;
const SHARD_RE = /\/\*\s*shard:\s*(.+?)\s*\*\//;
/**
 * Rewrites one migration's statements for a cluster. `tables` collects the names of
 * the tables seen so far, so views can point at their _local shards.
 */
export function clusterStatements(statements, opts, tables) {
    const on = `ON CLUSTER '${opts.cluster}'`;
    const toLocal = (sql) => sql.replace(/\b(\w+)\b/g, (w) => (tables.has(w) ? `${w}_local` : w));
    const out = [];
    for (const stmt of statements) {
        const table = stmt.match(TABLE_RE);
        const mv = stmt.match(MV_RE);
        const view = stmt.match(VIEW_RE);
        const alter = stmt.match(ALTER_RE);
        if (table) {
            const name = table[1];
            const shardKey = stmt.match(SHARD_RE)?.[1] ?? 'rand()';
            const engine = stmt.match(ENGINE_RE);
            if (!engine)
                throw new Error(`table ${name}: cluster mode needs a MergeTree-family engine`);
            const args = engine[3]?.trim();
            const replicated = `ENGINE = Replicated${engine[1]}MergeTree('/clickhouse/tables/{shard}/${opts.database}/${name}_local', '{replica}'${args ? ', ' + args : ''})`;
            out.push(stmt
                .replace(TABLE_RE, `CREATE TABLE IF NOT EXISTS ${name}_local ${on}`)
                .replace(ENGINE_RE, replicated)
                .replace(SHARD_RE, ''));
            out.push(`CREATE TABLE IF NOT EXISTS ${name} ${on} AS ${name}_local ENGINE = Distributed('${opts.cluster}', '${opts.database}', '${name}_local', ${shardKey})`);
            tables.add(name);
        }
        else if (mv) {
            const [head, body] = [stmt.slice(0, stmt.search(/\bAS\b/i)), stmt.slice(stmt.search(/\bAS\b/i))];
            out.push(`${head.replace(MV_RE, `CREATE MATERIALIZED VIEW IF NOT EXISTS ${mv[1]} ${on} TO ${tables.has(mv[2]) ? mv[2] + '_local' : mv[2]}`).trimEnd()} ${toLocal(body)}`);
        }
        else if (view) {
            out.push(stmt.replace(VIEW_RE, `CREATE VIEW IF NOT EXISTS ${view[1]} ${on}`));
        }
        else if (alter && tables.has(alter[1])) {
            // The shards and their Distributed front keep the same columns; storage settings are the shards' alone.
            out.push(stmt.replace(ALTER_RE, `ALTER TABLE ${alter[1]}_local ${on}`));
            if (!/\bMODIFY\s+SETTING\b/i.test(stmt))
                out.push(stmt.replace(ALTER_RE, `ALTER TABLE ${alter[1]} ${on}`));
        }
        else {
            out.push(stmt);
        }
    }
    return out;
}
/**
 * Applies pending migrations, then the retention TTLs when asked; returns the names applied, then each TTL change
 * (`events: TTL …`). Safe to run concurrently with readers.
 */
export async function migrate(wh, opts = {}) {
    const on = opts.cluster ? ` ON CLUSTER '${opts.cluster}'` : '';
    const engine = opts.cluster
        ? `ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${wh.database}/schema_migrations', '{replica}')`
        : 'ReplacingMergeTree';
    await wh.command(`CREATE TABLE IF NOT EXISTS schema_migrations${on} (name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = ${engine} ORDER BY name`);
    const done = new Set((await wh.query('SELECT name FROM schema_migrations')).map((r) => r.name));
    const tables = new Set();
    const applied = [];
    for (const m of loadMigrations(opts.dir)) {
        const statements = opts.cluster
            ? clusterStatements(m.statements, { cluster: opts.cluster, database: wh.database }, tables)
            : m.statements;
        if (done.has(m.name))
            continue;
        opts.onApply?.(m.name);
        try {
            for (const stmt of statements)
                await wh.command(stmt);
            await wh.insert('schema_migrations', [{ name: m.name, checksum: m.checksum }]);
        }
        catch (err) {
            throw new MigrationError(m.name, err);
        }
        applied.push(m.name);
    }
    if (opts.retention)
        applied.push(...(await applyRetention(wh, opts.retention, { cluster: opts.cluster })));
    return applied;
}
//# sourceMappingURL=migrate.js.map