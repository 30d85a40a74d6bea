/** Commands on the warehouse: ad-hoc SQL, migrations, customer history. */
import { type Command, type ParsedArgs, readLiveLock, requireString } from '../kits/cli/index.js'
import { BadInputError, type Config, loadConfig } from '../core/index.js'

/** Prints rows as an aligned table (or JSON lines / CSV). */
export function formatRows(rows: Record<string, unknown>[], format: string): string {
  if (format === 'json') return rows.map((r) => JSON.stringify(r)).join('\n')
  if (rows.length === 0) return '(no rows)'
  const cols = Object.keys(rows[0])
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)
  if (format === 'csv') {
    const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)
    return [cols.join(','), ...rows.map((r) => cols.map((c) => q(cell(r[c]))).join(','))].join('\n')
  }
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => [...cell(r[c])].length)))
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join('  ')
  return [
    line(cols),
    line(widths.map((w) => '─'.repeat(w))),
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
  ].join('\n')
}

/**
 * Runs SQL where the data is: through the running server when one owns the chDB
 * directory (chDB allows one owner process), else directly.
 */
async function runSql(config: Config, sql: string): Promise<Record<string, unknown>[]> {
  const lock = config.clickhouseUrl ? undefined : readLiveLock(config.dataDir)
  if (lock) {
    const res = await fetch(`${lock.url}/v1/sql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lock.adminToken}` },
      body: sql,
    })
    const body = (await res.json()) as { rows?: Record<string, unknown>[]; error?: string; reason?: string }
    if (!res.ok) throw new BadInputError(body.reason ?? body.error ?? `server answered ${res.status}`)
    return body.rows ?? []
  }
  const { withWarehouse } = await import('./from-config.js')
  const { runStatement } = await import('./statement.js')
  return withWarehouse(config, async (wh) => {
    try {
      return await runStatement(wh, sql)
    } catch (err) {
      throw new BadInputError((err as Error).message)
    }
  })
}

const formatOption = {
  type: 'string',
  description: 'table, json (one object per line) or csv',
  default: 'table',
} as const

function formatOf(args: ParsedArgs): string {
  const f = String(args.values.format)
  if (!['table', 'json', 'csv'].includes(f))
    throw new BadInputError(`--format: expected table, json or csv, got "${f}"`)
  return f
}

export const warehouseCommands: Command[] = [
  {
    path: ['sql'],
    summary: 'run a ClickHouse query against the warehouse (through the running server when there is one)',
    positionals: '"<query>"',
    details: 'Example: mofang sql "SELECT channel, count() FROM events GROUP BY channel"',
    options: { format: formatOption },
    async run(args) {
      const sql = args.positionals.join(' ').trim()
      if (!sql) throw new BadInputError('give the query as an argument, e.g. mofang sql "SELECT count() FROM events"')
      const format = formatOf(args)
      console.log(formatRows(await runSql(loadConfig(), sql), format))
    },
  },
  {
    path: ['migrate'],
    summary:
      'apply pending sql/migrations and the MOFANG_RETENTION_* TTLs to the warehouse (start does this too); --print shows the cluster DDL',
    options: {
      print: {
        type: 'boolean',
        description: 'print the statements for CLICKHOUSE_CLUSTER (or --cluster) instead of applying',
      },
      cluster: { type: 'string', description: 'cluster name for --print (default: CLICKHOUSE_CLUSTER)' },
    },
    async run(args) {
      const config = loadConfig()
      const { loadMigrations, clusterMigrations, migrate } = await import('./migrate.js')
      if (args.values.print) {
        const cluster = (args.values.cluster as string | undefined) ?? config.clickhouseCluster
        const migrations = cluster
          ? clusterMigrations({ cluster, database: config.clickhouseDatabase })
          : loadMigrations()
        for (const m of migrations) console.log(`-- ${m.name}\n${m.statements.join(';\n\n')};\n`)
        return
      }
      if (readLiveLock(config.dataDir) && !config.clickhouseUrl) {
        console.log('The running server applied the migrations at start.')
        return
      }
      const { openWarehouse } = await import('./client.js')
      const { warehouseOptions } = await import('./from-config.js')
      const { tableRetention } = await import('./retention.js')
      const wh = await openWarehouse(warehouseOptions(config, 1))
      try {
        const retention = tableRetention(config)
        console.log((await migrate(wh, { cluster: config.clickhouseCluster, retention })).join('\n') || 'up to date')
      } finally {
        await wh.close()
      }
    },
  },
  {
    path: ['customer', 'history'],
    summary: "one customer's whole cross-channel history (all merged identities)",
    positionals: '<customer_id>',
    options: { tenant: { type: 'string', description: 'tenant', default: 'demo' }, format: formatOption },
    async run(args) {
      const id = args.positionals[0]
      if (!id) throw new BadInputError('give the customer id, e.g. mofang customer history 0190…')
      const tenant = requireString(args, 'tenant')
      const config = loadConfig()
      const { customerHistory } = await import('./customers.js')
      const lock = config.clickhouseUrl ? undefined : readLiveLock(config.dataDir)
      if (lock)
        throw new BadInputError(
          `the server is running: GET ${lock.url}/v1/customers/${id}/history with the tenant's API key`,
        )
      const { withWarehouse } = await import('./from-config.js')
      const h = await withWarehouse(config, (wh) => customerHistory(wh, tenant, id))
      console.log(
        `customer ${h.customer_id}${h.merged_ids.length ? ` (merged: ${h.merged_ids.join(', ')})` : ''}; channels: ${h.channels.join(', ')}`,
      )
      console.log(formatRows(h.events as unknown as Record<string, unknown>[], formatOf(args)))
    },
  },
]
