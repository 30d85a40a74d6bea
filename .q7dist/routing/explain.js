/** Decisions as sentences, for supervisors asking "why did this customer go to that agent?". */
import { SCORE_PARTS } from './types.js';
const TIE_BREAKS = {
    only_candidate: 'the only eligible candidate',
    tie_break_idle: 'equal scores; the longest-idle agent wins',
    tie_break_arrival: 'equal scores; the earliest arrival wins',
    tie_break_id: 'equal scores and times; the smallest id wins',
};
function parts(c) {
    return (SCORE_PARTS.filter((k) => c.parts[k] !== 0)
        .map((k) => `${k} ${c.parts[k]}`)
        .join(', ') || 'no points');
}
function decided(why) {
    if (why.decidedBy in TIE_BREAKS)
        return TIE_BREAKS[why.decidedBy];
    const gap = why.runnerUp
        ? ` (+${(why.winner.parts[why.decidedBy] - why.runnerUp.parts[why.decidedBy]).toFixed(2)})`
        : '';
    return `decided by ${why.decidedBy}${gap}`;
}
export function explainDecision(d) {
    switch (d.kind) {
        case 'assign': {
            const w = d.why;
            const lines = [
                `contact ${d.contactId} → agent ${d.agentId} via queue ${d.queue} (${d.trigger.replace('_', ' ')}); ${decided(w)}; ${w.candidates} candidate${w.candidates === 1 ? '' : 's'} scored`,
                `  winner ${w.winner.id}: total ${w.winner.total} = ${parts(w.winner)}`,
            ];
            if (w.runnerUp)
                lines.push(`  runner-up ${w.runnerUp.id}: total ${w.runnerUp.total} = ${parts(w.runnerUp)}`);
            lines.push(`  expansion step ${w.expansionStep} (proficiency ≥ ${w.minProficiency})`);
            return lines.join('\n');
        }
        case 'requeue':
            return `contact ${d.contactId} back in line at its old place: ${d.reason} (agent ${d.agentId})`;
        case 'overflow':
            return `contact ${d.contactId} may now also be served by queue ${d.to} (overflow from ${d.from})`;
        case 'callback_offer':
            return `offer contact ${d.contactId} a callback: predicted wait ${d.predictedWaitS < 0 ? 'unbounded (nobody staffed)' : d.predictedWaitS + ' s'} > ${d.thresholdS} s`;
        case 'ignored':
            return `ignored input for ${d.ref}: ${d.reason}`;
    }
}
//# sourceMappingURL=explain.js.map