/** The tiles a wall can show, in the order the designer lists them. */
export const WALL_TILES = [
    /** Contacts waiting now. */
    'waiting',
    /** Longest current wait. */
    'longest_wait',
    /** SL % of the wall's window, today's beside it. */
    'sl',
    /** ASA of the wall's window. */
    'asa',
    /** Abandon % of the wall's window. */
    'abandon',
    /** Offered today, answered and abandoned beside it. */
    'offered',
    /** AHT today. */
    'aht',
    /** Agent occupancy of the window (tenant, team and site rows). */
    'occupancy',
    /** Agents ready now. */
    'agents_ready',
    /** Agents on a call or chat now. */
    'agents_on_contact',
    /** Agents in wrap-up now. */
    'agents_wrap_up',
    /** Agents not ready now, the top reasons beside it. */
    'agents_not_ready',
    /** Schedule adherence today of the agents shown (once the planner published a roster). */
    'adherence',
    /** Active chats per agent with a chat. */
    'chat_concurrency',
    'nps',
    'csat',
    /** Today's QA average. */
    'qa',
    /** Tickets open now (the ticket backlog of the engine's horizon). */
    'tickets_open',
    /** Open tickets past their resolution target. */
    'tickets_overdue',
    /** Tickets resolved today within their resolution target, %. */
    'ticket_sl',
    /** Tickets created and resolved today. */
    'tickets_today',
];
/** The charts and tables below the tiles. */
export const WALL_PANELS = [
    /** Offered and answered per interval today, last week and the forecast. */
    'volume_chart',
    /** SL per interval today against the target. */
    'sl_chart',
    /** One row per queue (the wall's queues, or the busiest). */
    'queue_table',
    /** One row per channel of the wall. */
    'channel_table',
    /** One row per team. */
    'team_table',
    /** One row per site. */
    'site_table',
    /** Every agent with name, team, state and time in it. */
    'agent_board',
];
/** Metrics with green/amber colour limits on tiles and table cells. */
export const THRESHOLD_METRICS = [
    'sl',
    'abandon',
    'asa',
    'waiting',
    'longest',
    'aht',
    'occupancy',
    'nps',
    'csat',
    'qa',
    'ticket_sl',
    'tickets_overdue',
];
/** The rolling windows a wall may show next to today (the live engine's windows). */
export const WALL_WINDOWS = ['15m', '30m', '60m'];
/** Long calls and chats after 20 min, a long wrap-up after 3, a long break after 15: the board of a new wall. */
export const DEFAULT_AGENT_BOARD = {
    group_by: 'state',
    sort: 'time_in_state',
    long_in_state_s: { on_contact: 1200, wrap_up: 180, not_ready: 900 },
};
/** Ids a saved wall may not take: the URL-configured walls' names. */
export const RESERVED_WALL_IDS = ['overview', 'queue', 'agents'];
export const WALL_ID_PATTERN = '^[a-z0-9][a-z0-9_-]{0,47}$';
//# sourceMappingURL=walls.js.map