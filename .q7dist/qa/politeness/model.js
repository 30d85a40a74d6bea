/**
 * Politeness of one agent turn: the probability that people would judge it polite, from the shipped weights
 * (politeness/weights.json, written by train.ts). English: logistic regression over the politeness strategies of
 * features-en.ts and word uni- and bigrams, trained on human-rated Stack Exchange requests. Chinese: the same
 * strategies (features-zh.ts) with weights fitted on zh-labelled.tsv, pulled towards the English ones. Mixed
 * text: both, blended by the share of Han, as the sentiment model does.
 *
 * Scoring allocates little: one lower-cased copy and the word strings of an English turn, no regex per strategy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootDir } from '../../core/index.js';
import { EnFeatures, Tokens } from './features-en.js';
import { zhStrategies } from './features-zh.js';
import { STRATEGIES, STRATEGY_LABELS } from './strategies.js';
import { sigmoid } from '../../kits/stats/index.js';
export function defaultWeightsPath() {
    return join(rootDir(), 'qa', 'politeness', 'weights.json');
}
/** Above this share of Han a turn is read as Chinese only, below `EN_UNTIL` as English only. */
const ZH_FROM = 0.85;
const EN_UNTIL = 0.15;
/** Strategies with a smaller weight than this are not named in flags. */
const NAMED_FROM = 0.05;
/** Han characters (the common CJK blocks) and Latin words of two letters or more, counted without allocating. */
export function hanAndLatin(text) {
    let han = 0;
    let latin = 0;
    let run = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
        if (letter)
            run++;
        else {
            if (run >= 2)
                latin++;
            run = 0;
            if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff))
                han++;
        }
    }
    if (run >= 2)
        latin++;
    return { han, latin };
}
export class PolitenessModel {
    weights;
    en;
    enWeights = new Float64Array(STRATEGIES.length);
    zhWeights = new Float64Array(STRATEGIES.length);
    grams = new Map();
    tokens = new Tokens();
    stamp = 0;
    constructor(weights) {
        this.weights = weights;
        this.en = new EnFeatures({
            positive: weights.en.lexicon.positive.split(' '),
            negative: weights.en.lexicon.negative.split(' '),
        });
        STRATEGIES.forEach((s, i) => {
            this.enWeights[i] = weights.en.strategies[s] ?? 0;
            this.zhWeights[i] = weights.zh.strategies[s] ?? 0;
        });
        const gram = (word) => this.grams.get(word) ?? this.grams.set(word, { w: 0, stamp: 0 }).get(word);
        for (const [g, w] of Object.entries(weights.en.ngrams)) {
            const space = g.indexOf(' ');
            if (space < 0)
                gram(g).w = w;
            else {
                const first = gram(g.slice(0, space));
                first.next ??= new Map();
                first.next.set(g.slice(space + 1), { w, stamp: 0 });
            }
        }
    }
    /** Sum of the strategy weights of `mask` in one language's weights. */
    strategySum(mask, weights) {
        let z = 0;
        for (let i = 0; mask !== 0; i++, mask >>>= 1)
            if (mask & 1)
                z += weights[i];
        return z;
    }
    /** English log-odds of polite, and the strategies (with `extra`, e.g. from the scorecard's lists). */
    enLogit(text, extra = 0) {
        const tokens = this.tokens;
        const mask = this.en.detect(text, tokens) | extra;
        let z = this.weights.en.bias + this.strategySum(mask, this.enWeights);
        const stamp = ++this.stamp;
        let prev;
        for (let k = 0; k < tokens.count; k++) {
            const t = tokens.words[k];
            const uni = this.grams.get(t);
            const bi = prev?.next?.get(t);
            if (uni && uni.stamp !== stamp) {
                uni.stamp = stamp;
                z += uni.w;
            }
            if (bi && bi.stamp !== stamp) {
                bi.stamp = stamp;
                z += bi.w;
            }
            prev = uni;
        }
        return { z, mask };
    }
    /** Chinese log-odds of polite, and the strategies. */
    zhLogit(text, extra = 0) {
        const mask = zhStrategies(text) | extra;
        return { z: this.weights.zh.bias + this.strategySum(mask, this.zhWeights), mask };
    }
    /** One turn: probability of polite in [0, 1], with the strategies found. `extra` adds strategies (S bits). */
    judge(text, extra = 0) {
        const { han, latin } = hanAndLatin(text);
        const share = han + latin === 0 ? 0 : han / (han + 2 * latin);
        if (share >= ZH_FROM) {
            const { z, mask } = this.zhLogit(text, extra);
            return { p: sigmoid(z), mask, language: 'zh' };
        }
        if (share <= EN_UNTIL) {
            const { z, mask } = this.enLogit(text, extra);
            return { p: sigmoid(z), mask, language: 'en' };
        }
        const zh = this.zhLogit(text, extra);
        const en = this.enLogit(text, extra);
        return { p: share * sigmoid(zh.z) + (1 - share) * sigmoid(en.z), mask: zh.mask | en.mask, language: 'mixed' };
    }
    /** Weight of a strategy in the weights a turn was judged with (mixed: the mean of both). */
    weightOf(strategy, language) {
        const i = STRATEGIES.indexOf(strategy);
        if (language === 'en')
            return this.enWeights[i];
        if (language === 'zh')
            return this.zhWeights[i];
        return (this.enWeights[i] + this.zhWeights[i]) / 2;
    }
    /** Per language: strategy indexes by weight, most impolite first, and most polite first (|w| ≥ NAMED_FROM). */
    ranked = new Map();
    rankedFor(language) {
        let r = this.ranked.get(language);
        if (!r) {
            const w = STRATEGIES.map((s) => this.weightOf(s, language));
            const order = STRATEGIES.map((_, i) => i).filter((i) => Math.abs(w[i]) >= NAMED_FROM);
            r = {
                impolite: order.filter((i) => w[i] < 0).sort((a, b) => w[a] - w[b]),
                polite: order.filter((i) => w[i] > 0).sort((a, b) => w[b] - w[a]),
            };
            this.ranked.set(language, r);
        }
        return r;
    }
    /**
     * The strategies of `mask` that pushed the turn towards impolite (negative weight) and towards polite, each
     * strongest first, as the labels a flag shows.
     */
    explain(mask, language) {
        const r = this.rankedFor(language);
        const labels = (order) => order.filter((i) => mask & (1 << i)).map((i) => STRATEGY_LABELS[STRATEGIES[i]]);
        return { impolite: labels(r.impolite), polite: labels(r.polite) };
    }
    /** Whether `mask` has a strategy of positive weight in `language`. */
    hasPolite(mask, language) {
        return this.rankedFor(language).polite.some((i) => mask & (1 << i));
    }
}
let shared;
/** The shipped model, loaded once per thread. */
export function politenessModel() {
    shared ??= loadPolitenessModel();
    return shared;
}
export function loadPolitenessModel(file = defaultWeightsPath()) {
    return new PolitenessModel(JSON.parse(readFileSync(file, 'utf8')));
}
//# sourceMappingURL=model.js.map