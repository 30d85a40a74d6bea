/** Ad-hoc SQL as `mofang sql` and POST /v1/sql take it: rows for reads, nothing for DDL and writes. */
import type { Warehouse } from './client.js'

const READ = /^\s*(SELECT|WITH|SHOW|DESCRIBE|DESC|EXPLAIN|EXISTS)\b/i

export async function runStatement(wh: Warehouse, sql: string): Promise<Record<string, unknown>[]> {
  if (READ.test(sql)) return wh.query(sql)
  await wh.command(sql)
  return []
}
