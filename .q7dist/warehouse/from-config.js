/** Opening the configured warehouse: chDB under MOFANG_DATA_DIR, or CLICKHOUSE_URL. */
import { join } from 'node:path';
import { openWarehouse } from './client.js';
import { migrate } from './migrate.js';
export function warehouseOptions(config, poolSize) {
    return {
        url: config.clickhouseUrl,
        username: config.clickhouseUser,
        password: config.clickhousePassword,
        database: config.clickhouseDatabase,
        chdbPath: join(config.dataDir, 'clickhouse'),
        poolSize,
    };
}
/** For commands run while no server owns the data: open, migrate, run `fn`, close. */
export async function withWarehouse(config, fn) {
    const wh = await openWarehouse(warehouseOptions(config, 1));
    try {
        await migrate(wh, { cluster: config.clickhouseCluster });
        return await fn(wh);
    }
    finally {
        await wh.close();
    }
}
//# sourceMappingURL=from-config.js.map