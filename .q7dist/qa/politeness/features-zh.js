/**
 * Chinese politeness strategies: the same strategy bits as English (strategies.ts), found with a phrase table
 * scanned once left to right. At each character the longest phrase of the table that starts there wins and the
 * scan goes on after it, so a longer near-miss overrides the short form it contains: 请你马上 is a bare imperative,
 * not 请; 你好好(看看) is not the greeting 你好; 给您添麻烦 is an apology, not 麻烦 (trouble); 不用谢 is not thanks.
 * A "clause start" is the start of the text or the character after ，。！？；：、… or a space.
 *
 * The table, by strategy:
 * - gratitude 谢谢/感谢/多谢/辛苦了/有劳; deference 理解您/您说得对; greeting 您好/你好/早上好;
 * - apologizing 抱歉/不好意思/对不起/见谅/久等了/添麻烦; please 请/请问/请您/麻烦您/劳驾/烦请 (请 at a clause
 *   start is please_start, as in English; 请问 is always please); btw 顺便;
 * - direct_question 为什么/凭什么/到底/干嘛, 什么/怎么 at a clause start; direct_start 所以/但是/可是 at a clause start;
 * - challenge (reproachful questions) 难道/为什么不/你不会…/你就不能/这都不会/还用问;
 * - counterfactual (softeners) 能否/可否/是否/方便的话/可以吗/好吗/不知道您; indicative 能不能/可不可以/你能;
 * - first_person 我 (first_person_start at a clause start), first_person_plural 我们/咱们; second_person 你/你们
 *   (second_person_start at a clause start); honorific 您 (its own strategy: English has no honorific pronoun);
 * - hedges 可能/也许/大概/或许/好像/建议/应该; factuality 其实/事实上/说实话/明明/根本/本来就;
 * - positive 很高兴/乐意/放心/祝您/不客气/没问题; negative 麻烦 (inside a clause)/离谱/无语/没办法/不知道;
 * - imperative (bare) 给我/赶紧/马上把/别/不要 at a clause start, 快点/快说/等着/听好/你先/请你马上 anywhere;
 * - rude 你听不懂吗/不归我管/跟我说没用/爱买不买/有完没完/我已经说过了… (RUDE_ZH).
 */
import { S } from './strategies.js';
const you = (mask) => [mask | S.second_person, mask | S.second_person_start];
const me = (mask) => [mask | S.first_person, mask | S.first_person_start];
/** Rude expressions: an agent line with one of these is impolite whatever else it says. */
export const RUDE_ZH = [
    '你听不懂吗',
    '听不懂吗',
    '听不懂',
    '听没听懂',
    '懂不懂',
    '看不懂吗',
    '你没看吗',
    '没看吗',
    '不归我管',
    '不归我们管',
    '不关我的事',
    '不关我们的事',
    '关我什么事',
    '跟我说没用',
    '跟我没关系',
    '你自己看',
    '你问我我问谁',
    '我怎么知道',
    '我也没办法',
    '烦不烦',
    '有完没完',
    '爱买不买',
    '随便你',
    '说了多少遍',
    '说过多少遍',
    '我已经说过了',
    '早就说过',
    '急什么',
    '催什么',
    '别催',
    '有事快说',
    '少废话',
    '废话',
    '自己去问',
    '你到底想怎样',
    '没别的事我',
    '不给我怎么查',
];
const TABLE = [
    // gratitude
    ['谢谢', S.gratitude],
    ['感谢', S.gratitude],
    ['多谢', S.gratitude],
    ['谢了', S.gratitude],
    ['感激', S.gratitude],
    ['辛苦了', S.gratitude],
    ['辛苦您', S.gratitude | S.honorific],
    ['辛苦你', S.gratitude | S.second_person],
    ['有劳', S.gratitude],
    ['劳您费心', S.gratitude | S.honorific],
    ['麻烦您了', S.gratitude | S.honorific],
    // not gratitude: "you're welcome"
    ['不客气', S.positive],
    ['不用谢', S.positive],
    ['不用客气', S.positive],
    // deference
    ['理解您', S.deference | S.honorific],
    ['非常理解', S.deference],
    ['您说得对', S.deference | S.honorific],
    ['您说的对', S.deference | S.honorific],
    ['好问题', S.deference],
    // greeting
    ['您好', S.greeting | S.honorific],
    ['你好', S.greeting],
    ['你们好', S.greeting],
    ['早上好', S.greeting],
    ['上午好', S.greeting],
    ['下午好', S.greeting],
    ['晚上好', S.greeting],
    ['早安', S.greeting],
    ['哈喽', S.greeting],
    ['你好好', ...you(S.imperative)],
    // apologizing
    ['抱歉', S.apologizing],
    ['不好意思', S.apologizing],
    ['对不起', S.apologizing],
    ['请原谅', S.apologizing],
    ['见谅', S.apologizing],
    ['请谅解', S.apologizing],
    ['很遗憾', S.apologizing],
    ['非常遗憾', S.apologizing],
    ['添麻烦', S.apologizing],
    ['久等了', S.apologizing],
    ['打扰了', S.apologizing],
    // please
    ['请', S.please, S.please_start],
    ['请问', S.please],
    ['请您', S.please | S.honorific],
    ['麻烦您', S.please | S.honorific],
    ['麻烦你', S.please | S.second_person],
    ['麻烦', S.negative, S.please],
    ['劳驾', S.please],
    ['烦请', S.please],
    ['烦劳', S.please],
    ['请你', S.please | S.second_person],
    ['请你马上', S.imperative | S.second_person],
    ['请你立刻', S.imperative | S.second_person],
    ['请你立即', S.imperative | S.second_person],
    ['请你赶紧', S.imperative | S.second_person],
    // btw
    ['顺便', S.btw],
    // direct questions and starts
    ['为什么', S.direct_question],
    ['凭什么', S.direct_question],
    ['干嘛', S.direct_question],
    ['干什么', S.direct_question],
    ['到底', S.direct_question],
    ['你到底', ...you(S.direct_question)],
    ['怎么回事', S.direct_question],
    ['又怎么了', S.direct_question],
    ['什么', 0, S.direct_question],
    ['怎么', 0, S.direct_question],
    ['所以', 0, S.direct_start],
    ['但是', 0, S.direct_start],
    ['可是', 0, S.direct_start],
    ['那又', 0, S.direct_start],
    ['然后呢', S.direct_start],
    // challenging (rhetorical, reproachful) questions
    ['难道', S.challenge],
    ['为什么不', S.challenge],
    ['你不会', ...you(S.challenge)],
    ['你就不能', ...you(S.challenge)],
    ['这都不会', S.challenge],
    ['连这个都', S.challenge],
    ['还用问', S.challenge],
    ['不是说了', S.challenge],
    ['还怪我们', S.challenge],
    // modals: softened (counterfactual) and plain (indicative) requests
    ['能否', S.counterfactual],
    ['可否', S.counterfactual],
    ['是否', S.counterfactual],
    ['方便的话', S.counterfactual],
    ['如果方便', S.counterfactual],
    ['是否方便', S.counterfactual],
    ['可以吗', S.counterfactual],
    ['好吗', S.counterfactual],
    ['行吗', S.counterfactual],
    ['不知道您', S.counterfactual | S.honorific],
    ['不知您', S.counterfactual | S.honorific],
    ['能不能', S.indicative],
    ['可不可以', S.indicative],
    ['你能', ...you(S.indicative)],
    // persons
    ['我', ...me(0)],
    ['我们', S.first_person_plural],
    ['咱们', S.first_person_plural],
    ['你', ...you(0)],
    ['你们', ...you(0)],
    ['您', S.honorific],
    // hedges and factuality
    ['可能', S.hedges],
    ['也许', S.hedges],
    ['大概', S.hedges],
    ['或许', S.hedges],
    ['似乎', S.hedges],
    ['好像', S.hedges],
    ['一般来说', S.hedges],
    ['通常', S.hedges],
    ['估计', S.hedges],
    ['建议', S.hedges],
    ['应该', S.hedges],
    ['我觉得', ...me(S.hedges)],
    ['其实', S.factuality],
    ['事实上', S.factuality],
    ['实际上', S.factuality],
    ['说实话', S.factuality],
    ['老实说', S.factuality],
    ['明明', S.factuality],
    ['根本', S.factuality],
    ['本来就', S.factuality],
    ['显然', S.factuality],
    ['确实', S.factuality],
    ['说白了', S.factuality],
    // lexicon
    ['很高兴', S.positive],
    ['高兴', S.positive],
    ['乐意', S.positive],
    ['荣幸', S.positive],
    ['放心', S.positive],
    ['愉快', S.positive],
    ['欢迎', S.positive],
    ['耐心', S.positive],
    ['没问题', S.positive],
    ['尽快', S.positive],
    ['祝您', S.positive | S.honorific],
    ['祝你', S.positive | S.second_person],
    ['太好了', S.positive],
    ['不要紧', S.positive],
    ['别着急', S.positive],
    ['别担心', S.positive],
    ['马上为您', S.positive | S.honorific],
    ['马上帮您', S.positive | S.honorific],
    ['离谱', S.negative],
    ['无语', S.negative],
    ['差劲', S.negative],
    ['垃圾', S.negative],
    ['真是的', S.negative],
    ['没办法', S.negative],
    ['没用', S.negative],
    ['不知道', S.negative],
    ['烦死', S.negative],
    ['讨厌', S.negative],
    ['糟糕', S.negative],
    ['太麻烦', S.negative],
    // bare imperatives
    ['给我', 0, S.imperative],
    ['赶紧', 0, S.imperative],
    ['快点', S.imperative],
    ['快说', S.imperative],
    ['马上把', 0, S.imperative],
    ['立刻把', 0, S.imperative],
    ['立即把', 0, S.imperative],
    ['马上给我', S.imperative],
    ['别', 0, S.imperative],
    ['不要', 0, S.imperative],
    ['等着', S.imperative],
    ['等一下', 0, S.imperative],
    ['听好', S.imperative],
    ['听着', S.imperative],
    ['说清楚', S.imperative],
    ['你先', ...you(S.imperative)],
    ['你去', ...you(S.imperative)],
    ['你自己', ...you(S.imperative)],
    ['自己去', S.imperative],
    ['说。', 0, S.imperative],
    ...RUDE_ZH.map((p) => [p, S.rude]),
];
/** Punctuation (and spaces) after which a new clause starts. */
const CLAUSE_BREAKS = new Set([...'，。！？；：、…,.!?;: \n\t～~'].map((c) => c.charCodeAt(0)));
/** Phrases by their first UTF-16 unit, longest first. */
function index(entries) {
    const byText = new Map();
    for (const [text, anywhere, atStart] of entries)
        byText.set(text, { text, anywhere, atStart: atStart ?? anywhere });
    const out = new Map();
    for (const p of byText.values()) {
        const key = p.text.charCodeAt(0);
        const list = out.get(key) ?? out.set(key, []).get(key);
        list.push(p);
    }
    for (const list of out.values())
        list.sort((a, b) => b.text.length - a.text.length);
    return out;
}
const PHRASES = index(TABLE);
/** The strategies of a Chinese text as a mask of S bits. */
export function zhStrategies(text) {
    let mask = 0;
    const n = text.length;
    for (let i = 0; i < n;) {
        const candidates = PHRASES.get(text.charCodeAt(i));
        let advanced = false;
        if (candidates) {
            for (const p of candidates) {
                if (!text.startsWith(p.text, i))
                    continue;
                mask |= i === 0 || CLAUSE_BREAKS.has(text.charCodeAt(i - 1)) ? p.atStart : p.anywhere;
                i += p.text.length;
                advanced = true;
                break;
            }
        }
        if (!advanced)
            i++;
    }
    return mask;
}
//# sourceMappingURL=features-zh.js.map