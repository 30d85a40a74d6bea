/**
 * The politeness strategies both languages detect (Danescu-Niculescu-Mizil et al., ACL 2013, Table 3, plus four
 * a contact centre needs: bare imperatives, challenging questions, rude expressions and the Chinese honorific 您). A
 * text's strategies are
 * one bit mask, so detecting and scoring allocate nothing; the same bit means the same strategy in English and
 * Chinese, which is what lets the English-trained weights serve as the prior of the Chinese ones.
 */
export const STRATEGIES = [
    'gratitude',
    'deference',
    'greeting',
    'apologizing',
    'please',
    'please_start',
    'btw',
    'direct_question',
    'direct_start',
    'counterfactual',
    'indicative',
    'first_person_start',
    'first_person',
    'first_person_plural',
    'second_person',
    'second_person_start',
    'hedges',
    'factuality',
    'positive',
    'negative',
    'imperative',
    'challenge',
    'rude',
    'honorific',
];
/** What a flag calls each strategy. */
export const STRATEGY_LABELS = {
    gratitude: 'gratitude',
    deference: 'deference',
    greeting: 'greeting',
    apologizing: 'apologizing',
    please: 'please',
    please_start: 'please at start',
    btw: 'indirect (by the way)',
    direct_question: 'direct question',
    direct_start: 'direct start',
    counterfactual: 'counterfactual modal',
    indicative: 'indicative modal',
    first_person_start: 'first-person start',
    first_person: 'first person',
    first_person_plural: 'first-person plural',
    second_person: 'second person',
    second_person_start: 'second-person start',
    hedges: 'hedge',
    factuality: 'factuality',
    positive: 'positive lexicon',
    negative: 'negative lexicon',
    imperative: 'bare imperative',
    challenge: 'challenging question',
    rude: 'rude expression',
    honorific: 'honorific 您',
};
/** The bit of each strategy in a mask. */
export const S = Object.fromEntries(STRATEGIES.map((s, i) => [s, 1 << i]));
/** The strategies set in `mask`, in STRATEGIES order. */
export function strategiesOf(mask) {
    const out = [];
    for (let i = 0; i < STRATEGIES.length; i++)
        if (mask & (1 << i))
            out.push(STRATEGIES[i]);
    return out;
}
//# sourceMappingURL=strategies.js.map