import { ImapFlow } from 'imapflow';
import { ChannelRefusal } from '../adapter.js';
import { mapEmail } from './mime.js';
const SEEN = '\\Seen';
export function startImapPoller(opts) {
    const { credentials: imap, deliver, state, log } = opts;
    const maxBytes = opts.maxBytes ?? 32 * 2 ** 20;
    const where = `imap ${imap.user}@${imap.host}:${imap.port}/${imap.mailbox}`;
    const cursorKey = `imap-cursor:${imap.user}@${imap.host}:${imap.port}/${imap.mailbox}`;
    let stopped = false;
    let timer;
    let polling = Promise.resolve();
    async function newUids(client, cursor) {
        // `n:*` always matches the highest UID, even below n: hence the filter.
        const found = cursor
            ? await client.search({ uid: `${cursor.uid + 1}:*` }, { uid: true })
            : await client.search({ seen: false }, { uid: true });
        return (found || []).filter((uid) => !cursor || uid > cursor.uid).sort((a, b) => a - b);
    }
    /** Maps one mail; a mail that cannot be mapped (no sender, too large) is logged and passed over. */
    async function mapped(client, uid) {
        const meta = await client.fetchOne(String(uid), { size: true }, { uid: true });
        if (meta && meta.size !== undefined && meta.size > maxBytes) {
            log(`${where}: UID ${uid} skipped: ${meta.size} bytes is over ${maxBytes}`);
            return [];
        }
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source)
            throw new Error(`UID ${uid} vanished while it was read`);
        try {
            return await mapEmail(message.source, Date.now());
        }
        catch (err) {
            if (!(err instanceof ChannelRefusal))
                throw err;
            log(`${where}: UID ${uid} skipped: ${err.message}`);
            return [];
        }
    }
    async function pollOnce() {
        const client = new ImapFlow({
            host: imap.host,
            port: imap.port,
            secure: imap.secure,
            auth: { user: imap.user, pass: imap.password },
            logger: false,
            // One short session per poll: no IDLE to keep alive between polls.
            disableAutoIdle: true,
            connectionTimeout: 30_000,
        });
        // A dropped connection surfaces as the pending command's rejection; this keeps the emitter from throwing.
        client.on('error', () => undefined);
        await client.connect();
        try {
            const lock = await client.getMailboxLock(imap.mailbox);
            try {
                const box = client.mailbox;
                if (!box)
                    throw new Error('the mailbox did not open');
                const validity = String(box.uidValidity);
                const saved = await state.get(cursorKey);
                const cursor = saved ? JSON.parse(saved) : undefined;
                const uids = await newUids(client, cursor?.validity === validity ? cursor : undefined);
                for (const uid of uids) {
                    if (stopped)
                        break;
                    const messages = await mapped(client, uid);
                    if (messages.length)
                        await deliver(messages);
                    await client.messageFlagsAdd(String(uid), [SEEN], { uid: true });
                    await state.put(cursorKey, JSON.stringify({ validity, uid }));
                }
            }
            finally {
                lock.release();
            }
        }
        finally {
            await client.logout().catch(() => client.close());
        }
    }
    const loop = () => {
        polling = pollOnce()
            .catch((err) => log(`${where}: poll failed, retried in ${imap.poll_s} s: ${err.message}`))
            .then(() => {
            if (!stopped)
                timer = setTimeout(loop, imap.poll_s * 1000);
        });
    };
    loop();
    return {
        async stop() {
            stopped = true;
            clearTimeout(timer);
            await polling;
        },
    };
}
//# sourceMappingURL=imap.js.map