export const rosterCommands = [
    {
        path: ['roster', 'build'],
        summary: "build a week's shift roster (shifts, breaks, days off) from interval requirements, agents and rules",
        details: [
            'requirements.csv: header, then `timestamp,required[,skill]` (local YYYY-MM-DDTHH:MM) or `day,time,required[,skill]`',
            '  (day: 0-6, mon…sun or a date); one row per interval (15 min by default), agents needed on duty.',
            'agents: YAML/JSON list of { id, skills, minHours, maxHours, daysOff, shifts, unavailable, available }, or a CSV',
            '  with those columns (lists split by ";"), e.g. unavailable "sat;sun;mon 09:00-12:00".',
            'rules: YAML/JSON with shifts (name, starts, length), breaks (name, length, earliest, latest, paid), daysOff,',
            '  hours, minRestHours, costs (understaffed, overstaffed per agent-hour), hardCoverage. See roster/examples/.',
            'Output by extension: .xlsx (roster grid, shifts, coverage, summary), .csv (shifts, plus NAME-coverage.csv), .json.',
            'Example: mofang roster build --requirements roster/examples/requirements.csv --agents roster/examples/agents.yaml \\',
            '           --rules roster/examples/rules.yaml --output roster.xlsx',
        ].join('\n'),
        options: {
            requirements: { type: 'string', description: 'requirements CSV (agents needed per interval, per skill)' },
            agents: { type: 'string', description: 'agents file: .yaml, .json or .csv' },
            rules: { type: 'string', description: 'rules file: .yaml or .json' },
            output: {
                type: 'string',
                short: 'o',
                description: 'roster.xlsx, roster.csv or roster.json; a summary only when absent',
            },
            'time-limit': { type: 'string', description: 'solver time limit, seconds', default: '25' },
            gap: { type: 'string', description: 'relative MIP gap at which to stop (0.005 = 0.5%)', default: '0.005' },
            json: { type: 'boolean', description: 'print the roster as JSON (when no --output)' },
        },
        run: async (args) => (await import('./build-command.js')).runRosterBuild(args),
    },
];
//# sourceMappingURL=commands.js.map