/** `mofang qa …` commands. Heavy modules load lazily so `--help` stays instant. */
import { numberOption, requireString } from '../kits/cli/index.js';
export const qaCommands = [
    {
        path: ['qa', 'score'],
        summary: 'score interactions offline (QA checks, sentiment, NPS class, facts, PII redaction)',
        details: [
            'Reads one interaction per line: {"interaction_id","channel","language"?,"customer_name"?,"survey"?:{"nps"?,"csat"?},',
            '"audio"?:{"duration_ms","silence_ms"?,"silences"?},"turns":[{"role":"customer"|"agent"|"bot","text","ts"?}]}',
            'and writes one result per line. Bad lines are reported on stderr with their line number and skipped.',
            'Example: mofang qa score --input chats.ndjson --output results.ndjson --scorecard acme/support.yaml',
        ].join('\n'),
        options: {
            input: { type: 'string', short: 'i', description: 'NDJSON file of interactions' },
            output: { type: 'string', short: 'o', description: 'NDJSON file for the results (default: stdout)' },
            scorecard: {
                type: 'string',
                description: 'scorecard file, .yaml/.yml/.json (default: the shipped zh/en default per interaction)',
            },
            workers: {
                type: 'string',
                description: 'worker threads, 0 = this thread only (default: all cores for inputs of 500+ lines)',
            },
        },
        async run(args) {
            const { scoreFile } = await import('./score-file.js');
            const summary = await scoreFile({
                input: requireString(args, 'input'),
                output: args.values.output,
                scorecard: args.values.scorecard,
                workers: numberOption(args, 'workers', { min: 0, max: 64, integer: true }),
            });
            process.stderr.write(`qa score: ${summary.scored} scored, ${summary.bad} bad line(s)\n`);
        },
    },
    {
        path: ['qa', 'backfill'],
        summary: 'score stored chats and tickets that have no QA result yet (through the running server when there is one)',
        details: [
            'Finds interactions that ended (chat.ended, ticket.resolved) in [--since, --until) without a row in qa_results,',
            'rebuilds their turns from the events table, scores and stores them. Dates: YYYY-MM-DD (UTC), ISO times or ms.',
            'Example: mofang qa backfill --since 2025-01-01 --tenant demo',
        ].join('\n'),
        options: {
            since: { type: 'string', description: 'score interactions that ended at or after this time' },
            until: { type: 'string', description: 'and before this time (default: now)' },
            tenant: { type: 'string', description: 'only this tenant (default: all)' },
            limit: { type: 'string', description: 'most interactions in this run (default 100000)' },
            workers: { type: 'string', description: 'worker threads when scoring here (default: all cores)' },
        },
        async run(args) {
            const { runBackfill } = await import('./backfill-command.js');
            const summary = await runBackfill({
                since: requireString(args, 'since'),
                until: args.values.until,
                tenant: args.values.tenant,
                limit: numberOption(args, 'limit', { min: 1, max: 10_000_000, integer: true }),
                workers: numberOption(args, 'workers', { min: 1, max: 64, integer: true }),
            });
            process.stderr.write(`qa backfill: ${summary.scored} scored, ${summary.skipped} without turns\n`);
        },
    },
];
//# sourceMappingURL=commands.js.map