/**
 * A tiny command framework: every command declares its options once, and gets
 * parsing, validation and a generated `--help` from that declaration.
 * Modules export their commands (e.g. forecast/commands.ts) and cli/mofang.ts lists them.
 */
import { parseArgs } from 'node:util';
import { BadInputError, MofangError } from '../../core/index.js';
export function helpText(cmd) {
    const opts = Object.entries(cmd.options);
    const width = Math.max(10, ...opts.map(([n, o]) => n.length + (o.type === 'string' ? 8 : 0) + (o.short ? 4 : 0)));
    // Summaries are list entries (lower case); on its own the summary opens a sentence.
    const sentence = cmd.summary.charAt(0).toUpperCase() + cmd.summary.slice(1);
    const lines = [
        `Usage: mofang ${cmd.path.join(' ')}${opts.length ? ' [options]' : ''}${cmd.positionals ? ' ' + cmd.positionals : ''}`,
        '',
        sentence,
    ];
    if (cmd.details)
        lines.push('', cmd.details);
    lines.push('', 'Options:');
    for (const [name, o] of [
        ...opts,
        ['help', { type: 'boolean', description: 'show this help', short: 'h' }],
    ]) {
        const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ' <value>' : ''}`;
        const def = o.default !== undefined && o.default !== false ? ` (default: ${o.default})` : '';
        lines.push(`  ${flag.padEnd(width + 6)} ${o.description}${def}`);
    }
    return lines.join('\n');
}
export function rootHelp(commands) {
    const width = Math.max(...commands.map((c) => c.path.join(' ').length));
    return [
        'Usage: mofang <command> [options]',
        '',
        'Mofang: real-time analytics, QA and wallboards for contact centres.',
        '',
        'Commands:',
        ...commands.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
        '',
        "Run `mofang <command> --help` for a command's options. Settings come from the environment: `mofang config`.",
    ].join('\n');
}
/** Finds the longest command path matching argv and runs it. Returns the exit code. */
export async function dispatch(commands, argv) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
        console.log(rootHelp(commands));
        return argv.length === 0 ? 1 : 0;
    }
    const cmd = [...commands]
        .sort((a, b) => b.path.length - a.path.length)
        .find((c) => c.path.every((word, i) => argv[i] === word));
    if (!cmd) {
        const group = commands.filter((c) => c.path[0] === argv[0]);
        if (group.length)
            console.error(rootHelp(group));
        else
            console.error(`mofang: unknown command "${argv[0]}". Run \`mofang --help\`.`);
        return 2;
    }
    const rest = argv.slice(cmd.path.length);
    if (rest.includes('--help') || rest.includes('-h')) {
        console.log(helpText(cmd));
        return 0;
    }
    let parsed;
    try {
        parsed = parseArgs({
            args: rest,
            options: cmd.options,
            allowPositionals: true,
            strict: true,
        });
    }
    catch (err) {
        console.error(`mofang ${cmd.path.join(' ')}: ${err.message}\n\n${helpText(cmd)}`);
        return 2;
    }
    for (const [name, o] of Object.entries(cmd.options)) {
        if (parsed.values[name] === undefined && o.default !== undefined)
            parsed.values[name] = o.default;
    }
    try {
        return (await cmd.run(parsed)) ?? 0;
    }
    catch (err) {
        if (err instanceof MofangError) {
            console.error(`mofang ${cmd.path.join(' ')}: ${err.message}`);
            return err instanceof BadInputError || err.code === 'CONFIG' ? 2 : 1;
        }
        throw err;
    }
}
/** Reads a required string option, with a clear error when it is missing. */
export function requireString(args, name) {
    const v = args.values[name];
    if (typeof v !== 'string' || v === '')
        throw new BadInputError(`--${name} is required`);
    return v;
}
/** Parses a numeric option; `what` names the unit for the error message. */
export function numberOption(args, name, opts = {}) {
    const v = args.values[name];
    if (v === undefined)
        return undefined;
    const n = Number(v);
    const bad = typeof v !== 'string' ||
        v.trim() === '' ||
        !Number.isFinite(n) ||
        (opts.integer && !Number.isInteger(n)) ||
        (opts.min !== undefined && n < opts.min) ||
        (opts.max !== undefined && n > opts.max);
    if (bad) {
        const range = [opts.min !== undefined ? `≥ ${opts.min}` : '', opts.max !== undefined ? `≤ ${opts.max}` : '']
            .filter(Boolean)
            .join(' and ');
        throw new BadInputError(`--${name}: expected ${opts.integer ? 'a whole number' : 'a number'}${range ? ' ' + range : ''}, got "${v}"`);
    }
    return n;
}
//# sourceMappingURL=command.js.map