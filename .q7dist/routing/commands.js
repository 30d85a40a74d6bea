export const routingCommands = [
    {
        path: ['routing', 'simulate'],
        summary: 'simulate a contact-centre day under several routing policies and compare SL, ASA, abandonment, CSAT',
        details: [
            'Policies: presets fcfs (oldest contact, longest-idle agent), skills (priority + skills with expansion),',
            'smart (every policy), or a `+`-joined list such as skills+affinity+rating.',
            'Example: mofang routing simulate --scenario routing/scenarios/electronics-day.yaml --policies fcfs,smart',
        ].join('\n'),
        options: {
            scenario: { type: 'string', description: 'scenario file (YAML or JSON), see routing/scenarios/' },
            policies: { type: 'string', description: 'comma-separated policy sets to compare', default: 'fcfs,skills,smart' },
            seed: { type: 'string', description: "random seed, a whole number (default: the scenario's seed, else 1)" },
            hours: { type: 'string', description: "override the scenario's duration_h, hours" },
            json: { type: 'boolean', description: 'print the results as JSON' },
        },
        run: async (args) => (await import('./sim/simulate-command.js')).runSimulate(args),
    },
    {
        path: ['routing', 'check-config'],
        summary: "validate a routing configuration file (JSON or YAML) and print each queue's resolved policy",
        positionals: '<FILE>',
        options: { json: { type: 'boolean', description: 'print the resolved configuration as JSON' } },
        run: async (args) => (await import('./sim/simulate-command.js')).runCheckConfig(args),
    },
];
//# sourceMappingURL=commands.js.map