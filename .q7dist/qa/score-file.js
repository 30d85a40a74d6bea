/**
 * `mofang qa score`: scores an NDJSON file of interactions, one result per line, in input order.
 * Large files go through the worker pool; bad lines are reported with their number and skipped.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { BadInputError } from '../core/index.js';
import { Progress } from '../kits/cli/index.js';
import { parseInteractionLine } from './input.js';
import { scoreInteraction } from './pipeline.js';
import { createQaPool } from './pool.js';
import { loadScorecard } from './scorecard.js';
/** Lines scored per round trip to the pool: large enough to amortise messaging, small enough for smooth progress. */
const BATCH = 256;
export async function scoreFile(opts) {
    const card = opts.scorecard ? loadScorecard(opts.scorecard) : undefined;
    let text;
    try {
        text = await readFile(opts.input, 'utf8');
    }
    catch (err) {
        throw new BadInputError(`--input ${opts.input}: cannot read: ${err.message}`);
    }
    const lines = text.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    const usePool = opts.workers === undefined ? lines.length >= (opts.poolFrom ?? 500) : opts.workers > 0;
    const pool = usePool ? createQaPool({ size: opts.workers }) : undefined;
    const out = opts.output ? createWriteStream(opts.output) : process.stdout;
    const progress = lines.length >= BATCH ? new Progress({ total: lines.length, label: 'qa score', unit: 'interactions' }) : undefined;
    const summary = { scored: 0, bad: 0 };
    try {
        for (let from = 0; from < lines.length; from += BATCH) {
            const batch = [];
            lines.slice(from, from + BATCH).forEach((line, i) => {
                if (!line.trim())
                    return;
                const parsed = parseInteractionLine(line);
                if (parsed.ok)
                    batch.push(parsed.interaction);
                else {
                    summary.bad++;
                    process.stderr.write(`${opts.input}:${from + i + 1}: ${parsed.error}\n`);
                }
            });
            const results = pool ? await pool.score(batch, card) : batch.map((x) => scoreInteraction(x, card));
            summary.scored += results.length;
            if (!out.write(results.map((r) => JSON.stringify(r) + '\n').join('')))
                await once(out, 'drain');
            progress?.tick(Math.min(BATCH, lines.length - from));
        }
        progress?.finish();
    }
    finally {
        await pool?.close();
        if (out !== process.stdout) {
            out.end();
            await once(out, 'finish');
        }
    }
    return summary;
}
//# sourceMappingURL=score-file.js.map