/**
 * Sending over SMTP with nodemailer: one transport per service, a connection per send (a few sends a day), settings
 * from MOFANG_SMTP_* (core/config.ts).
 */
import { createTransport } from 'nodemailer';
const address = (a) => (typeof a === 'string' ? a : a.address);
/** The domain of the sender's address, for Message-IDs: `Mofang <reports@example.com>` → example.com. */
export const senderDomain = (from) => /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'mofang.invalid';
export function smtpSender(opts) {
    const url = new URL(opts.url);
    const secure = url.protocol === 'smtps:';
    const user = opts.user ?? decodeURIComponent(url.username);
    const pass = opts.password ?? decodeURIComponent(url.password);
    const timeout = opts.timeoutMs ?? 30_000;
    const transportOptions = {
        host: url.hostname,
        port: url.port ? Number(url.port) : secure ? 465 : 587,
        secure,
        requireTLS: opts.tls === 'require',
        ignoreTLS: opts.tls === 'off',
        auth: user ? { user, pass } : undefined,
        tls: { rejectUnauthorized: opts.verifyCertificate ?? true },
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
    };
    const transport = createTransport(transportOptions);
    return {
        async send(mail) {
            const info = await transport.sendMail({
                from: opts.from,
                to: mail.to,
                subject: mail.subject,
                text: mail.text,
                messageId: mail.messageId,
                attachments: mail.attachments,
            });
            return { accepted: info.accepted.map(address), rejected: info.rejected.map(address) };
        },
        close: () => transport.close(),
    };
}
//# sourceMappingURL=smtp.js.map