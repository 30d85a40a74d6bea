/**
 * The e-mail channel over HTTP: a mail relay posts each inbound mail to `/v1/channels/<tenant>/email`, as
 * Mailgun's raw-MIME route form (mailgun.ts) or as Mofang's signed `message/rfc822` contract (relay.ts); both are
 * checked with the tenant's `signing_key` and mapped by mime.ts (a thread is a ticket). A tenant whose mail sits in
 * a mailbox instead sets `imap`, and imap.ts polls it (the lead starts one poller per tenant that has it).
 */
import { Type } from '@sinclair/typebox';
import { ChannelRefusal, defineAdapter } from '../adapter.js';
import { isForm, mailgunMime, signMailgun } from './mailgun.js';
import { mapEmail } from './mime.js';
import { checkRelay, isRawMail } from './relay.js';
/** A mailbox to poll over IMAP (imap.ts). */
export const ImapCredentials = Type.Object({
    host: Type.String({ minLength: 1 }),
    /** Default 993 (IMAP over TLS). */
    port: Type.Integer({ minimum: 1, maximum: 65_535, default: 993 }),
    /** TLS from the first byte (993); false for a plain or STARTTLS port (143). Default true. */
    secure: Type.Boolean({ default: true }),
    user: Type.String({ minLength: 1 }),
    password: Type.String({ minLength: 1 }),
    mailbox: Type.String({ minLength: 1, default: 'INBOX' }),
    /** Seconds between polls. Default 60. */
    poll_s: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
}, { additionalProperties: false });
export const EmailCredentials = Type.Object({
    /** Mailgun's HTTP webhook signing key, or the secret the relay signs X-Mofang-Signature with. */
    signing_key: Type.String({ minLength: 16 }),
    imap: Type.Optional(ImapCredentials),
}, { additionalProperties: false });
export const emailAdapter = defineAdapter({
    platform: 'email',
    channel: 'email',
    identity: 'email',
    credentials: EmailCredentials,
    devCredentials: (random) => ({ signing_key: random(32) }),
    async handle(req, credentials, ctx) {
        if (req.method !== 'POST')
            throw new ChannelRefusal('malformed', 'mail relays POST each mail; there is no handshake');
        const contentType = req.headers['content-type'] ?? '';
        let raw;
        if (isForm(contentType))
            raw = await mailgunMime(req, credentials.signing_key, ctx.replay);
        else if (isRawMail(contentType)) {
            checkRelay(req, credentials.signing_key, ctx.replay);
            raw = req.body;
        }
        else
            throw new ChannelRefusal('unsupported_media_type', `expected a Mailgun form (multipart/form-data) or message/rfc822, got "${contentType}"`, 'content-type');
        return { kind: 'messages', messages: await mapEmail(raw, req.now) };
    },
    /** Mailgun's raw-MIME post: the relay a tenant is likeliest to have (relay.ts's signRelay signs the other one). */
    sign: (credentials, sample) => signMailgun(credentials.signing_key, sample),
});
//# sourceMappingURL=adapter.js.map