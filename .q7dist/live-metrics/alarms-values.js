/** The window a windowed metric reads when the rule names none. */
export const DEFAULT_ALARM_WINDOW = '30m';
const ROWS_OF = { queue: 'queues', channel: 'channels', team: 'teams' };
/** The rows the rule's scope names that the snapshot has, with the rule's metric on each. */
export function ruleRows(snap, rule) {
    const { kind, name } = rule.scope;
    if (kind === 'tenant')
        return [{ row: 'tenant', value: valueOf(snap, rule, snap.totals, 'tenant') }];
    const rows = snap[ROWS_OF[kind]];
    const names = name === '*' ? Object.keys(rows) : name !== undefined && rows[name] ? [name] : [];
    return names.map((n) => ({ row: `${kind}:${n}`, value: valueOf(snap, rule, rows[n], `${kind}:${n}`) }));
}
function valueOf(snap, rule, m, row) {
    const w = m.windows[rule.window ?? DEFAULT_ALARM_WINDOW];
    switch (rule.metric) {
        case 'sl_pct':
        case 'abandon_pct':
        case 'asa_s':
        case 'csat_pct':
            return w?.[rule.metric] ?? null;
        case 'longest_wait_s':
            return m.longest_wait_s;
        case 'waiting':
            return m.waiting;
        case 'qa_avg':
            return snap.qa.today_avg_score;
        case 'agents_ready':
            if (!row.startsWith('queue:'))
                return m.agents?.ready ?? 0;
            // A queue has no agent counts of its own: its ready agents are those skilled for it, and they matter only
            // while someone waits.
            if (m.waiting === 0)
                return null;
            return snap.agents.filter((a) => a.state === 'ready' && a.skills?.includes(row.slice('queue:'.length))).length;
    }
}
const LABELS = {
    sl_pct: { name: 'SL', unit: ' %', windowed: true },
    abandon_pct: { name: 'Abandon', unit: ' %', windowed: true },
    asa_s: { name: 'ASA', unit: ' s', windowed: true },
    csat_pct: { name: 'CSAT', unit: ' %', windowed: true },
    longest_wait_s: { name: 'Longest wait', unit: ' s', windowed: false },
    waiting: { name: 'Waiting', unit: '', windowed: false },
    agents_ready: { name: 'Agents ready', unit: '', windowed: false },
    qa_avg: { name: 'QA average', unit: '', windowed: false },
};
/** E.g. "SL 30m on queue repair 62 % < 80 %" (the wall app words it in its own language from the same fields). */
export function alarmText(rule, row, value) {
    const l = LABELS[rule.metric];
    const metric = l.windowed ? `${l.name} ${rule.window ?? DEFAULT_ALARM_WINDOW}` : l.name;
    const where = row === 'tenant' ? 'the centre' : row.replace(':', ' ');
    const shown = value === null ? '–' : `${Math.round(value * 10) / 10}${l.unit}`;
    return `${metric} on ${where} ${shown} ${rule.op === 'above' ? '>' : '<'} ${rule.threshold}${l.unit}`;
}
//# sourceMappingURL=alarms-values.js.map