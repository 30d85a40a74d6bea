const READ = /^\s*(SELECT|WITH|SHOW|DESCRIBE|DESC|EXPLAIN|EXISTS)\b/i;
export async function runStatement(wh, sql) {
    if (READ.test(sql))
        return wh.query(sql);
    await wh.command(sql);
    return [];
}
//# sourceMappingURL=statement.js.map