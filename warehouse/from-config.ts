/** Opening the configured warehouse: chDB under MOFANG_DATA_DIR, or CLICKHOUSE_URL. */
import { join } from 'node:path'
import type { Config } from '../core/index.js'
import { openWarehouse, type Warehouse, type WarehouseOptions } from './client.js'
import { migrate } from './migrate.js'

export function warehouseOptions(config: Config, poolSize?: number): WarehouseOptions {
  return {
    url: config.clickhouseUrl,
    username: config.clickhouseUser,
    password: config.clickhousePassword,
    database: config.clickhouseDatabase,
    chdbPath: join(config.dataDir, 'clickhouse'),
    poolSize,
    owner: config.warehouseUrl ? { url: config.warehouseUrl, token: config.warehouseToken ?? '' } : undefined,
  }
}

/** For commands run while no server owns the data: open, migrate, run `fn`, close. */
export async function withWarehouse<T>(config: Config, fn: (wh: Warehouse) => Promise<T>): Promise<T> {
  const wh = await openWarehouse(warehouseOptions(config, 1))
  try {
    await migrate(wh, { cluster: config.clickhouseCluster })
    return await fn(wh)
  } finally {
    await wh.close()
  }
}
