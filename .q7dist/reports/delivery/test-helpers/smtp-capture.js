/**
 * A local SMTP server (smtp-server) that keeps every message it accepts, parsed (mailparser), for the delivery tests.
 * `refuse` makes it answer RCPT TO with an error, like a relay that will not take the mail.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
export async function startSmtpCapture(opts = {}) {
    const capture = { port: 0, messages: [], refuse: undefined, close: async () => { } };
    const server = new SMTPServer({
        // Plain SMTP on 127.0.0.1: the tests check the mail, not TLS.
        disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
        authOptional: !opts.auth,
        allowInsecureAuth: true,
        logger: false,
        onAuth(auth, _session, done) {
            if (auth.username === opts.auth?.user && auth.password === opts.auth?.password)
                return done(null, { user: auth.username });
            done(new Error('535 5.7.8 authentication failed'));
        },
        onRcptTo(_address, _session, done) {
            if (!capture.refuse)
                return done();
            const m = /^(\d{3}) (.*)$/.exec(capture.refuse);
            done(Object.assign(new Error(m?.[2] ?? capture.refuse), { responseCode: Number(m?.[1] ?? 550) }));
        },
        onData(stream, session, done) {
            simpleParser(stream).then((parsed) => {
                capture.messages.push({
                    parsed,
                    envelope: {
                        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                        to: session.envelope.rcptTo.map((r) => r.address),
                    },
                    user: session.user,
                });
                done();
            }, (err) => done(err));
        },
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    capture.port = server.server.address().port;
    capture.close = () => new Promise((resolve) => server.close(() => resolve()));
    return capture;
}
//# sourceMappingURL=smtp-capture.js.map