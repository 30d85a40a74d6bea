/**
 * The public API of forecast/ (arrival, AHT and ticket forecasting, re-forecasting, staffing runs, weather surge
 * alerts and the forecast service).
 * Other folders import only this file.
 */
export { forecastSeries } from './forecast.js';
export { forecastSettings } from './service-settings.js';
export { forecastService } from './service.js';
//# sourceMappingURL=index.js.map