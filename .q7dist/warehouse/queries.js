/**
 * Named queries: sql/queries/<name>.sql, loaded once. Parameters use ClickHouse's
 * {name:Type} syntax, so the same text runs in the app, in tests and by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootDir } from '../core/index.js';
const cache = new Map();
export function loadQuery(name) {
    let sql = cache.get(name);
    if (sql === undefined) {
        sql = readFileSync(join(rootDir(), 'sql', 'queries', `${name}.sql`), 'utf8')
            .trim()
            .replace(/;$/, '');
        cache.set(name, sql);
    }
    return sql;
}
//# sourceMappingURL=queries.js.map