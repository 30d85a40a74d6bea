/**
 * Wallboard alerts: what a part publishes through JetStream on `<alertSubject>.<tenant>` (JSON, one AlertInput a
 * message, Nats-Msg-Id `alert:<tenant>:<id>:<ts>`: QA's critical flags, forecast's surge watch), and what the
 * snapshot's `alerts` list shows. The live metrics replay them after a restart. Types only.
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
  /**
   * How long the alert stays on the board from `ts` unless raised again, ms; 0 clears it (an alert is cleared by
   * raising it again with ttl_ms 0, or by expiring).
   */
  ttl_ms?: number
}
