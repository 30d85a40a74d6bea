import { PublishClaim } from './dedup.js';
import { redactEvent } from './redaction.js';
/**
 * Rounds of "wait for the other publish, then try ourselves" before giving up on an id: each round ends in a publish.
 */
const MAX_ROUNDS = 3;
const keyOf = (e) => `${e.tenant}\u0000${e.event_id}`;
/**
 * @param clientSupplied the events whose event_id came from the client: only those can repeat
 * (generated ids are unique by construction).
 */
export async function acceptEvents(events, clientSupplied, deps) {
    const outcome = { accepted: 0, duplicates: 0, failed: [], unconfirmed: [] };
    let todo = events;
    for (let round = 1; todo.length > 0; round++) {
        const claim = new PublishClaim();
        const fresh = [];
        const joined = new Map();
        // An uncertain earlier message → this request's events it carries.
        const republish = new Map();
        const now = Date.now();
        for (const e of todo) {
            const held = clientSupplied.has(e) ? deps.dedup.claim(keyOf(e), claim, now) : 'new';
            if (held === 'new')
                fresh.push(e);
            else if (held === 'stored')
                outcome.duplicates++;
            else if (held instanceof PublishClaim)
                pushTo(joined, held, e);
            else
                pushTo(republish, held.message, e);
        }
        for (const message of republish.keys())
            for (const e of message.events)
                deps.dedup.adopt(keyOf(e), claim, now);
        const { failed, unconfirmed, error } = await publishClaimed(fresh, republish, claim, deps);
        outcome.accepted +=
            fresh.length +
                [...republish.values()].reduce((n, list) => n + list.length, 0) -
                failed.length -
                unconfirmed.length;
        outcome.failed.push(...failed);
        outcome.unconfirmed.push(...unconfirmed);
        outcome.error ??= error;
        // Wait for the other publishes only after ours settled, so two requests that joined each other cannot deadlock.
        await Promise.all([...joined.keys()].map((c) => c.done));
        todo = [...joined.values()].flat();
        if (round === MAX_ROUNDS && todo.length) {
            outcome.failed.push(...todo);
            outcome.error ??= new Error(`${todo.length} events were being published by other requests that kept failing`);
            break;
        }
    }
    return outcome;
}
function pushTo(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
/**
 * Publishes this round's fresh events and uncertain earlier messages; returns this request's events not acknowledged.
 */
async function publishClaimed(fresh, republish, claim, deps) {
    const failed = [];
    const unconfirmed = [];
    let error;
    try {
        if (fresh.length)
            await deps.identity.resolve(fresh);
        // After identity merge, which needs the raw identities; before anything leaves this process.
        if (deps.redaction)
            for (const e of fresh)
                if (deps.redaction.applies(e.tenant))
                    redactEvent(e);
        const messages = [...republish.keys(), ...(fresh.length ? deps.pack(fresh) : [])];
        const result = messages.length ? await deps.publish(messages) : { failed: [] };
        error = result.error;
        for (const { message, maybeStored } of result.failed) {
            // Keep what JetStream may hold as it was sent; release what it refused.
            for (const e of message.events) {
                if (maybeStored)
                    claim.uncertain.set(keyOf(e), message);
                else
                    deps.dedup.release(keyOf(e), claim);
            }
            const mine = republish.get(message) ?? message.events;
            if (maybeStored)
                unconfirmed.push(...mine);
            else
                failed.push(...mine);
        }
    }
    catch (err) {
        error = new Error(`identity store: ${err.message}`, { cause: err });
        for (const e of fresh)
            deps.dedup.release(keyOf(e), claim);
        for (const [message, mine] of republish) {
            for (const e of message.events)
                claim.uncertain.set(keyOf(e), message);
            unconfirmed.push(...mine);
        }
        failed.push(...fresh);
    }
    // Settle after releasing: a request waiting on this claim then sees exactly what was stored.
    claim.settle();
    return { failed, unconfirmed, error };
}
//# sourceMappingURL=accept.js.map