/**
 * Agent politeness in [0,1]: the mean over agent turns of the politeness model's probability that people would
 * judge the turn polite (qa/politeness/model.ts: the politeness strategies of Danescu-Niculescu-Mizil et al. 2013
 * plus word n-grams, learned from human-rated requests; the same strategies for Chinese). Flag below `min_score`.
 *
 * The scorecard's word lists still count: an `impolite` entry in a turn is the strategy "rude expression" (and
 * flagged with its span, as before); a `polite` entry that no strategy already covers ("happy to help", 辛苦)
 * counts as positive lexicon. A turn the model finds impolite (below IMPOLITE_TURN) without a listed expression is
 * flagged (low) with the strategies that made it so, e.g. "impolite: direct question, second-person start".
 * A polite refusal (很抱歉，这个我们无法办理，但您可以…) stays polite: refusing is no strategy of impoliteness.
 */
import { politenessModel } from '../politeness/model.js';
import { S } from '../politeness/strategies.js';
import { agentTurns, findAll, interactionFlag, NOT_APPLICABLE, spanFlag, } from './context.js';
/** A turn below this probability of polite is flagged (when no listed expression already was). */
export const IMPOLITE_TURN = 0.35;
/** How many strategies a reason names at most, per side. */
const NAMED = 3;
/** Does a scorecard `polite` match already count through a strategy of positive weight? Cached per text. */
const covered = new Map();
function coveredByStrategy(model, text) {
    let hit = covered.get(text);
    if (hit === undefined) {
        hit = model.hasPolite(model.enLogit(text).mask, 'en') || model.hasPolite(model.zhLogit(text).mask, 'zh');
        if (covered.size > 1000)
            covered.clear();
        covered.set(text, hit);
    }
    return hit;
}
function reasonOf(side, labels) {
    return labels.length ? `${side}: ${labels.slice(0, NAMED).join(', ')}` : '';
}
export function politenessCheck(ctx, cfg) {
    const turns = agentTurns(ctx);
    if (turns.length === 0)
        return NOT_APPLICABLE;
    const model = politenessModel();
    const polite = ctx.card.patterns.get('checks.politeness.polite');
    const impolite = ctx.card.patterns.get('checks.politeness.impolite');
    const severity = cfg.severity ?? 'medium';
    const flags = [];
    /** The strategies of the turns judged impolite and polite, for the interaction's reason. */
    let impoliteMask = 0;
    let politeMask = 0;
    let sum = 0;
    for (const i of turns) {
        const text = ctx.turns[i].text;
        const rude = findAll(impolite, text);
        let extra = rude.length ? S.rude : 0;
        if (polite) {
            polite.lastIndex = 0;
            for (let m = polite.exec(text); m; m = polite.exec(text)) {
                if (!m[0])
                    polite.lastIndex++;
                else if (!coveredByStrategy(model, m[0])) {
                    extra |= S.positive;
                    break;
                }
            }
            // matchAll elsewhere starts from lastIndex: leave the shared regex as found.
            polite.lastIndex = 0;
        }
        for (const m of rude)
            flags.push(spanFlag('politeness', severity, i, m, 'impolite expression'));
        const turn = model.judge(text, extra);
        sum += turn.p;
        if (turn.p < 0.5)
            impoliteMask |= turn.mask;
        else
            politeMask |= turn.mask;
        if (turn.p < IMPOLITE_TURN && rude.length === 0) {
            const why = model.explain(turn.mask, turn.language);
            const reason = [reasonOf('impolite', why.impolite), reasonOf('polite', why.polite)].filter(Boolean).join('; ');
            // A judgement on the whole turn, not on a span: marking the whole turn would hide the evidence of other checks.
            flags.push(interactionFlag('politeness', 'low', `politeness ${turn.p.toFixed(2)}${reason ? ` (${reason})` : ''}`, i));
        }
    }
    const score = sum / turns.length;
    const failed = score < cfg.min_score;
    if (failed) {
        const bad = model.explain(impoliteMask, ctx.language).impolite;
        const good = model.explain(politeMask, ctx.language).polite;
        const reason = [reasonOf('impolite', bad), reasonOf('polite', good)].filter(Boolean).join('; ');
        flags.push(interactionFlag('politeness', severity, `agent politeness ${score.toFixed(2)} below ${cfg.min_score}${reason ? ` (${reason})` : ''}`));
    }
    return { applicable: true, fraction: score, failed, flags };
}
//# sourceMappingURL=politeness.js.map