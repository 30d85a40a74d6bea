/**
 * The delivery schedules (MOFANG_REPORT_SCHEDULES): a JSON array, inline or in a file, of
 * `{ tenant, period, recipients, id?, at?, time_zone?, lang?, formats? }`. Parsed and checked at start; every
 * problem is a ConfigError naming the variable and the field (`schedules[1].recipients[0]: …`), and unknown fields
 * are refused too, so a typo ("recipient") stops the start instead of silently sending nothing.
 */
import { readFileSync } from 'node:fs';
import { REPORT_PERIODS } from '../../core/contracts/index.js';
import { ConfigError } from '../../core/index.js';
const ATTACHABLE = ['pdf', 'xlsx', 'csv'];
const DEFAULT_FORMATS = ['pdf', 'xlsx'];
const LANGUAGES = ['zh', 'en'];
const NAME = /^[a-z0-9][a-z0-9_-]*$/;
// A plain address: the part before @ without spaces or brackets, a domain after it. Display names are not accepted:
// one more thing to quote wrongly in a JSON setting.
const EMAIL = /^[^\s@<>()[\],;:"]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const KNOWN_FIELDS = new Set(['id', 'tenant', 'period', 'recipients', 'at', 'time_zone', 'lang', 'formats']);
/** The schedules from the setting's text: inline JSON (starting with `[`) or the path of a JSON file. */
export function parseSchedules(text, defaultTimeZone, variable = 'MOFANG_REPORT_SCHEDULES') {
    const fail = (reason) => {
        throw new ConfigError(variable, reason);
    };
    let json = text;
    if (!text.trim().startsWith('[')) {
        try {
            json = readFileSync(text.trim(), 'utf8');
        }
        catch (err) {
            fail(`not a JSON array, nor a readable file: ${err.message}`);
        }
    }
    let data;
    try {
        data = JSON.parse(json);
    }
    catch (err) {
        fail(`not JSON: ${err.message}`);
    }
    if (!Array.isArray(data))
        fail('expected a JSON array of { tenant, period, recipients, … }');
    const schedules = data.map((item, i) => parseOne(item, `schedules[${i}]`, defaultTimeZone, fail));
    const seen = new Set();
    for (const [i, s] of schedules.entries()) {
        if (seen.has(s.id))
            fail(`schedules[${i}].id: "${s.id}" is used twice (give each schedule of a tenant and period its own id)`);
        seen.add(s.id);
    }
    return schedules;
}
function parseOne(item, at, defaultTimeZone, fail) {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
        fail(`${at}: expected an object { tenant, period, recipients, … }`);
    const o = item;
    for (const key of Object.keys(o))
        if (!KNOWN_FIELDS.has(key))
            fail(`${at}.${key}: unknown field (known: ${[...KNOWN_FIELDS].join(', ')})`);
    const name = (field, value) => typeof value === 'string' && NAME.test(value)
        ? value
        : fail(`${at}.${field}: expected lower-case letters, digits, _ and -, got ${JSON.stringify(value)}`);
    const oneOf = (field, value, allowed) => allowed.includes(value)
        ? value
        : fail(`${at}.${field}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    const tenant = name('tenant', o.tenant);
    const period = oneOf('period', o.period, REPORT_PERIODS);
    if (!Array.isArray(o.recipients) || o.recipients.length === 0)
        fail(`${at}.recipients: expected a non-empty array of email addresses`);
    const recipients = o.recipients.map((r, j) => typeof r === 'string' && EMAIL.test(r.trim())
        ? r.trim()
        : fail(`${at}.recipients[${j}]: ${JSON.stringify(r)} is not an email address`));
    const timeZone = o.time_zone === undefined ? defaultTimeZone : String(o.time_zone);
    try {
        new Intl.DateTimeFormat('en', { timeZone });
    }
    catch {
        fail(`${at}.time_zone: unknown time zone "${timeZone}" (use an IANA name such as Asia/Shanghai)`);
    }
    const formats = o.formats === undefined
        ? [...DEFAULT_FORMATS]
        : Array.isArray(o.formats) && o.formats.length > 0
            ? [...new Set(o.formats.map((f, j) => oneOf(`formats[${j}]`, f, ATTACHABLE)))]
            : fail(`${at}.formats: expected a non-empty array of ${ATTACHABLE.join(', ')}`);
    return {
        id: o.id === undefined ? `${tenant}-${period}` : name('id', o.id),
        tenant,
        period,
        recipients,
        atMinutes: o.at === undefined ? 8 * 60 : clockMinutes(o.at, `${at}.at`, fail),
        timeZone,
        lang: o.lang === undefined ? 'zh' : oneOf('lang', o.lang, LANGUAGES),
        formats,
    };
}
/** `"08:00"` → 480. */
function clockMinutes(value, at, fail) {
    const m = typeof value === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
    return m
        ? Number(m[1]) * 60 + Number(m[2])
        : fail(`${at}: expected a local time HH:MM such as "08:00", got ${JSON.stringify(value)}`);
}
//# sourceMappingURL=schedules.js.map