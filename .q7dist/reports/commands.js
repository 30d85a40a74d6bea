export const reportCommands = [
    {
        path: ['report'],
        summary: 'an executive service report: daily, weekly or monthly, against the period before (through the running server when there is one)',
        positionals: 'daily|weekly|monthly',
        details: [
            'The period holding --date (default: the last complete one), or the periods from --from to --to.',
            'Examples: mofang report weekly --format xlsx -o week.xlsx',
            '          mofang report monthly --date 2026-03-01 --format pdf --lang en -o march.pdf',
            '          mofang report monthly --from 2025-03-01 --to 2026-03-31 --format csv   (13 months)',
        ].join('\n'),
        options: {
            date: { type: 'string', description: 'a day of the period, YYYY-MM-DD (local)' },
            from: { type: 'string', description: 'first day of a range of periods, YYYY-MM-DD (with --to)' },
            to: { type: 'string', description: 'last day of the range, YYYY-MM-DD' },
            tenant: { type: 'string', description: 'tenant (default: the only tenant of MOFANG_API_KEYS, else demo)' },
            format: { type: 'string', description: 'json, csv, xlsx or pdf', default: 'json' },
            output: { type: 'string', short: 'o', description: 'file to write (default: stdout; xlsx and pdf need it)' },
            lang: { type: 'string', description: 'labels of csv, xlsx and pdf: zh or en', default: 'zh' },
            channel: { type: 'string', description: 'only this channel' },
            queue: { type: 'string', description: 'only this queue' },
            team: { type: 'string', description: 'only this team' },
            site: { type: 'string', description: 'only this site' },
            source: {
                type: 'string',
                description: 'rollup, or raw (every figure from raw events, slower)',
                default: 'rollup',
            },
        },
        run: async (args) => (await import('./report-command.js')).runReport(args),
    },
];
//# sourceMappingURL=commands.js.map