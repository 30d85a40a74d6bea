/**
 * The data the politeness model is trained and checked on, and its fixed, seeded splits, in one place so that
 * train.ts and the tests hold out exactly the same requests.
 *
 * English: the Stanford Politeness Corpus, Stack Exchange part (Danescu-Niculescu-Mizil et al., ACL 2013;
 * Apache-2.0), `../shared/data/politeness/stack-exchange.annotated.csv` beside the project; not in the repo.
 * 6,603 requests, each rated by five annotators; the paper's binary task keeps the top quartile of the
 * `Normalized Score` (polite, 1) and the bottom quartile (impolite, 0) of the whole corpus.
 *
 * Chinese: zh-labelled.tsv, contact-centre agent lines written for this project (see its header).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootDir } from '../../core/index.js';
import { Random } from '../../kits/sim/index.js';
/** Seed of the held-out split and of the cross-validation folds. */
export const POLITENESS_SEED = 20130804;
/** Share of the binary examples held out: never used for training or tuning. */
export const HELD_OUT_SHARE = 0.15;
export const FOLDS = 10;
export function stackExchangeFile() {
    return join(rootDir(), '..', 'shared', 'data', 'politeness', 'stack-exchange.annotated.csv');
}
export function hasStackExchange(file = stackExchangeFile()) {
    return existsSync(file);
}
/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            }
            else if (c === '"')
                quoted = false;
            else
                field += c;
        }
        else if (c === '"')
            quoted = true;
        else if (c === ',') {
            row.push(field);
            field = '';
        }
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n')
                i++;
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
        }
        else
            field += c;
    }
    if (field || row.length) {
        row.push(field);
        rows.push(row);
    }
    return rows;
}
export function loadRequests(file = stackExchangeFile()) {
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    const col = (name) => {
        const i = header.indexOf(name);
        if (i < 0)
            throw new Error(`${file}: no column ${name}`);
        return i;
    };
    const [community, id, text, score] = ['Community', 'Id', 'Request', 'Normalized Score'].map(col);
    return rows
        .filter((r) => r.length === header.length)
        .map((r) => ({ community: r[community], id: r[id], text: r[text], score: Number(r[score]) }));
}
/**
 * The paper's binary task: the top quartile of Normalized Score is polite, the bottom quartile impolite, over
 * the whole corpus (ties broken by Id, so the cut is the same on every machine).
 */
export function quartileExamples(requests) {
    const sorted = [...requests].sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
    const q = Math.floor(sorted.length / 4);
    const of = (r, label) => ({ text: r.text, label, community: r.community });
    return [...sorted.slice(0, q).map((r) => of(r, 0)), ...sorted.slice(-q).map((r) => of(r, 1))];
}
/** Shuffles the binary examples with the fixed seed and holds out the last 15%. */
export function loadSplit(file = stackExchangeFile()) {
    const all = quartileExamples(loadRequests(file));
    Random.fromState(POLITENESS_SEED).shuffle(all);
    const cut = Math.round(all.length * (1 - HELD_OUT_SHARE));
    return { train: all.slice(0, cut), heldOut: all.slice(cut) };
}
/** Fold of each example (0..folds-1): a seeded shuffle of the positions, dealt round-robin. */
export function foldsOf(n, folds = FOLDS, seed = POLITENESS_SEED + 1) {
    const order = Array.from({ length: n }, (_, i) => i);
    Random.fromState(seed).shuffle(order);
    const out = new Int32Array(n);
    order.forEach((row, k) => (out[row] = k % folds));
    return out;
}
/** Share of zh-labelled.tsv the Chinese weights are fitted on; the rest is what the README reports. */
export const ZH_FIT_SHARE = 0.5;
/**
 * zh-labelled.tsv: `label<TAB>text`, label 1 polite or 0 impolite; `#` lines are comments. Split half/half within
 * each label, seeded.
 */
export function loadZhLabelled(file = join(rootDir(), 'qa', 'politeness', 'zh-labelled.tsv')) {
    const lines = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('#'))
        .map((l) => {
        const [label, text] = l.split('\t');
        if ((label !== '0' && label !== '1') || !text)
            throw new Error(`${file}: bad line ${JSON.stringify(l)}`);
        return { label: (label === '1' ? 1 : 0), text: text.trim() };
    });
    const random = Random.fromState(POLITENESS_SEED + 2);
    const fit = new Set();
    for (const label of [0, 1]) {
        const idx = random.shuffle(lines.flatMap((l, i) => (l.label === label ? [i] : [])));
        for (const i of idx.slice(0, Math.round(idx.length * ZH_FIT_SHARE)))
            fit.add(i);
    }
    return lines.map((l, i) => ({ ...l, part: fit.has(i) ? 'fit' : 'check' }));
}
//# sourceMappingURL=corpus.js.map