/**
 * The rated dialogues the satisfaction model learns from: SGD from the User Satisfaction Simulation corpus
 * (Sun et al., SIGIR 2021), `../shared/data/uss/SGD.txt`, kept out of the repository. One line per turn,
 * tab-separated: role (USER or SYSTEM), text, action, the annotators' 1-5 ratings of that user turn (comma-
 * separated); sessions are separated by blank lines and each ends with a `USER OVERALL` line carrying the
 * annotators' ratings of the whole dialogue. The dialogue's rating is the mean of those overall ratings.
 * The seeded hold-out split lives here so that training and the data test hold out exactly the same dialogues.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootDir } from '../../core/index.js';
import { Random } from '../../kits/sim/index.js';
export const SPLIT_SEED = 20250614;
/** Share of the dialogues held out, untouched by training and tuning. */
export const HELD_OUT_SHARE = 0.2;
/** A dialogue whose mean rating is below this counts as dissatisfied. */
export const DISSATISFIED_BELOW = 3;
export function ussDir() {
    return join(rootDir(), '..', 'shared', 'data', 'uss');
}
export function sgdFile(dir = ussDir()) {
    return join(dir, 'SGD.txt');
}
export function hasSgd(dir = ussDir()) {
    return existsSync(sgdFile(dir));
}
const meanOf = (ratings) => {
    const xs = ratings
        .split(',')
        .map(Number)
        .filter((x) => x >= 1 && x <= 5);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
};
/** Parses a USS-format file (SGD, MWOZ, JDDC… share it); sessions without an OVERALL rating are skipped. */
export function parseUss(text) {
    const out = [];
    for (const block of text.replace(/\r/g, '').split(/\n\s*\n/)) {
        const turns = [];
        const turnRatings = [];
        let rating = null;
        for (const line of block.split('\n')) {
            const [role, text = '', , sat = ''] = line.split('\t');
            if (role !== 'USER' && role !== 'SYSTEM')
                continue;
            if (role === 'USER' && text === 'OVERALL') {
                rating = meanOf(sat);
                continue;
            }
            turns.push({ role: role === 'USER' ? 'customer' : 'agent', text });
            turnRatings.push(role === 'USER' ? meanOf(sat) : null);
        }
        if (rating !== null && turns.length)
            out.push({ index: out.length, turns, rating, turnRatings });
    }
    return out;
}
export function loadSgd(dir = ussDir()) {
    return parseUss(readFileSync(sgdFile(dir), 'utf8'));
}
/** The seeded split: 80% for training and cross-validation, 20% held out. */
export function splitSgd(all) {
    const shuffled = Random.fromState(SPLIT_SEED).shuffle([...all]);
    const cut = Math.round(shuffled.length * (1 - HELD_OUT_SHARE));
    return { train: shuffled.slice(0, cut), heldOut: shuffled.slice(cut) };
}
/**
 * check-dialogues.tsv: short contact-centre chats in Chinese and English written for this model (not from any
 * corpus), labelled satisfied or dissatisfied by their author: a sanity check of the Chinese cues, which the
 * English training corpus cannot exercise, not a benchmark.
 */
export function loadCheckDialogues() {
    const [, ...lines] = readFileSync(join(rootDir(), 'qa', 'satisfaction', 'check-dialogues.tsv'), 'utf8')
        .trimEnd()
        .split('\n');
    return lines.map((line) => {
        const [label, language, turns] = line.split('\t');
        return {
            satisfied: label === 'satisfied',
            language: language,
            turns: turns
                .split(' | ')
                .map((t) => ({ role: t.startsWith('C:') ? 'customer' : 'agent', text: t.slice(2).trim() })),
        };
    });
}
//# sourceMappingURL=corpus.js.map