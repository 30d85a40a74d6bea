/**
 * A customer's sample mail as a mail client writes it (RFC 5322 headers, RFC 2047 encoded words, a UTF-8 text body
 * in base64): what the signers (mailgun.ts, relay.ts) wrap for tests, `mofang channels check` and the demo
 * simulator. Built here, synchronously, because a signer returns its request at once (nodemailer's MailComposer
 * streams).
 */
import { encodeWords } from 'nodemailer/lib/mime-funcs';
/** Where the samples are addressed (RFC 2606 reserves `.example`; the mapping does not read the recipient). */
export const SAMPLE_RECIPIENT = 'support@mofang.example';
const header = (value) => encodeWords(value, 'B', 52);
const messageIdOf = (id) => `<${id}>`;
/**
 * The sample as raw MIME. A reply (`inReplyTo`) names the thread's root, so In-Reply-To and References are both it.
 * An `imageUrl` is left out: a mail carries its files inside it, not as links.
 */
export function sampleMime(sample) {
    const from = sample.name ? `${header(sample.name)} <${sample.userId}>` : `<${sample.userId}>`;
    const subject = sample.subject ?? (sample.inReplyTo ? 'Re: your ticket' : 'Help request');
    const body = Buffer.from(`${sample.text ?? ''}\r\n`).toString('base64');
    return [
        `From: ${from}`,
        `To: ${SAMPLE_RECIPIENT}`,
        `Subject: ${header(subject)}`,
        `Date: ${new Date(sample.ts).toUTCString()}`,
        `Message-ID: ${messageIdOf(sample.messageId)}`,
        ...(sample.inReplyTo
            ? [`In-Reply-To: ${messageIdOf(sample.inReplyTo)}`, `References: ${messageIdOf(sample.inReplyTo)}`]
            : []),
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        ...(body.match(/.{1,76}/g) ?? []),
        '',
    ].join('\r\n');
}
//# sourceMappingURL=compose.js.map