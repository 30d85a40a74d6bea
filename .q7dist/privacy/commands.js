/** `mofang customer export|erase`. The work loads lazily so `--help` stays instant. */
import { BadInputError } from '../core/index.js';
import { requireString } from '../kits/cli/index.js';
const customerOptions = {
    tenant: { type: 'string', description: 'tenant', default: 'demo' },
    namespace: { type: 'string', description: 'stream name prefix, when no server runs (default: none; tests use one)' },
};
function target(args, verb) {
    const id = args.positionals[0];
    if (!id)
        throw new BadInputError(`give the customer id, e.g. mofang customer ${verb} 0190…`);
    return { id, tenant: requireString(args, 'tenant'), namespace: String(args.values.namespace ?? '') };
}
export const privacyCommands = [
    {
        path: ['customer', 'export'],
        summary: 'everything held about one customer (all merged ids) as JSON; recorded in the audit log',
        positionals: '<customer_id>',
        details: [
            'Events, interactions, call transcripts, QA results, flags and reviews, merge records, identities, identity KV',
            'keys and where the recordings are. Through the running server when there is one.',
            'Example: mofang customer export 0190… --tenant acme -o customer.json',
        ].join('\n'),
        options: {
            ...customerOptions,
            output: { type: 'string', short: 'o', description: 'file for the JSON, written mode 0600 (default: stdout)' },
        },
        async run(args) {
            const { runExport } = await import('./customer-command.js');
            await runExport({ ...target(args, 'export'), output: args.values.output });
        },
    },
    {
        path: ['customer', 'erase'],
        summary: 'delete everything held about one customer (all merged ids): warehouse, streams, identity keys, recordings',
        positionals: '<customer_id>',
        details: [
            'Without --yes it only shows what would be erased. Waits for the warehouse sink and the stream consumers to',
            "have read the customer's messages first, and refuses (deleting nothing) when they do not within a minute.",
            'Recorded in the audit log. Through the running server when there is one.',
            'Example: mofang customer erase 0190… --tenant acme --yes',
        ].join('\n'),
        options: {
            ...customerOptions,
            yes: { type: 'boolean', description: 'erase (without it: a dry run that deletes nothing)' },
        },
        async run(args) {
            const { runErase } = await import('./customer-command.js');
            return runErase({ ...target(args, 'erase'), yes: Boolean(args.values.yes) });
        },
    },
];
//# sourceMappingURL=commands.js.map