/**
 * English politeness strategies (Danescu-Niculescu-Mizil et al., ACL 2013, Table 3) found with word lists and
 * sentence positions instead of a dependency parse: one pass over the lower-cased text, one Map lookup per word,
 * no regular expression per strategy. Shared by training (train.ts) and scoring (model.ts), so the two cannot drift.
 *
 * What each strategy is here ("start" = first word of a sentence; sentences end at . ! ? or a line break):
 * - gratitude: thank*, appreciate(d), grateful, thx. Not "no thanks", not "thanks for nothing".
 * - deference: great / good / nice / interesting / cool / excellent / awesome / wow at the start ("good morning" is a
 * greeting).
 * - greeting: hi / hello / hey / greetings / dear / "good morning|afternoon|evening" at the start.
 * - apologizing: sorry, apologi[sz]e, apologies, oops, pardon, "excuse me", "forgive me". Not "not sorry".
 * - please / please_start: please, pls, plz, inside / at the start of a sentence.
 * - btw: "by the way", btw.
 * - direct_question: what / why / who / how as the first or second word of a sentence; not the offers
 *   "how can I help", "what can we do for you".
 * - direct_start: so / then / and / but / or at the start.
 * - counterfactual: could / would + you ("could you not…" is not one: it is a reproach, not an indirect request).
 * - indicative: can / will + you (likewise not "can you not…").
 * - first_person(_start), first_person_plural, second_person(_start): I / my / mine / myself, we / our / us,
 *   you / your / yours / yourself, inside or at the start of a sentence.
 * - hedges: think, maybe, perhaps, suggest, "kind of"… (HEDGES below); factuality: actually, really, honestly,
 *   "in fact", "the truth"…
 * - positive / negative: a word of the lexicon the model was trained with (AFINN-165 valence > 0 / < 0, minus
 *   the words that are strategies of their own), shipped in weights.json.
 * - (no bare imperative in English: the corpus rates "try X" / "post your code" slightly polite, which is the
 *   opposite of what it means from an agent; Chinese has it, fitted on contact-centre lines.)
 * - challenge (not in the paper): a negative question that reproaches ("don't you think", "didn't you read",
 *   "why not", "why don't you"); in the corpus it is the strongest cue of an impolite request after "why not".
 * - rude (not in the paper): an expression of RUDE ("I already told you", "deal with it"); scorecards add their own.
 * The paper's parse-based definitions are approximated: e.g. its "1st person" is any I/my not at a sentence start,
 * which is what a first-word test gives too, but its hedges count only hedge verbs with a subject.
 */
import { S } from './strategies.js';
// Word classes: what a word can contribute, by position. One word may be in several.
const GREET = 1 << 0;
const PLEASE = 1 << 1;
const THANK = 1 << 2;
const SORRY = 1 << 3;
const FIRST = 1 << 4;
const WE = 1 << 5;
const YOU = 1 << 6;
const WH = 1 << 7;
const CONJ = 1 << 8;
const DEFER = 1 << 9;
const HEDGE = 1 << 10;
const FACT = 1 << 11;
const POSITIVE = 1 << 13;
const NEGATIVE = 1 << 14;
const MODAL_CF = 1 << 15;
const MODAL_IND = 1 << 16;
/** Auxiliaries whose "n't" form opens a negative question (don't, didn't, isn't… split at the apostrophe). */
const NEG_AUX = 1 << 17;
/** What follows a negated auxiliary in a question: "don't you", "isn't it". */
const SUBJECT = 1 << 18;
const WORDS = [
    [GREET, 'hi hello hey hiya greetings dear howdy'],
    [PLEASE, 'please pls plz'],
    [THANK, 'thank thanks thankyou thx thanx ty appreciate appreciated appreciating grateful thankful'],
    [SORRY, 'sorry apologize apologise apologies apologized apologised apology oops woops whoops pardon'],
    [FIRST, 'i my mine myself'],
    [WE, 'we our ours us ourselves'],
    [YOU, 'you your yours yourself yourselves u ur'],
    [WH, 'what why who how'],
    [CONJ, 'so then and but or'],
    [DEFER, 'great good nice interesting cool excellent awesome wow'],
    [
        HEDGE,
        'think thought thinking almost apparent apparently appear appeared appears approximately around assume assumed ' +
            'claim claimed doubt doubtful essentially estimate estimated feel felt frequently generally guess indicate ' +
            'indicated largely likely mainly may maybe might mostly often ought perhaps plausible plausibly possible ' +
            'possibly presumably probable probably relatively roughly seem seems seemed should sometimes somewhat suggest ' +
            'suggested suggests suppose supposed suspect tend tends tended typically uncertain unclear unlikely usually ' +
            'broadly fairly quite rather believe wonder wondering',
    ],
    [FACT, 'actually really honestly surely frankly truly obviously clearly'],
    [MODAL_CF, 'could would'],
    [MODAL_IND, 'can will'],
    [NEG_AUX, 'don didn doesn isn aren wasn weren can won wouldn couldn shouldn haven hasn'],
    [SUBJECT, 'you it this that they there we he she'],
];
/** Two-word hedges and factuality markers: second word → first words. */
const HEDGE_PAIRS = new Map([
    ['of', ['kind', 'sort']],
    ['general', ['in']],
    ['opinion', ['my', 'our']],
    ['view', ['my', 'our']],
    ['knowledge', ['my']],
]);
const FACT_PAIRS = new Map([
    ['fact', ['in']],
    ['truth', ['the']],
    ['point', ['the']],
    ['reality', ['the']],
]);
/**
 * Rude expressions (not the paper's; none is frequent enough in its corpus to learn from, see the README): the
 * phrases the default scorecard's `impolite` list carries and a few of their variants. Matched on word boundaries.
 */
export const RUDE_EN = [
    'calm down',
    'i already told you',
    'i told you already',
    'as i said before',
    'as i already said',
    'how many times',
    'deal with it',
    'not my problem',
    "that's your problem",
    'your problem not',
    'listen to me',
    'are you even listening',
    "you don't understand",
    'do you even',
    'read the manual',
    'rtfm',
    'google it',
    'shut up',
    'whatever',
];
const RUDE_RE = new RegExp(`\\b(?:${RUDE_EN.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll("'", "['’]")).join('|')})\\b`);
const isWordChar = (c) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isSentenceEnd = (c) => c === 46 || c === 33 || c === 63 || c === 10;
/** The lexicon words that are strategies of their own do not also count as positive or negative. */
function lexiconWords(words) {
    const taken = new Set(WORDS.filter(([c]) => c & (PLEASE | THANK | SORRY | GREET)).flatMap(([, w]) => w.split(' ')));
    return words.filter((w) => /^[a-z0-9]+$/.test(w) && !taken.has(w));
}
/** Where detect() writes the words it read, `words[0..count)`: reused from call to call, so nothing grows. */
export class Tokens {
    words = [];
    count = 0;
    list() {
        return this.words.slice(0, this.count);
    }
}
export class EnFeatures {
    lexicon;
    classes = new Map();
    constructor(lexicon) {
        this.lexicon = lexicon;
        const add = (cls, word) => this.classes.set(word, (this.classes.get(word) ?? 0) | cls);
        for (const [cls, words] of WORDS)
            for (const w of words.split(' '))
                add(cls, w);
        for (const w of lexiconWords(lexicon.positive))
            add(POSITIVE, w);
        for (const w of lexiconWords(lexicon.negative))
            add(NEGATIVE, w);
    }
    /**
     * The strategies of `text` as a mask of S bits. When `tokens` is given, the lower-cased words and the ? and !
     * marks are written to it (what the n-gram features are read from).
     */
    detect(text, tokens) {
        if (tokens)
            tokens.count = 0;
        const lower = text.toLowerCase();
        let mask = RUDE_RE.test(lower) ? S.rude : 0;
        let gratitude = 0;
        /** Sentence-initial what/why/who/how, less the offers "how can I…", "what may we…". */
        let directQuestions = 0;
        let pos = 0;
        let prev = '';
        let prev2 = '';
        let prevClass = 0;
        let prev2Class = 0;
        /** A sentence-initial great/good…: deference, unless "good morning" makes it a greeting. */
        let pendingDeference = false;
        /** could/would/can/will + you seen: a request, unless "not" follows. */
        let pendingModal = 0;
        const n = lower.length;
        for (let i = 0; i < n;) {
            const c = lower.charCodeAt(i);
            if (!isWordChar(c)) {
                if (isSentenceEnd(c)) {
                    if (tokens && (c === 33 || c === 63))
                        tokens.words[tokens.count++] = c === 33 ? '!' : '?';
                    pos = 0;
                    prev = prev2 = '';
                    prevClass = prev2Class = 0;
                    if (pendingDeference)
                        mask |= S.deference;
                    pendingDeference = false;
                    mask |= pendingModal;
                    pendingModal = 0;
                    i++;
                    while (i < n && isSentenceEnd(lower.charCodeAt(i)))
                        i++;
                }
                else
                    i++;
                continue;
            }
            const start = i;
            while (i < n && isWordChar(lower.charCodeAt(i)))
                i++;
            const word = lower.slice(start, i);
            if (tokens)
                tokens.words[tokens.count++] = word;
            const cls = this.classes.get(word) ?? 0;
            if (pendingDeference && pos === 1) {
                if (word === 'morning' || word === 'afternoon' || word === 'evening' || word === 'day')
                    mask |= S.greeting;
                else
                    mask |= S.deference;
                pendingDeference = false;
            }
            if (pendingModal) {
                if (word !== 'not')
                    mask |= pendingModal;
                pendingModal = 0;
            }
            if (cls !== 0) {
                if (cls & GREET && pos === 0)
                    mask |= S.greeting;
                if (cls & PLEASE)
                    mask |= pos === 0 ? S.please_start : S.please;
                if (cls & THANK && prev !== 'no')
                    gratitude++;
                if (cls & SORRY && prev !== 'not')
                    mask |= S.apologizing;
                if (cls & FIRST)
                    mask |= pos === 0 ? S.first_person_start : S.first_person;
                if (cls & WE)
                    mask |= S.first_person_plural;
                if (cls & YOU) {
                    mask |= pos === 0 ? S.second_person_start : S.second_person;
                    if (prevClass & MODAL_CF)
                        pendingModal = S.counterfactual;
                    else if (prevClass & MODAL_IND)
                        pendingModal = S.indicative;
                }
                if (cls & WH && pos <= 1)
                    directQuestions++;
                if (cls & CONJ && pos === 0)
                    mask |= S.direct_start;
                if (cls & DEFER && pos === 0)
                    pendingDeference = true;
                if (cls & HEDGE)
                    mask |= S.hedges;
                if (cls & FACT)
                    mask |= S.factuality;
                if (cls & POSITIVE)
                    mask |= S.positive;
                if (cls & NEGATIVE)
                    mask |= S.negative;
            }
            // Two- and three-word forms, decided on their last word.
            if (word === 'me' && (prev === 'excuse' || prev === 'forgive'))
                mask |= S.apologizing;
            else if (word === 'btw' || (word === 'way' && prev === 'the' && prev2 === 'by'))
                mask |= S.btw;
            else if (word === 'nothing' && prev === 'for' && prevThank(prev2, this.classes))
                gratitude--;
            else if ((word === 'i' || word === 'we') &&
                (prev === 'can' || prev === 'may' || prev === 'could') &&
                (prev2 === 'how' || prev2 === 'what'))
                directQuestions--;
            else if (word === 'not' && prev === 'why')
                mask |= S.challenge;
            else if (prev === 't' && prev2Class & NEG_AUX && cls & SUBJECT)
                mask |= S.challenge;
            else if (word === 't' && prevClass & NEG_AUX && prev2 === 'why')
                mask |= S.challenge;
            else if (HEDGE_PAIRS.get(word)?.includes(prev))
                mask |= S.hedges;
            else if (FACT_PAIRS.get(word)?.includes(prev))
                mask |= S.factuality;
            prev2 = prev;
            prev2Class = prevClass;
            prev = word;
            prevClass = cls;
            pos++;
        }
        if (pendingDeference)
            mask |= S.deference;
        mask |= pendingModal;
        if (gratitude > 0)
            mask |= S.gratitude;
        if (directQuestions > 0)
            mask |= S.direct_question;
        return mask;
    }
}
const prevThank = (word, classes) => ((classes.get(word) ?? 0) & THANK) !== 0;
//# sourceMappingURL=features-en.js.map