/**
 * `mofang report daily|weekly|monthly`: the report as JSON, CSV, XLSX or PDF. Through the running server when one
 * owns the chDB directory (chDB allows one owner process: GET /api/reports/:period/export with the lock file's admin
 * token), else on this machine's data directly. Either way the options are the API's query parameters and are
 * refused with the same reasons.
 */
import { writeFileSync } from 'node:fs';
import { BadInputError, loadConfig, parseApiKeys } from '../core/index.js';
import { readLiveLock } from '../kits/cli/index.js';
import { BadRequest } from '../kits/http/index.js';
/** Options that go to the API as query parameters, as they are. */
const PARAMS = ['date', 'from', 'to', 'format', 'lang', 'channel', 'queue', 'team', 'site', 'source'];
export async function runReport(args) {
    const period = args.positionals[0];
    if (!period || args.positionals.length > 1)
        throw new BadInputError('give one period: mofang report daily|weekly|monthly [options] (--help for more)');
    const config = loadConfig();
    const query = new URLSearchParams();
    for (const name of PARAMS) {
        const v = args.values[name];
        if (typeof v === 'string' && v !== '')
            query.set(name, v);
    }
    query.set('tenant', args.values.tenant || defaultTenant(config));
    const output = args.values.output;
    const format = query.get('format') ?? 'json';
    if (!output && (format === 'xlsx' || format === 'pdf') && process.stdout.isTTY)
        throw new BadInputError(`--format ${format} writes a binary file: give -o FILE`);
    const lock = config.clickhouseUrl ? undefined : readLiveLock(config.dataDir);
    const file = lock ? await fromServer(lock, period, query) : await here(config, period, query);
    if (output) {
        writeFileSync(output, file.body);
        process.stderr.write(`report: ${file.filename} (${file.body.length} bytes) written to ${output}\n`);
    }
    else
        process.stdout.write(file.body);
}
/** The only tenant of MOFANG_API_KEYS, else the demo's. */
function defaultTenant(config) {
    const tenants = new Set(config.apiKeys ? parseApiKeys(config.apiKeys).values() : []);
    return tenants.size === 1 ? [...tenants][0] : 'demo';
}
async function fromServer(lock, period, query) {
    const res = await fetch(`${lock.url}/api/reports/${encodeURIComponent(period)}/export?${query}`, {
        headers: { authorization: `Bearer ${lock.adminToken}` },
    });
    if (!res.ok) {
        const body = (await res.json().catch(() => ({})));
        const reason = body.reason ?? `server answered ${res.status}`;
        // The API's reason starts with its field: "date: …".
        throw new BadInputError(optionReason(body.field, body.field ? reason.replace(`${body.field}: `, '') : reason));
    }
    const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'report';
    return {
        body: Buffer.from(await res.arrayBuffer()),
        contentType: res.headers.get('content-type') ?? '',
        filename,
    };
}
async function here(config, period, query) {
    const { withWarehouse } = await import('../warehouse/index.js');
    const { knownDimensions } = await import('./dimensions.js');
    const params = await import('./params.js');
    const { buildReport } = await import('./report.js');
    const { Rollups } = await import('./rollups.js');
    const { exportReport } = await import('./export.js');
    const url = new URL(`http://cli/?${query}`);
    const tenant = query.get('tenant');
    try {
        return await withWarehouse(config, async (wh) => {
            const granularity = params.periodOf(period);
            const format = params.formatOf(url.searchParams.get('format'));
            const lang = params.languageOf(url.searchParams.get('lang'));
            const span = params.spanParam(url, granularity, Date.now(), config.timeZone);
            const filters = params.filtersParam(url, await knownDimensions(wh, tenant));
            const rollups = new Rollups(wh, { timeZone: config.timeZone, repeatDays: config.reportRepeatDays });
            const source = params.sourceOf(url.searchParams.get('source'));
            // No server keeps the rollups fresh here: every changed day is built now.
            const report = await buildReport(wh, rollups, { tenant, span, filters, source, maxAgeMs: 0 });
            return exportReport(report, format, { lang });
        });
    }
    catch (err) {
        if (err instanceof BadRequest)
            throw new BadInputError(optionReason(err.field, err.reason));
        throw err;
    }
}
/** An API refusal in the CLI's words: `period` is the argument, other fields are options. */
const optionReason = (field, reason) => !field ? reason : field === 'period' ? `period: ${reason}` : `--${field}: ${reason}`;
//# sourceMappingURL=report-command.js.map