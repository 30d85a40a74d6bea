/**
 * The planner page's data (GET /api/planner/data, served by forecast/planner-api.ts, read by the app's planner
 * and its what-if worker). Types only. Times are ms since the epoch unless the name says otherwise.
 */

/** One stored forecast interval of one queue and channel (the newest run). */
export interface ForecastInterval {
  queue: string
  channel: string
  /** Interval start. */
  t: number
  forecast: number
  lo: number
  hi: number
  required_agents: number
  /** The interval's AHT forecast (seconds) the staffing used. */
  aht_s: number
  sl_target: number
  sl_threshold_s: number
  method: string
  /** When the run that wrote it happened. */
  generated_at: number
  /** Chat channels: chats per agent the staffing assumed (MOFANG_CHAT_CONCURRENCY); absent = one at a time. */
  concurrency?: number
  /** …and the handle-time slowdown per further chat (MOFANG_CHAT_SLOWDOWN); absent = the kit's default. */
  slowdown?: number
}

/** The latest intraday re-forecast of one interval (the rest of today and tomorrow), next to the stored forecast. */
export interface ReforecastInterval {
  queue: string
  channel: string
  /** Interval start. */
  t: number
  reforecast: number
  lo: number
  hi: number
  required_agents: number
  /** Multiplier applied to the stored forecast of this interval. */
  ratio: number
  generated_at: number
}

/**
 * The stored ticket forecast of one interval of one queue and channel (channels email and ticket): deferred work,
 * forecast like calls but not staffed with Erlang (no agents, AHT or service level).
 */
export interface TicketInterval {
  queue: string
  channel: string
  /** Interval start. */
  t: number
  forecast: number
  lo: number
  hi: number
  method: string
  generated_at: number
}

/** Contacts offered in one interval of one queue and channel. */
export interface ActualInterval {
  queue: string
  channel: string
  t: number
  offered: number
}

/** Agents logged in during one interval. */
export interface LoggedInInterval {
  t: number
  agents: number
}

/** The weather source's state, as the last forecast run found it. */
export interface WeatherStatus {
  source: string
  /** 'ok', or 'no weather signal' when no region has usable weather. */
  signal: 'ok' | 'no weather signal'
  warnings: string[]
  checked_at: number
  /** True for the demo's simulated feed (MOFANG_WEATHER_SOURCE=simulated): the planner labels it so. */
  simulated?: boolean
  /**
   * Relative volume change per 10 mm/h of rain in use: learned from stored weather history, or the configured prior
   * (MOFANG_RAIN_UPLIFT_PER_10MM). The planner's rain what-if uses it.
   */
  rain_uplift_per_10mm?: number
  rain_uplift_effect?: 'learned' | 'prior'
}

/** A surge alert raised in the last day (newest first). */
export interface SurgeRow {
  alert_id: string
  region: string
  queues: string[]
  /** Local ISO times: first hour and end of the last hour with uplift. */
  window_start: string
  window_end: string
  expected_extra_contacts: number
  /** Extra agents needed in the worst hour of the window. */
  expected_extra_agents: number
  reason: string
  raised_at: number
}

/** GET /api/planner/data?date=&days=: forecasts, actuals and logins per 15-minute interval, weather and surges. */
export interface PlannerData {
  tenant: string
  time_zone: string
  from: number
  to: number
  step_ms: number
  forecasts: ForecastInterval[]
  /** Empty until the forecast service has re-forecast today (it does on every run). */
  reforecast: ReforecastInterval[]
  actuals: ActualInterval[]
  /** Ticket forecasts (email and web-form tickets), apart from the staffed `forecasts`. */
  tickets: TicketInterval[]
  /** Tickets created per interval (`offered` = created). */
  ticket_actuals: ActualInterval[]
  logged_in: LoggedInInterval[]
  weather: WeatherStatus | null
  surges: SurgeRow[]
}
