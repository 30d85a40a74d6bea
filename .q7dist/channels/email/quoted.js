/**
 * Trims the quoted history from an e-mail reply, so a ticket comment holds what the customer wrote this time and
 * not the whole thread again. One simple rule, no model: cut at the first attribution line a mail client writes
 * above the quote ("On … wrote:", "在 … 写道：", "-----Original Message-----", Outlook's "From:" block), or else drop
 * the block of `>` lines that ends the message. Nothing is cut when nothing would remain (a forwarded mail, a
 * quote-only reply).
 */
/** Lines a mail client puts above the quoted message. */
const ATTRIBUTIONS = [
    /^On\b.{0,300}\bwrote:\s*$/i,
    /^在.{0,300}写道[:：]\s*$/,
    /^-{2,}\s*(Original Message|原始邮件|Reply message)\s*-{2,}\s*$/i,
];
/** Gmail folds a long attribution onto two lines: "On Mon, … <support@acme.example>" then "wrote:". */
const FOLDED_ATTRIBUTION = { first: /^On\b/i, second: /^.{0,200}\bwrote:\s*$/i };
/** Outlook's header block: "From: …" followed within two lines by "Sent:"/"Date:" (or 发件人/发送时间). */
const OUTLOOK_FROM = /^(From|发件人)\s*[:：]/i;
const OUTLOOK_NEXT = /^(Sent|Date|发送时间|时间)\s*[:：]/i;
const isQuoted = (line) => line.startsWith('>');
/** Where the quoted history starts (a line index), or -1. */
function attributionAt(lines) {
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (ATTRIBUTIONS.some((re) => re.test(line)))
            return i;
        if (FOLDED_ATTRIBUTION.first.test(line) && FOLDED_ATTRIBUTION.second.test(lines[i + 1]?.trim() ?? ''))
            return i;
        if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 3).some((l) => OUTLOOK_NEXT.test(l.trim())))
            return i;
    }
    return -1;
}
/** The text without its quoted history, trimmed; the whole text when trimming would leave nothing. */
export function withoutQuotedHistory(text) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    let end = attributionAt(lines);
    if (end < 0) {
        end = lines.length;
        while (end > 0 && (isQuoted(lines[end - 1]) || lines[end - 1].trim() === ''))
            end--;
    }
    const kept = lines.slice(0, end).join('\n').trim();
    return kept || text.trim();
}
//# sourceMappingURL=quoted.js.map