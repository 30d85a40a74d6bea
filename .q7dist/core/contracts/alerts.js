/**
 * Wallboard alerts: what a part publishes through JetStream on `<alertSubject>.<tenant>` (JSON, one AlertInput a
 * message, Nats-Msg-Id `alert:<tenant>:<id>:<ts>`: QA's critical flags, forecast's surge watch), and what the
 * snapshot's `alerts` list shows. The live metrics replay them after a restart. Types only.
 */
export {};
//# sourceMappingURL=alerts.js.map