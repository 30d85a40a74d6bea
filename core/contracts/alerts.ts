/**
 * Wallboard alerts: what a part publishes on `<alertSubject>.<tenant>` (JSON, one AlertInput a message: QA's
 * critical flags, forecast's surge watch), and what the snapshot's `alerts` list shows. Types only.
 */

export type AlertSeverity = 'critical' | 'warning' | 'info'

export interface Alert {
  id: string
  severity: AlertSeverity
  text: string
  ts: number
  source: string
}

export interface AlertInput extends Alert {
  tenant: string
  /** How long the alert stays on the board unless raised again or cleared, ms. */
  ttl_ms?: number
}
