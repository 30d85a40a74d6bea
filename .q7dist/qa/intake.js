import { Counters, drop, ok, pipeline } from '../core/index.js';
import { decodeEvents } from '../core/contracts/index.js';
import { buildInteraction } from './turns.js';
export const QA_DROPS = [
    /** A message that is not a JSON array of events (the sink dead-letters it). */
    'undecodable',
    /** A message whose end events carry no interaction id: nothing to score. */
    'no_interaction',
    /** An ended interaction with no stored events to build turns from. */
    'no_events',
    /** An ended interaction without a single turn of text. */
    'no_turns',
];
export const qaDropCounters = () => new Counters('qa_drops', QA_DROPS);
/** An end-event message → its end events that name an interaction. `detail` of `undecodable`: the parse error. */
export const qaMessagePipeline = (drops) => pipeline('qa_message', { drops })
    .step('decode', (msg) => {
    try {
        return ok(decodeEvents(msg.data));
    }
    catch (err) {
        return drop('undecodable', err);
    }
})
    .step('select_ends', (events) => {
    const ends = events.filter((e) => e.interaction_id);
    return ends.length ? ok(ends) : drop('no_interaction');
});
/** A finished interaction's stored events → the interaction to score. */
export const qaInteractionPipeline = (drops) => pipeline('qa_interaction', { drops })
    .step('build_turns', ({ tenant, rows }) => {
    const item = buildInteraction(tenant, rows);
    return item ? ok(item) : drop('no_events');
})
    .step('has_turns', (item) => (item.interaction.turns.length ? ok(item) : drop('no_turns')));
//# sourceMappingURL=intake.js.map