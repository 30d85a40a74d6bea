/** The roster's typed errors: bad input names the field, an infeasible roster names the constraint that binds. */
import { BadInputError } from '../core/index.js';
/** Malformed input: `field` is the offending value's path, e.g. `rules.shifts[1].length` or `agents[4].skills[0]`. */
export class RosterInputError extends BadInputError {
    field;
    reason;
    constructor(field, reason) {
        super(`${field}: ${reason}`);
        this.field = field;
        this.reason = reason;
    }
}
/**
 * Well-formed input that admits no roster. `constraint` is the binding constraint group (the first conflict's);
 * `conflicts` lists every agent or interval found in conflict, each with a sentence saying why.
 */
export class RosterInfeasibleError extends BadInputError {
    conflicts;
    constraint;
    constructor(conflicts) {
        const shown = conflicts.slice(0, 8).map((c) => `  - [${c.constraint}] ${c.message}`);
        if (conflicts.length > 8)
            shown.push(`  … and ${conflicts.length - 8} more`);
        super(`no roster satisfies the rules:\n${shown.join('\n')}`);
        this.conflicts = conflicts;
        this.constraint = conflicts[0]?.constraint ?? 'solver';
    }
}
//# sourceMappingURL=errors.js.map