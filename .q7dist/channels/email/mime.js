/**
 * One e-mail (raw MIME, RFC 5322/2045) → Mofang ticket events, for the HTTP relay (adapter.ts) and the IMAP poller
 * (imap.ts) alike. A thread is a ticket: its id is the first Message-ID in References (the thread's root, RFC 5322
 * §3.6.4), else In-Reply-To, else the mail's own Message-ID. The first mail of a thread opens the ticket
 * (`ticket.created`) and is its first comment; a reply is a comment. Parsed with mailparser.
 */
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { MAX_ATTACHMENTS } from '../../core/index.js';
import { ChannelRefusal } from '../adapter.js';
import { withoutQuotedHistory } from './quoted.js';
/** The envelope's earliest accepted event time (2000-01-01): older Date headers are wrong clocks, not old mail. */
const EARLIEST_TS = 946_684_800_000;
/** The longest text, subject and customer name the event schema takes (core/events.ts). */
const MAX_TEXT = 16_000;
const MAX_SUBJECT = 512;
const MAX_NAME = 128;
const MAX_FILE_NAME = 256;
const PARSER_OPTIONS = {
    // Links to inline images stay `cid:` (no data: URLs built), no HTML built from text, no attachment checksums:
    // only the text, the headers and the attachments' bytes are used.
    keepCidLinks: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    checksumAlgo: false,
};
/** `<id@host>` → `id@host` (Message-IDs are compared without their angle brackets). */
const bare = (id) => id.trim().replace(/^<|>$/g, '').trim();
/** Message-IDs of a References or In-Reply-To header, in order. */
function messageIds(header) {
    const text = [header ?? []].flat().join(' ');
    const bracketed = text.match(/<[^<>\s]+>/g);
    return (bracketed ?? text.split(/\s+/)).map(bare).filter(Boolean);
}
const kindOf = (contentType) => {
    const top = contentType.split('/')[0].toLowerCase();
    return top === 'image' || top === 'audio' || top === 'video' ? top : 'file';
};
/** What a comment says when the customer wrote no words: `[image]`, `[file] invoice.pdf`… */
const placeholder = (a) => (a.kind === 'file' && a.name ? `[file] ${a.name}` : `[${a.kind}]`);
function attachmentOf(part) {
    return {
        kind: kindOf(part.contentType),
        name: part.filename ? part.filename.slice(0, MAX_FILE_NAME) : undefined,
        contentType: part.contentType,
        bytes: part.content,
    };
}
/**
 * RFC 3834: mail a program sent (out-of-office notices, auto-acknowledgements, bounces that declare it) is not the
 * customer writing; storing it would add noise to tickets and lets two auto-responders answer each other forever.
 */
const isAutoSubmitted = (mail) => {
    const value = mail.headers.get('auto-submitted');
    return typeof value === 'string' && value.trim().toLowerCase() !== 'no';
};
/** The sender, as the identity and display name the events carry. */
function senderOf(mail) {
    const from = mail.from?.value.find((a) => a.address);
    const email = from?.address?.trim().toLowerCase();
    if (!email || !email.includes('@') || email.length > 256)
        throw new ChannelRefusal('malformed', 'the mail has no usable From address', 'from');
    const name = from?.name?.trim().slice(0, MAX_NAME);
    return { email, name: name || undefined };
}
/**
 * Maps one raw mail to its events: `ticket.created` + `ticket.comment` for a thread's first mail, `ticket.comment`
 * for a reply, nothing for an automatic reply. `now` (ms) stands in for a missing or unusable Date header and caps a
 * future one. Throws ChannelRefusal('malformed') for bytes that are not a mail with a sender.
 */
export async function mapEmail(raw, now) {
    let mail;
    try {
        mail = await simpleParser(raw, PARSER_OPTIONS);
    }
    catch (err) {
        throw new ChannelRefusal('malformed', `not a MIME message: ${err.message}`);
    }
    const sender = senderOf(mail);
    if (isAutoSubmitted(mail))
        return [];
    // A mail without Message-ID still needs a stable id, so a relay's retry of the same bytes is absorbed.
    const ownId = (mail.messageId && bare(mail.messageId)) || `${createHash('sha256').update(raw).digest('hex')}@mofang`;
    const references = messageIds(mail.references);
    const inReplyTo = messageIds(mail.inReplyTo);
    const threadId = references[0] ?? inReplyTo[0] ?? ownId;
    const isReply = references.length > 0 || inReplyTo.length > 0;
    const date = mail.date?.getTime();
    const ts = date !== undefined && Number.isFinite(date) && date >= EARLIEST_TS ? Math.min(date, now) : now;
    // An event carries at most MAX_ATTACHMENTS files; the comment says how many more the mail had.
    const attachments = mail.attachments.slice(0, MAX_ATTACHMENTS).map(attachmentOf);
    const dropped = mail.attachments.length - attachments.length;
    const words = withoutQuotedHistory(mail.text ?? '') || attachments.map(placeholder).join(' ') || '[no text]';
    const text = (dropped > 0 ? `${words}\n[${dropped} more attachments not kept]` : words).slice(0, MAX_TEXT);
    const envelope = {
        channel: 'email',
        ts,
        customer: { email: sender.email },
        ...(sender.name ? { customer_name: sender.name } : {}),
    };
    const conversation = { kind: 'thread', id: threadId };
    const comment = {
        messageId: `${ownId}#comment`,
        conversation,
        event: { ...envelope, type: 'ticket.comment', payload: { role: 'customer', text, public: true } },
        ...(attachments.length ? { attachments } : {}),
    };
    if (isReply)
        return [comment];
    const subject = mail.subject?.trim().slice(0, MAX_SUBJECT) || '(no subject)';
    const created = {
        messageId: `${ownId}#created`,
        conversation,
        event: { ...envelope, type: 'ticket.created', payload: { subject, priority: 'normal' } },
    };
    return [created, comment];
}
//# sourceMappingURL=mime.js.map