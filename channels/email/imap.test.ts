/**
 * The IMAP poller end to end against a real IMAP server in the process (hoodiecrow-imap, test-helpers/imap-server.ts):
 * imapflow logs in, searches, fetches and flags over the protocol, and the test reads the mailbox back with its own
 * imapflow client.
 */
import { ImapFlow } from 'imapflow'
import { afterEach, describe, expect, it } from 'vitest'
import { eventually } from '../../testing/env.js'
import type { InboundMessage } from '../adapter.js'
import { startImapPoller, type ImapPoller, type ImapPollerOptions } from './imap.js'
import { IMAP_PASSWORD, IMAP_USER, startImapServer, type TestImapServer } from './test-helpers/imap-server.js'
import { RFC5322_MESSAGE, RFC5322_REPLY, RFC5322_REPLY_TO_REPLY, WITHOUT_MESSAGE_ID } from './test-helpers/mails.js'

const raw = (mail: Buffer) => mail.toString('latin1')
const OLD_READ_MAIL = raw(WITHOUT_MESSAGE_ID)

let server: TestImapServer | undefined
let poller: ImapPoller | undefined
afterEach(async () => {
  await poller?.stop()
  await server?.close()
  poller = server = undefined
})

function memoryState() {
  const kept = new Map<string, string>()
  return { kept, get: async (k: string) => kept.get(k), put: async (k: string, v: string) => void kept.set(k, v) }
}

function start(port: number, overrides: Partial<ImapPollerOptions> = {}) {
  const delivered: InboundMessage[][] = []
  const logs: string[] = []
  const state = memoryState()
  poller = startImapPoller({
    credentials: {
      host: '127.0.0.1',
      port,
      secure: false,
      user: IMAP_USER,
      password: IMAP_PASSWORD,
      mailbox: 'INBOX',
      poll_s: 0.2,
    },
    deliver: async (messages) => void delivered.push(messages),
    state,
    log: (msg) => logs.push(msg),
    ...overrides,
  })
  return { delivered, logs, state }
}

/** The test's own look into the mailbox. */
async function mailbox<T>(port: number, use: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port,
    secure: false,
    auth: { user: IMAP_USER, pass: IMAP_PASSWORD },
    logger: false,
  })
  await client.connect()
  try {
    await client.mailboxOpen('INBOX')
    return await use(client)
  } finally {
    await client.logout()
  }
}
const unseen = (port: number) => mailbox(port, async (c) => (await c.search({ seen: false }, { uid: true })) || [])

describe('startImapPoller', () => {
  it('delivers the unread mails, flags them \\Seen after delivery, then takes every new UID', async () => {
    server = await startImapServer([
      { raw: raw(RFC5322_MESSAGE) },
      { raw: OLD_READ_MAIL, flags: ['\\Seen'] },
      { raw: raw(RFC5322_REPLY) },
    ])
    const { port } = server
    const { delivered, state } = start(port)
    await eventually(async () => delivered.length === 2, { what: 'two mails delivered' })
    expect(delivered.map((batch) => batch.map((m) => m.messageId))).toEqual([
      ['1234@local.machine.example#created', '1234@local.machine.example#comment'],
      ['3456@example.net#comment'],
    ])
    expect(delivered[1][0].conversation).toEqual({ kind: 'thread', id: '1234@local.machine.example' })
    await eventually(async () => (await unseen(port)).length === 0, { what: 'mails flagged \\Seen' })
    expect(JSON.parse([...state.kept.values()][0])).toMatchObject({ uid: 3 })

    // Read in a mail client before the next poll: the UID cursor still takes it.
    await mailbox(port, (c) => c.append('INBOX', RFC5322_REPLY_TO_REPLY, ['\\Seen']))
    await eventually(async () => delivered.length === 3, { what: 'the appended mail' })
    expect(delivered[2].map((m) => m.messageId)).toEqual(['abcd.1234@local.machine.tld#comment'])
  })

  it('leaves a mail unread when delivery fails, and delivers it on a later poll', async () => {
    server = await startImapServer([{ raw: raw(RFC5322_MESSAGE) }])
    const { port } = server
    let attempts = 0
    const stored: InboundMessage[][] = []
    const { logs } = start(port, {
      deliver: async (messages) => {
        if (++attempts === 1) throw new Error('NATS is down')
        stored.push(messages)
      },
    })
    await eventually(async () => logs.some((l) => l.includes('NATS is down')), { what: 'the failed delivery' })
    await eventually(async () => stored.length === 1, { what: 'the retried delivery' })
    expect(attempts).toBe(2)
    await eventually(async () => (await unseen(port)).length === 0, { what: 'flagged after delivery' })
  })

  it('skips and flags a mail that cannot be mapped or is too large, and goes on', async () => {
    const big = `From: big@customer.example\r\nSubject: big\r\n\r\n${'x'.repeat(5000)}\r\n`
    server = await startImapServer([{ raw: 'not a mail at all' }, { raw: big }, { raw: raw(RFC5322_MESSAGE) }])
    const { port } = server
    const { delivered, logs } = start(port, { maxBytes: 4000 })
    await eventually(async () => delivered.length === 1, { what: 'the good mail' })
    expect(delivered[0][0].messageId).toBe('1234@local.machine.example#created')
    expect(logs.filter((l) => l.includes('skipped'))).toEqual([
      expect.stringMatching(/UID 1 skipped: the mail has no usable From address/),
      expect.stringMatching(/UID 2 skipped: \d+ bytes is over 4000/),
    ])
    await eventually(async () => (await unseen(port)).length === 0, { what: 'all flagged' })
  })

  it('logs a failed login without the password, and stop() ends the loop', async () => {
    server = await startImapServer([{ raw: raw(RFC5322_MESSAGE) }])
    const { delivered, logs } = start(server.port, {
      credentials: {
        host: '127.0.0.1',
        port: server.port,
        secure: false,
        user: IMAP_USER,
        password: 'wrong-password',
        mailbox: 'INBOX',
        poll_s: 0.2,
      },
    })
    await eventually(async () => logs.length > 0, { what: 'a logged failure' })
    expect(logs[0]).toMatch(/^imap support@acme\.example@127\.0\.0\.1:\d+\/INBOX: poll failed/)
    expect(logs.join('\n')).not.toContain('wrong-password')
    await poller!.stop()
    const after = logs.length
    await new Promise((r) => setTimeout(r, 600))
    expect(logs.length).toBe(after)
    expect(delivered).toEqual([])
  })
})
