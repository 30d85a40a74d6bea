/**
 * One role per job. A user holds one or more roles (MOFANG_USERS), a wall display's token holds `display`, and
 * every API route declares the roles it admits (kits/http routes(): `{ needs, handle }`). No role implies another:
 * an admin who also reviews QA holds both.
 */
export const ROLES = [
    /** A wall screen: the live snapshot and today's history, nothing else. */
    'display',
    /** An agent on the floor: the wall. */
    'agent',
    /** A team lead: the wall, QA results and transcripts of the team's tenant, routing decisions, reports. */
    'supervisor',
    /** Scores interactions: the QA queue, transcripts, reviews, calibration. */
    'qa_reviewer',
    /** Runs QA: what a reviewer does, plus re-scoring (backfill) and answering disputes. */
    'qa_manager',
    /** Workforce planning: forecasts, staffing, rosters, adherence. */
    'planner',
    /** Executives: reports and aggregates, never transcripts. */
    'exec',
    /** Runs the system: routing configuration, the audit log. */
    'admin',
];
/** Every role: for routes any signed-in user or wall display may read (the wall itself, who am I). */
export const ANY_ROLE = ROLES;
export const isRole = (s) => ROLES.includes(s);
//# sourceMappingURL=roles.js.map