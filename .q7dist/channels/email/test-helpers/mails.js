/**
 * Mails for the e-mail channel's tests, as the documents that define them show them:
 * - RFC 5322 Appendix A.2 (https://www.rfc-editor.org/rfc/rfc5322#appendix-A.2): a message, its reply and the reply
 *   to that, threaded with Message-ID, In-Reply-To and References, copied as the RFC prints them;
 * - mails with bodies and attachments built with nodemailer's MailComposer, the MIME a mail client writes
 *   (RFC 2045-2047: multipart/mixed and /alternative, base64 and quoted-printable parts, encoded-word headers);
 * - RFC 3834 §5 (https://www.rfc-editor.org/rfc/rfc3834#section-5): the Auto-Submitted header of automatic replies.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
const crlf = (lines) => Buffer.from(lines.join('\r\n'));
export const RFC5322_MESSAGE = crlf([
    'From: John Doe <jdoe@machine.example>',
    'To: Mary Smith <mary@example.net>',
    'Subject: Saying Hello',
    'Date: Fri, 21 Nov 1997 09:55:06 -0600',
    'Message-ID: <1234@local.machine.example>',
    '',
    'This is a message just to say hello.',
    'So, "Hello".',
    '',
]);
export const RFC5322_REPLY = crlf([
    'From: Mary Smith <mary@example.net>',
    'To: John Doe <jdoe@machine.example>',
    'Reply-To: "Mary Smith: Personal Account" <smith@home.example>',
    'Subject: Re: Saying Hello',
    'Date: Fri, 21 Nov 1997 10:01:10 -0600',
    'Message-ID: <3456@example.net>',
    'In-Reply-To: <1234@local.machine.example>',
    'References: <1234@local.machine.example>',
    '',
    'This is a reply to your hello.',
    '',
]);
export const RFC5322_REPLY_TO_REPLY = crlf([
    'To: "Mary Smith: Personal Account" <smith@home.example>',
    'From: John Doe <jdoe@machine.example>',
    'Subject: Re: Saying Hello',
    'Date: Fri, 21 Nov 1997 11:00:00 -0600',
    'Message-ID: <abcd.1234@local.machine.tld>',
    'In-Reply-To: <3456@example.net>',
    'References: <1234@local.machine.example> <3456@example.net>',
    '',
    'This is a reply to your reply.',
    '',
]);
/** A mail without Message-ID (some scripts and old relays send them). */
export const WITHOUT_MESSAGE_ID = crlf([
    'From: script@shop.example',
    'To: support@acme.example',
    'Subject: nightly export failed',
    'Date: Tue, 02 Jun 2026 03:00:00 +0000',
    '',
    'Export job 42 failed.',
    '',
]);
/** An out-of-office notice (RFC 3834 §5: "Auto-Submitted: auto-replied"). */
export const OUT_OF_OFFICE = crlf([
    'From: Wei Wang <wei@customer.example>',
    'To: support@acme.example',
    'Subject: Automatic reply: Your ticket',
    'Auto-Submitted: auto-replied',
    'Message-ID: <ooo-1@customer.example>',
    'In-Reply-To: <reply-1@acme.example>',
    '',
    'I am out of the office until Monday.',
    '',
]);
/** A 1×1 PNG and a one-page PDF, small but real file signatures. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const PDF_TINY = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** A mail as nodemailer writes it. */
export function composeMail(mail) {
    return new MailComposer(mail).compile().build();
}
//# sourceMappingURL=mails.js.map