const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;
/**
 * Share of the text's words written in Han, in [0,1]; NaN when there are no words.
 * A Latin word counts as two Han characters, about the information one Chinese word carries.
 */
export function hanShare(text) {
    const han = text.match(HAN)?.length ?? 0;
    const latin = (text.match(LATIN_WORD)?.length ?? 0) * 2;
    return han + latin === 0 ? Number.NaN : han / (han + latin);
}
/** Above this share of Han the text is Chinese (a product name or two in a Chinese sentence stays zh). */
const ZH_FROM = 0.65;
/** Below this share it is English. */
const EN_UNTIL = 0.15;
export function languageOfShare(share) {
    if (Number.isNaN(share) || share <= EN_UNTIL)
        return 'en';
    return share >= ZH_FROM ? 'zh' : 'mixed';
}
export function detectLanguage(texts) {
    return languageOfShare(hanShare(texts.join('\n')));
}
//# sourceMappingURL=language.js.map