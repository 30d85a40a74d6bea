/**
 * The simulation kit's public API: seeded randomness and the time-ordered heap behind the discrete-event simulators.
 */
export { Random } from './random.js'
export { TimeHeap } from './heap.js'
export {
  simulatedRainMmH,
  nextWholeHour,
  DEMO_STORM_HOURS,
  DEMO_STORM_MM_H,
  SIMULATED_MAX_RAIN_MM_H,
  SIMULATED_UPLIFT_PER_10MM,
} from './weather.js'
export {
  renderScreenshot,
  cjkFontAvailable,
  type ScreenshotSpec,
  type ScreenshotOptions,
  type ScreenshotLanguage,
} from './screenshot.js'
