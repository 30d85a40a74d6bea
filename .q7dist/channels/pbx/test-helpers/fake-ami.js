/**
 * A stand-in Asterisk on a local port: the banner, the Login exchange as main/manager.c answers it (`Response:
 * Success` + `Message: Authentication accepted`, then FullyBooted; `Response: Error` + `Authentication failed` and
 * the connection closed), Ping and Logoff, then each connection's share of a recorded stream.
 */
import { createServer } from 'node:net';
import { AmiParser, amiAction } from '../ami-parser.js';
/** The blocks of a recorded stream (each ends with its blank line). */
export const blocksOf = (wire) => wire
    .split('\r\n\r\n')
    .filter((b) => b.trim() !== '')
    .map((b) => `${b}\r\n\r\n`);
export async function startFakeAmi(opts) {
    const actions = [];
    const sockets = new Set();
    const server = createServer((socket) => {
        const n = actions.length;
        const received = [];
        actions.push(received);
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => { });
        const parser = new AmiParser({ banner: false });
        socket.write('Asterisk Call Manager/9.0.0\r\n');
        socket.on('data', (chunk) => {
            for (const action of parser.push(chunk)) {
                received.push(action);
                const id = action.fields.ActionID ?? '';
                if (action.fields.Action === 'Login') {
                    if (action.fields.Username !== opts.username || action.fields.Secret !== opts.secret) {
                        socket.end(amiAction({ Response: 'Error', ActionID: id, Message: 'Authentication failed' }));
                        continue;
                    }
                    socket.write(amiAction({ Response: 'Success', ActionID: id, Message: 'Authentication accepted' }));
                    socket.write(amiAction({
                        Event: 'FullyBooted',
                        Privilege: 'system,all',
                        Uptime: '3600',
                        LastReload: '3600',
                        Status: 'Fully Booted',
                    }));
                    const { blocks, drop } = opts.session(n);
                    // Several blocks per write, cut mid-block: TCP gives no message boundaries.
                    const text = blocks.join('');
                    for (let at = 0; at < text.length; at += 1_000)
                        socket.write(text.slice(at, at + 1_000));
                    if (drop)
                        socket.end();
                }
                else if (action.fields.Action === 'Ping' && opts.answerPings !== false)
                    socket.write(amiAction({ Response: 'Success', ActionID: id, Ping: 'Pong', Timestamp: '0.000000' }));
                else if (action.fields.Action === 'Logoff')
                    socket.end(amiAction({ Response: 'Goodbye', ActionID: id, Message: 'Thanks for all the fish.' }));
            }
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string')
        throw new Error('the fake AMI server has no port');
    return {
        port: address.port,
        actions,
        close: () => new Promise((resolve) => {
            for (const s of sockets)
                s.destroy();
            server.close(() => resolve());
        }),
    };
}
//# sourceMappingURL=fake-ami.js.map