/**
 * The e-mail channel from a mailbox: polls a tenant's IMAP mailbox (imapflow) every `poll_s` and hands each new
 * mail, mapped by mime.ts like a relayed one, to `deliver`. A mail is flagged \Seen, and its UID kept as the
 * cursor, only after `deliver` resolved: a crash or a failed delivery reads it again on the next poll, and ingest's
 * dedup on the message ids absorbs what had got through.
 *
 * Which mails are new: the first poll of a mailbox (or after its UIDVALIDITY changed, i.e. the server renumbered
 * it) takes the UNSEEN ones, so connecting a mailbox with years of read mail does not replay them; from then on,
 * every UID above the cursor, whether or not someone read it in a mail client meanwhile.
 */
import type { Static } from '@sinclair/typebox'
import { ImapFlow } from 'imapflow'
import { ChannelRefusal, type AdapterContext, type InboundMessage } from '../adapter.js'
import type { ImapCredentials } from './adapter.js'
import { mapEmail } from './mime.js'

export interface ImapPollerOptions {
  /** The tenant's `email.imap` credentials (defaults filled by the schema: port 993, TLS, INBOX, 60 s). */
  credentials: Static<typeof ImapCredentials>
  /** Stores one mail's events (the endpoint's publish path); a rejection leaves the mail for the next poll. */
  deliver(messages: InboundMessage[]): Promise<void>
  /** Durable values (the UID cursor), per tenant: the endpoint's NATS KV state, as adapters get it. */
  state: AdapterContext['state']
  log: (msg: string) => void
  /** Larger mails are skipped (flagged \Seen, logged), bytes. Default 32 MiB, MOFANG_CHANNEL_MAX_BODY_BYTES's. */
  maxBytes?: number
}

export interface ImapPoller {
  /** Ends the poll loop after the mail in hand; resolves once the connection is closed. */
  stop(): Promise<void>
}

/** Where the poll stands in a mailbox: its UIDVALIDITY and the highest UID delivered. */
interface Cursor {
  validity: string
  uid: number
}

const SEEN = '\\Seen'

export function startImapPoller(opts: ImapPollerOptions): ImapPoller {
  const { credentials: imap, deliver, state, log } = opts
  const maxBytes = opts.maxBytes ?? 32 * 2 ** 20
  const where = `imap ${imap.user}@${imap.host}:${imap.port}/${imap.mailbox}`
  const cursorKey = `imap-cursor:${imap.user}@${imap.host}:${imap.port}/${imap.mailbox}`
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let polling: Promise<void> = Promise.resolve()

  async function newUids(client: ImapFlow, cursor: Cursor | undefined): Promise<number[]> {
    // `n:*` always matches the highest UID, even below n: hence the filter.
    const found = cursor
      ? await client.search({ uid: `${cursor.uid + 1}:*` }, { uid: true })
      : await client.search({ seen: false }, { uid: true })
    return (found || []).filter((uid) => !cursor || uid > cursor.uid).sort((a, b) => a - b)
  }

  /** Maps one mail; a mail that cannot be mapped (no sender, too large) is logged and passed over. */
  async function mapped(client: ImapFlow, uid: number): Promise<InboundMessage[]> {
    const meta = await client.fetchOne(String(uid), { size: true }, { uid: true })
    if (meta && meta.size !== undefined && meta.size > maxBytes) {
      log(`${where}: UID ${uid} skipped: ${meta.size} bytes is over ${maxBytes}`)
      return []
    }
    const message = await client.fetchOne(String(uid), { source: true }, { uid: true })
    if (!message || !message.source) throw new Error(`UID ${uid} vanished while it was read`)
    try {
      return await mapEmail(message.source, Date.now())
    } catch (err) {
      if (!(err instanceof ChannelRefusal)) throw err
      log(`${where}: UID ${uid} skipped: ${err.message}`)
      return []
    }
  }

  async function pollOnce(): Promise<void> {
    const client = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: imap.secure,
      auth: { user: imap.user, pass: imap.password },
      logger: false,
      // One short session per poll: no IDLE to keep alive between polls.
      disableAutoIdle: true,
      connectionTimeout: 30_000,
    })
    // A dropped connection surfaces as the pending command's rejection; this keeps the emitter from throwing.
    client.on('error', () => undefined)
    await client.connect()
    try {
      const lock = await client.getMailboxLock(imap.mailbox)
      try {
        const box = client.mailbox
        if (!box) throw new Error('the mailbox did not open')
        const validity = String(box.uidValidity)
        const saved = await state.get(cursorKey)
        const cursor = saved ? (JSON.parse(saved) as Cursor) : undefined
        const uids = await newUids(client, cursor?.validity === validity ? cursor : undefined)
        for (const uid of uids) {
          if (stopped) break
          const messages = await mapped(client, uid)
          if (messages.length) await deliver(messages)
          await client.messageFlagsAdd(String(uid), [SEEN], { uid: true })
          await state.put(cursorKey, JSON.stringify({ validity, uid } satisfies Cursor))
        }
      } finally {
        lock.release()
      }
    } finally {
      await client.logout().catch(() => client.close())
    }
  }

  const loop = () => {
    polling = pollOnce()
      .catch((err: Error) => log(`${where}: poll failed, retried in ${imap.poll_s} s: ${err.message}`))
      .then(() => {
        if (!stopped) timer = setTimeout(loop, imap.poll_s * 1000)
      })
  }
  loop()

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await polling
    },
  }
}
