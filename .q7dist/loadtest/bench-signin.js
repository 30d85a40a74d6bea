/**
 * Sign-in flood benchmark (issue 18, finding 2): how slow does the app's index.html get while sign-ins flood in?
 *
 * Each scenario starts its own server process (the wallboard handler on the process's HTTP server, the production
 * scrypt cost, the built app's index.html or a stand-in) and, from this process, offers `--rate` wrong sign-ins a
 * second on a schedule (open loop) for `--seconds`, while /index.html is fetched every 50 ms (also on a schedule).
 *
 *   idle         no sign-ins: the probe alone
 *   one-address  the flood from one address (the per-address rate limit refuses it before hashing)
 *   many         every attempt from another address, through a trusted proxy (X-Forwarded-For): only the bound
 *                on password checks at once stands between the flood and the thread pool
 *   unguarded    `many` with every limit off: what the server did before (every attempt hashed at once)
 *
 * usage: npm run bench:signin -- [--seconds 15] [--rate 52] [--scenarios idle,one-address,many,unguarded]
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { rootDir } from '../core/index.js';
import { createHttpServer } from '../kits/http/index.js';
import { DEFAULT_SIGN_IN_LIMITS, hashPassword } from '../kits/auth/index.js';
import { createWallboardHandler } from '../web/server/index.js';
import { helpOnRequest, openLoop, percentile } from './bench-util.js';
const SCENARIOS = ['idle', 'one-address', 'many', 'unguarded'];
if (process.argv[2] === '--serve')
    await serve(process.argv[3]);
else
    await main();
/** The server side, in its own process so the load generator does not share its event loop. */
async function serve(scenario) {
    const built = join(rootDir(), 'dist', 'web-app');
    const standIn = existsSync(join(built, 'index.html')) ? undefined : mkdtempSync(join(tmpdir(), 'mofang-bench-'));
    if (standIn)
        writeFileSync(join(standIn, 'index.html'), `<!doctype html><title>wall</title>${' '.repeat(2000)}`);
    const staticDir = standIn ?? built;
    const off = Object.fromEntries(Object.keys(DEFAULT_SIGN_IN_LIMITS).map((k) => [k, Infinity]));
    const handler = createWallboardHandler({
        getSnapshot: (tenant) => ({ tenant }),
        subscribe: () => () => { },
        getHistory: async () => [],
        auth: {
            displayTokens: new Map(),
            users: new Map([
                ['lin', { passwordHash: await hashPassword('right-password'), tenant: 'acme', roles: ['supervisor'] }],
            ]),
        },
        staticDir,
        sessionSecret: 'bench-signin-secret-0123456789abcdef',
        trustedProxies: ['127.0.0.1'],
        ...(scenario === 'unguarded' && { signInLimits: off, maxLoginFailures: Infinity }),
        log: () => { },
        onError: () => { },
    });
    const server = createHttpServer([handler]);
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    process.send({ port: server.address().port, maxChecking: DEFAULT_SIGN_IN_LIMITS.maxChecking });
    process.on('message', () => {
        if (standIn)
            rmSync(standIn, { recursive: true, force: true });
        server.closeAllConnections();
        server.close(() => process.exit(0));
    });
}
async function main() {
    helpOnRequest('Usage: npm run bench:signin -- [--seconds 15] [--rate 52] [--scenarios idle,one-address,many,unguarded]\n\n' +
        'index.html latency (p50/p90/p99) while wrong sign-ins are offered at --rate a second.');
    const { values } = parseArgs({
        options: {
            seconds: { type: 'string', default: '15' },
            rate: { type: 'string', default: '52' },
            scenarios: { type: 'string', default: SCENARIOS.join(',') },
        },
    });
    const seconds = Number(values.seconds);
    const rate = Number(values.rate);
    const chosen = values.scenarios.split(',');
    console.log(`bench:signin: ${seconds} s per scenario, ${rate} wrong sign-ins/s offered, index.html every 50 ms`);
    console.log('scenario      index.html p50 / p90 / p99 / max (ms)   sign-in answers');
    for (const scenario of chosen) {
        if (!SCENARIOS.includes(scenario))
            throw new Error(`unknown scenario ${scenario}: use ${SCENARIOS.join(', ')}`);
        const r = await run(scenario, seconds, rate);
        const ms = (p) => Math.round(percentile(r.probes, p)).toString();
        const answers = Object.entries(r.answers)
            .map(([status, n]) => `${status}×${n}`)
            .join(' ');
        console.log(`${scenario.padEnd(13)} ${[ms(0.5), ms(0.9), ms(0.99), ms(1)].join(' / ').padEnd(37)} ${answers || '-'}` +
            ` (checks at once: ${scenario === 'unguarded' ? 'unbounded' : r.maxChecking})`);
    }
}
async function run(scenario, seconds, rate) {
    const child = fork(fileURLToPath(import.meta.url), ['--serve', scenario], { stdio: 'inherit' });
    const { port, maxChecking } = await new Promise((resolve, reject) => {
        child.once('message', (m) => resolve(m));
        child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const answers = {};
    const probes = [];
    // On a schedule too, so a stalled stretch is sampled as often as a quick one.
    const probe = openLoop({
        everyMs: 50,
        durationMs: seconds * 1000,
        maxInFlight: 10_000,
        send: async () => {
            const started = performance.now();
            const res = await fetch(`${base}/index.html`);
            await res.arrayBuffer();
            probes.push(performance.now() - started);
        },
    });
    const signIn = async (tick) => {
        const headers = { 'content-type': 'application/json' };
        if (scenario !== 'one-address')
            headers['x-forwarded-for'] = `10.${(tick >> 16) & 255}.${(tick >> 8) & 255}.${tick & 255}`;
        try {
            const res = await fetch(`${base}/api/login`, {
                method: 'POST',
                headers,
                body: JSON.stringify({ username: `user${tick % 1000}`, password: `guess-${tick}` }),
            });
            await res.arrayBuffer();
            answers[res.status] = (answers[res.status] ?? 0) + 1;
        }
        catch {
            answers.error = (answers.error ?? 0) + 1;
        }
    };
    if (scenario !== 'idle')
        await openLoop({ everyMs: 1000 / rate, durationMs: seconds * 1000, maxInFlight: 10_000, send: signIn });
    await probe;
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
    probes.sort((a, b) => a - b);
    return { probes, answers, maxChecking };
}
//# sourceMappingURL=bench-signin.js.map