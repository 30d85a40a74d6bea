/**
 * Resolution targets of tickets by `ticket.created` priority, hours (the reports' SLA: reports/rollups.ts); a ticket
 * without a priority is `normal`.
 */
export const TICKET_SLA_HOURS = { urgent: 4, high: 8, normal: 24, low: 72 };
//# sourceMappingURL=snapshot.js.map