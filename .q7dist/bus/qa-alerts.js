const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const qaResultMsgId = (r) => `qa:${r.tenant}:${r.interaction_id}:${r.ts}`;
export const alertMsgId = (a) => `alert:${a.tenant}:${a.id}:${a.ts}`;
async function publish(js, subject, body, msgID, opts) {
    const data = encoder.encode(JSON.stringify(body));
    for (let attempt = 0;; attempt++) {
        try {
            return await js.publish(subject, data, { msgID, timeout: opts.timeoutMs ?? 5_000 });
        }
        catch (err) {
            if (attempt >= (opts.retries ?? 2))
                throw err;
        }
    }
}
/** Publishes a QA result on `<qaSubject>.<tenant>`; resolves once JetStream has it (`duplicate` if it had it). */
export const publishQaResult = (js, t, result, opts = {}) => publish(js, `${t.qaSubject}.${result.tenant}`, result, qaResultMsgId(result), opts);
/**
 * Raises (or, with the same id, updates) an alert on `<alertSubject>.<tenant>`; `ttl_ms: 0` clears it. Resolves
 * once JetStream has it.
 */
export const publishAlert = (js, t, alert, opts = {}) => publish(js, `${t.alertSubject}.${alert.tenant}`, alert, alertMsgId(alert), opts);
/**
 * Publishes an alarm's change on `<alarmSubject>.<tenant>`; `version` numbers the changes of one alarm (its stored
 * row's version), so a retried publish is dropped as a duplicate and the next change is not.
 */
export const publishAlarmChange = (js, t, change, version, opts = {}) => {
    const { tenant, key, started_at } = change.alarm;
    return publish(js, `${t.alarmSubject}.${tenant}`, change, `alarm:${tenant}:${key}:${started_at}:${version}`, opts);
};
/** A message of the QA and alerts stream, by its subject; throws on a body that is not JSON. */
export function readQaAlertMessage(t, subject, data) {
    if (subject.startsWith(`${t.qaSubject}.`))
        return { kind: 'qa', result: JSON.parse(decoder.decode(data)) };
    if (subject.startsWith(`${t.alertSubject}.`))
        return { kind: 'alert', alert: JSON.parse(decoder.decode(data)) };
    return null;
}
//# sourceMappingURL=qa-alerts.js.map