/**
 * The public API of forecast/ (arrival, AHT and ticket forecasting, re-forecasting, staffing runs, weather surge
 * alerts and the forecast service).
 * Other folders import only this file.
 */
export { forecastSeries } from './forecast.js'
export type { Point } from './series.js'
export { forecastSettings } from './service-settings.js'
export { forecastService, type ForecastService } from './service.js'
