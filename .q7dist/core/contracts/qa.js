/**
 * QA results on the bus, and the scorecard's check ids. A QA result is published through JetStream on
 * `<qaSubject>.<tenant>` (JSON, one QaResultInput a message; Nats-Msg-Id `qa:<tenant>:<interaction_id>:<ts>`) when an
 * interaction is scored or a reviewer corrects its score; the live metrics fold it into the snapshot's QA section,
 * and replay today's from the stream after a restart.
 */
/**
 * The checks a scorecard can hold, in the order they run (and appear in a result's `checks`). A scorecard's
 * `checks` keys (qa/scorecard.ts) are exactly these; the review desk filters on them.
 */
export const QA_CHECK_IDS = [
    'greeting',
    'closing',
    'politeness',
    'address_by_surname',
    'blame',
    'forbidden_words',
    'sentiment',
    'dead_air',
];
//# sourceMappingURL=qa.js.map