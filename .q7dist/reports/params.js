/**
 * The report API's query parameters, checked: every bad value is a BadRequest (400) naming its parameter. Shared by
 * the HTTP routes and the CLI, so both refuse the same things with the same words.
 */
import { REPORT_FORMATS, REPORT_METRIC_IDS, REPORT_PERIODS, } from '../core/contracts/index.js';
import { CHANNELS } from '../core/index.js';
import { BadRequest } from '../kits/http/index.js';
import { bucketsOf, isoDate, localDay, MAX_BUCKETS, parseDay, periodStart, spanOf } from './period.js';
const oneOf = (field, value, allowed) => {
    if (allowed.includes(value))
        return value;
    throw new BadRequest(field, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(value.slice(0, 40))}`);
};
export const periodOf = (raw) => oneOf('period', raw, REPORT_PERIODS);
export const formatOf = (raw) => oneOf('format', raw ?? 'json', REPORT_FORMATS);
export const metricOf = (raw) => {
    if (raw === null || raw === '')
        throw new BadRequest('metric', 'required: the id of a report metric');
    return oneOf('metric', raw, REPORT_METRIC_IDS);
};
function dayParam(field, raw, today, timeZone) {
    const day = parseDay(raw);
    if (day === undefined)
        throw new BadRequest(field, `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(raw.slice(0, 40))}`);
    if (day > today)
        throw new BadRequest(field, `${raw} is in the future (today is ${isoDate(today)} in ${timeZone})`);
    return day;
}
/**
 * The span a report covers: `date` (default: the last complete period) picks the period holding it; `from` and
 * `to` (both, YYYY-MM-DD) a range of whole periods, at most MAX_BUCKETS of them.
 */
export function spanParam(url, granularity, now, timeZone) {
    const today = localDay(now, timeZone);
    const q = (name) => url.searchParams.get(name) || undefined;
    const date = q('date');
    const from = q('from');
    const to = q('to');
    if (date !== undefined && (from !== undefined || to !== undefined))
        throw new BadRequest('date', 'give either date, or from and to, not both');
    if ((from === undefined) !== (to === undefined))
        throw new BadRequest(from === undefined ? 'from' : 'to', 'from and to go together: give both');
    if (from !== undefined && to !== undefined) {
        const range = { first: dayParam('from', from, today, timeZone), last: dayParam('to', to, today, timeZone) };
        if (range.first > range.last)
            throw new BadRequest('to', `${to} is before from (${from})`);
        const periods = bucketsOf(granularity, range).length;
        if (periods > MAX_BUCKETS[granularity])
            throw new BadRequest('to', `a ${granularity} report covers at most ${MAX_BUCKETS[granularity]} ${UNIT[granularity]}, asked for ${periods}: ` +
                COARSER[granularity]);
        return spanOf(granularity, today, range);
    }
    const day = date === undefined ? periodStart(granularity, today) - 1 : dayParam('date', date, today, timeZone);
    return spanOf(granularity, today, { day });
}
const UNIT = { daily: 'days', weekly: 'weeks', monthly: 'months' };
const COARSER = {
    daily: 'use weekly or monthly, or a shorter range',
    weekly: 'use monthly, or a shorter range',
    monthly: 'use a shorter range',
};
/** channel, queue, team, site: each optional, each one the tenant has. */
export function filtersParam(url, known) {
    const filters = {};
    const channel = url.searchParams.get('channel');
    if (channel)
        filters.channel = oneOf('channel', channel, CHANNELS);
    for (const name of ['queue', 'team', 'site']) {
        const value = url.searchParams.get(name);
        if (!value)
            continue;
        if (!known[name].includes(value)) {
            const some = known[name].slice(0, 12).join(', ') || 'none yet';
            throw new BadRequest(name, `unknown ${name} ${JSON.stringify(value.slice(0, 40))} (known: ${some})`);
        }
        filters[name] = value;
    }
    return filters;
}
export const sourceOf = (raw) => oneOf('source', raw ?? 'rollup', ['rollup', 'raw']);
export const languageOf = (raw) => oneOf('lang', raw ?? 'zh', ['zh', 'en']);
//# sourceMappingURL=params.js.map