/**
 * Threshold alarms: rules a supervisor sets on a saved wall (or for a group of queues, teams or channels), and the
 * alarms the live metrics raise from them. An alarm is published on NATS (`<prefix>.alarm.<tenant>`), stored with its
 * start, acknowledgement and end, shown on the wall and pushed to supervisors' browsers. Types, the subject of
 * acknowledgements and the checks a rule must pass beyond its shape (`alarmRuleProblem`: the wall designer, the walls
 * API and MOFANG_ALARM_RULES share them). Times are ms since the Unix epoch.
 */
/** Every AlarmMetric, once (a Record, so a metric added to the union must be added here). */
const METRICS = {
    sl_pct: true,
    abandon_pct: true,
    longest_wait_s: true,
    waiting: true,
    asa_s: true,
    csat_pct: true,
    agents_ready: true,
    qa_avg: true,
};
export const ALARM_METRICS = Object.keys(METRICS);
/** The owner of the rules from MOFANG_ALARM_RULES, not tied to a wall (a wall id starts with a letter or digit). */
export const GROUP_RULES_OWNER = '_group';
/**
 * Core NATS request subject of acknowledgements (`<alarmSubject>_ack.<tenant>`): the wallboard server asks
 * (POST /api/alarms/:key/ack), the live metrics service, which holds the alarms, answers with an AlarmAckReply.
 */
export const alarmAckSubject = (topology, tenant) => `${topology.alarmSubject}_ack.${tenant}`;
/** Which scopes a metric has rows for. */
const SCOPES_OF = {
    qa_avg: ['tenant'],
    agents_ready: ['tenant', 'team', 'queue'],
};
/**
 * What is wrong with a rule beyond its shape (a scope without the name it needs, a metric without rows of that
 * scope), as the field and the reason; undefined when nothing is.
 */
export function alarmRuleProblem(rule) {
    const { kind, name } = rule.scope;
    if (kind === 'tenant' && name !== undefined)
        return { field: 'scope.name', reason: 'a tenant rule has no name' };
    if (kind !== 'tenant' && !name)
        return { field: 'scope.name', reason: `required for a ${kind} rule (a name, or * for every ${kind})` };
    const kinds = SCOPES_OF[rule.metric];
    if (kinds && !kinds.includes(kind))
        return { field: 'scope.kind', reason: `${rule.metric} exists for ${kinds.join(', ')} rows only` };
    if (!Number.isFinite(rule.threshold))
        return { field: 'threshold', reason: 'must be a number' };
    return undefined;
}
//# sourceMappingURL=alarms.js.map