/**
 * Sending over SMTP with nodemailer: one transport per service, a connection per send (a few sends a day), settings
 * from MOFANG_SMTP_* (core/config.ts).
 */
import { createTransport } from 'nodemailer'
import type SMTPTransport from 'nodemailer/lib/smtp-transport'
import type { ReportMail } from './mail.js'

export interface SmtpOptions {
  /**
   * `smtp://host[:port]` (STARTTLS when offered; port 587 by default) or `smtps://host[:port]` (TLS from the first
   * byte; 465). User and password may sit in the URL.
   */
  url: string
  /** Sign-in, when not in the URL. */
  user?: string
  password?: string
  /** The sender, `reports@example.com` or `Mofang <reports@example.com>`. */
  from: string
  /**
   * auto: STARTTLS when the server offers it; require: refuse to send in the clear; off: never STARTTLS (a local
   * relay). Default auto.
   */
  tls?: 'auto' | 'require' | 'off'
  /** Check the server's certificate. Default true; false for a relay with a self-signed one. */
  verifyCertificate?: boolean
  /** Give up on a connection, greeting or silent socket after this many ms. Default 30 000. */
  timeoutMs?: number
}

export interface SendResult {
  accepted: string[]
  rejected: string[]
}

export type SendMail = (mail: ReportMail) => Promise<SendResult>

export interface SmtpSender {
  send: SendMail
  close(): void
}

const address = (a: string | { address: string }): string => (typeof a === 'string' ? a : a.address)

/** The domain of the sender's address, for Message-IDs: `Mofang <reports@example.com>` → example.com. */
export const senderDomain = (from: string): string => /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'mofang.invalid'

export function smtpSender(opts: SmtpOptions): SmtpSender {
  const url = new URL(opts.url)
  const secure = url.protocol === 'smtps:'
  const user = opts.user ?? decodeURIComponent(url.username)
  const pass = opts.password ?? decodeURIComponent(url.password)
  const timeout = opts.timeoutMs ?? 30_000
  const transportOptions: SMTPTransport.Options = {
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
  }
  const transport = createTransport(transportOptions)
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        attachments: mail.attachments,
      })
      return { accepted: info.accepted.map(address), rejected: info.rejected.map(address) }
    },
    close: () => transport.close(),
  }
}
