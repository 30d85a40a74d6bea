/** Weather as a forecasting signal: hourly observations/forecasts per region. */
const finite = (v) => typeof v === 'number' && Number.isFinite(v);
/** Checks one hour's numbers; returns a reason when unusable. */
export function checkHour(h) {
    for (const k of ['time', 'precipitation', 'temperature', 'windSpeed', 'windGusts', 'weatherCode']) {
        if (!finite(h[k]))
            return `${k} is missing or not a number`;
    }
    return h;
}
//# sourceMappingURL=types.js.map