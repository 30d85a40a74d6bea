/**
 * A real IMAP server in the test process: hoodiecrow-imap (by imapflow's author), an IMAP4rev1 server over
 * node:net that keeps its mailboxes in memory, so the poller is tested against the protocol, not a mock of the
 * client. Plain TCP on 127.0.0.1 (the poller's `secure: false`).
 */
import { createRequire } from 'node:module';
const hoodiecrow = createRequire(import.meta.url)('hoodiecrow-imap');
export const IMAP_USER = 'support@acme.example';
export const IMAP_PASSWORD = 'imap-password-1';
/** Starts a server whose INBOX holds `inbox`, for IMAP_USER / IMAP_PASSWORD. */
export async function startImapServer(inbox) {
    const server = hoodiecrow({
        plugins: ['ID', 'ENABLE', 'UIDPLUS', 'NAMESPACE', 'IDLE'],
        users: { [IMAP_USER]: { password: IMAP_PASSWORD } },
        storage: { INBOX: { messages: inbox }, '': {} },
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
        port: server.server.address().port,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
//# sourceMappingURL=imap-server.js.map