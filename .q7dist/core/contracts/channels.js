/**
 * The channels' status board: GET /api/channels and /healthz show, per tenant and platform, the last message's time,
 * messages stored, and refusals and failures by reason (channels/status.ts keeps it). Types only.
 */
export {};
//# sourceMappingURL=channels.js.map