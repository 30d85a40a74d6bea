/**
 * A real IMAP server in the test process: hoodiecrow-imap (by imapflow's author), an IMAP4rev1 server over
 * node:net that keeps its mailboxes in memory, so the poller is tested against the protocol, not a mock of the
 * client. Plain TCP on 127.0.0.1 (the poller's `secure: false`).
 */
import { createRequire } from 'node:module'
import type { AddressInfo, Server } from 'node:net'

/** A message as hoodiecrow stores it. */
export interface StoredMail {
  raw: string
  flags?: string[]
}

interface Hoodiecrow {
  server: Server
  listen(port: number, host: string, done: () => void): void
  close(done: () => void): void
}
type HoodiecrowFactory = (options: {
  plugins?: string[]
  users?: Record<string, { password: string }>
  storage?: Record<string, { messages?: StoredMail[] }>
}) => Hoodiecrow
const hoodiecrow = createRequire(import.meta.url)('hoodiecrow-imap') as HoodiecrowFactory

export const IMAP_USER = 'support@acme.example'
export const IMAP_PASSWORD = 'imap-password-1'

export interface TestImapServer {
  port: number
  close(): Promise<void>
}

/** Starts a server whose INBOX holds `inbox`, for IMAP_USER / IMAP_PASSWORD. */
export async function startImapServer(inbox: StoredMail[]): Promise<TestImapServer> {
  const server = hoodiecrow({
    plugins: ['ID', 'ENABLE', 'UIDPLUS', 'NAMESPACE', 'IDLE'],
    users: { [IMAP_USER]: { password: IMAP_PASSWORD } },
    storage: { INBOX: { messages: inbox }, '': {} },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
