/**
 * The cue lists of the satisfaction features, Chinese and English, and one pass that counts them in a turn.
 *
 * English cues are phrases of word tokens (NFKC-folded, lower-cased, apostrophes kept: "that's", "can't"). In a
 * phrase, `a|b` is either word and `*` any one word. A turn is tokenised once and each token looked up once in a
 * map of the phrases' first words, which keeps the model cheap next to the rest of the pipeline. Chinese cues are
 * regular expressions over the text (Chinese has no spaces to tokenise on), run only when the turn has Han.
 * Cue lists are general contact-centre language, not the training corpus's domains (no "flight", "restaurant").
 */
export const CUSTOMER_CUES = [
    'thanks',
    'praise',
    'closing',
    'complaint',
    'unresolved',
    'rejection',
    'affirm',
    'negate',
    'escalate',
    'why',
    'polite',
];
export const AGENT_CUES = ['apology', 'failure', 'success'];
export const CUES = {
    thanks: {
        en: ['thanks', 'thank', 'thx', 'appreciate|appreciated|appreciates', 'grateful', 'cheers', 'much obliged'],
        zh: '谢谢|感谢|多谢|谢了|辛苦(?:了|你|您)',
    },
    /** Praise and a problem resolved. */
    praise: {
        en: [
            'great|perfect|awesome|excellent|wonderful|fantastic|amazing|brilliant|helpful',
            'sounds good|great|perfect',
            'that works',
            'works now|fine|great|perfectly',
            'works for me',
            "is|it's|that's|now solved|fixed|resolved|working",
            'fixed it',
            'problem solved',
            'all set',
            'exactly what i',
        ],
        zh: '解决了|搞定|好了|可以了|这样可以|这样就行|那就好|没问题|满意|太好了|完美|明白了|清楚了|很好|非常好|真棒|给力|专业|有用|好评',
    },
    closing: {
        en: [
            "that's all|it",
            'that is all',
            "that'll be all",
            'that will be all',
            'nothing else|more',
            'no more',
            "i'm good|done|set",
            "i'm all good|done|set",
            'bye|goodbye',
        ],
        zh: '没有了|没了|没别的|没有别的|就这些|就这样吧|再见|拜拜',
    },
    /** Complaint, anger, giving up. */
    complaint: {
        en: [
            'ridiculous|terrible|awful|horrible|worst|useless|pathetic|unacceptable|unbelievable|incompetent|rude|nonsense',
            'disappoint|disappointed|disappointing|disappointment',
            'frustrated|frustrating|frustration',
            'annoyed|annoying|annoyance',
            'complain|complained|complaining|complains|complaint|complaints',
            'idiot|idiots|idiotic',
            'angry|upset|furious|mess|stupid|hate|suck|sucks|seriously|wasting',
            'fed up',
            'waste of',
        ],
        zh: '投诉|差评|无语|垃圾|太差|很差|真差|什么破|破玩意|离谱|失望|生气|气死|恶心|浪费|敷衍|骗人|坑人|忽悠|什么态度|态度差|服了|烦死|不满意|听不懂|找个懂|算了|无奈|郁闷|受不了',
    },
    /** The problem persists or the answer did not help. */
    unresolved: {
        en: [
            'still|again|unhelpful',
            'not working|fixed|helpful',
            "doesn't|didn't|won't work",
            'does|did not work',
            "isn't working",
            'no longer',
            'same problem|issue',
            "didn't help|answer",
            'not what i',
            'never got|received|arrived',
            'not received|arrived|resolved|solved',
            'not yet received|arrived|resolved|solved',
        ],
        zh: '还是不|还是没|仍然|依然|又(?:不|没|坏|出)|怎么还|还没(?:有)?(?:到|收到|解决|处理|好)|没解决|没有解决|没用|不管用|没效果|一直(?:不|没|都不)|说了(?:多少|好几|几)(?:遍|次)|重复',
    },
    /** Rejecting or correcting what the agent said or offered. */
    rejection: {
        en: [
            "that's not",
            'that is not',
            'not that|this',
            'not what i',
            'wrong|incorrect|instead|nope',
            'another one|option',
            'something else',
            'other option|options',
            'any others',
            'different one|option',
            'one more time',
            'try again',
            "doesn't suit",
            'not good|right|correct',
        ],
        zh: '(?<!是)不是|不对|错了|搞错|换(?:一)?个|别的|不要|不合适|不行',
    },
    /** Accepting what the agent said or offered. */
    affirm: {
        en: ['yes|yeah|yep|yup|sure|correct|right|exactly|ok|okay|alright|fine|good|nice|cool|works|sounds'],
        zh: '是的|对的|没错|好的|好吧|行的|可以的|嗯嗯|恩恩|对对|^(?:好|行|可以|嗯|恩|对)',
    },
    /** Saying no, negating, changing the request. */
    negate: {
        en: ["no|not|don't|doesn't|didn't|nope|nah|instead|actually|rather|change|other|another|else|different|but"],
        zh: '不(?!错|客气|用谢|好意思)|没(?!问题|事|有了|了$)|别|换|改|但是|可是|其他|其它',
    },
    /** Cancel, refund, ask for someone else. */
    escalate: {
        en: [
            'cancel|cancelled|canceled|cancelling|cancellation|refund|supervisor|manager|human|representative|escalate',
            'return it',
            'real person',
            'speak to someone',
        ],
        zh: '取消|退款|退货|退钱|人工|经理|主管|上级|12315|消协|曝光',
    },
    why: { en: ['why', 'how come', 'what happened'], zh: '为什么|为啥|怎么回事|凭什么|怎么搞的' },
    polite: { en: ['please|kindly|pls', 'could|would you'], zh: '请|麻烦|您|劳驾|能不能|能否' },
    apology: {
        en: ['sorry|apologies|unfortunately|regret|apologise|apologize|apologised|apologized|apologising|apologizing'],
        zh: '抱歉|对不起|不好意思|很遗憾',
    },
    /** The agent could not do it. */
    failure: {
        en: [
            "unable|can't|cannot|couldn't|failed|failure|impossible|unavailable",
            'could not',
            "wasn't|not able",
            'was not able',
            "not|isn't available",
            'no available|results|result|matches|openings|slots|luck',
            'no * available',
            'nothing available|found',
            "couldn't|didn't find",
            'could|did not find',
        ],
        zh: '无法|不能|没办法|没有办法|查不到|找不到|没有找到|暂时没有|没有库存|失败|不支持|做不到|办不了|处理不了|无能为力',
    },
    /** The agent did it. */
    success: {
        en: [
            'confirmed|booked|reserved|successful|successfully|succeeded|scheduled|completed|refunded|replaced|arranged',
            'all|is set',
            "you're set",
            'has|have been booked|made|reserved|scheduled|placed|sent|processed|completed|transferred|added|confirmed|updated|fixed|resolved|refunded',
            'has|have been * booked|made|reserved|scheduled|placed|sent|processed|completed|transferred|added|confirmed|updated|fixed|resolved|refunded',
        ],
        zh: '已为您|已经为您|已经帮您|已帮您|已(?:经)?(?:处理|办理|提交|安排|发货|退款|取消|完成|修改|登记|预订|预约|解决)|帮您(?:登记|办理|申请|换货|退款|补发|安排|修改)|成功|搞定',
    },
};
const ALL_CUES = [...CUSTOMER_CUES, ...AGENT_CUES];
/** Phrases by their first word. */
const byFirst = new Map();
for (const [cue, name] of ALL_CUES.entries())
    for (const text of CUES[name].en) {
        const slots = text.split(' ').map((w) => (w === '*' ? '*' : new Set(w.split('|'))));
        if (slots[0] === '*')
            throw new Error(`cue ${name}: a phrase cannot start with *: ${text}`);
        for (const w of slots[0])
            (byFirst.get(w) ?? byFirst.set(w, []).get(w)).push({ cue, slots });
    }
const zhCues = ALL_CUES.map((name) => new RegExp(CUES[name].zh, 'g'));
/** Length of the phrase at `tokens[i]`, or 0. */
function matchAt(phrase, tokens, i) {
    const { slots } = phrase;
    if (i + slots.length > tokens.length)
        return 0;
    for (let k = 1; k < slots.length; k++) {
        const slot = slots[k];
        if (slot !== '*' && !slot.has(tokens[i + k]))
            return 0;
    }
    return slots.length;
}
/** English word tokens of normalised text, apostrophes kept inside words ("don't", "that's"). */
export function wordTokensOf(text) {
    return text.match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}
export const HAN = /\p{Script=Han}/u;
/** Index of each cue name in the counts `countCues` returns. */
export const CUE_INDEX = Object.fromEntries(ALL_CUES.map((name, i) => [name, i]));
/**
 * How often each cue (CUE_INDEX order) occurs in one normalised turn: its English tokens and, when it has Han,
 * its text. Within one cue, matches do not overlap (the longest phrase at a position wins).
 */
export function countCues(tokens, text, hasHan) {
    const counts = new Array(CUE_COUNT).fill(0);
    let reset = false;
    for (let i = 0; i < tokens.length; i++) {
        const phrases = byFirst.get(tokens[i]);
        if (!phrases)
            continue;
        if (!reset) {
            freeFrom.fill(0);
            reset = true;
        }
        longest.fill(0);
        for (const phrase of phrases) {
            if (freeFrom[phrase.cue] > i)
                continue;
            const n = matchAt(phrase, tokens, i);
            if (n > longest[phrase.cue])
                longest[phrase.cue] = n;
        }
        for (let c = 0; c < CUE_COUNT; c++)
            if (longest[c] > 0) {
                counts[c]++;
                freeFrom[c] = i + longest[c];
            }
    }
    if (hasHan)
        for (let c = 0; c < CUE_COUNT; c++) {
            const found = text.match(zhCues[c]);
            if (found)
                counts[c] += found.length;
        }
    return counts;
}
const CUE_COUNT = ALL_CUES.length;
/** Per cue, the token from which it may match again (scratch space of countCues). */
const freeFrom = new Int32Array(CUE_COUNT);
/** Per cue, the longest phrase at the current token (scratch space of countCues). */
const longest = new Int32Array(ALL_CUES.length);
//# sourceMappingURL=cues.js.map