/**
 * Time in the contact centre's IANA zone, without a date library (Intl gives an instant's wall time; the difference
 * to UTC is the offset): "local minutes" (wall-clock minutes since 1970-01-01 in the zone, the forecast library's
 * time axis) and local day numbers with their calendar arithmetic (reports, schedules). Browser-safe.
 */
export { fromLocalMinutes, toLocalMinutes, zoneOffsetMinutes } from './local-time.js';
export { dateOf, dayOfDate, instantOf, isoDate, localDay, weekdayOf } from './local-day.js';
//# sourceMappingURL=index.js.map