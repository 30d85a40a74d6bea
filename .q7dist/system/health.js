/**
 * GET /healthz (each component's state) and GET /metrics (Prometheus counters).
 *
 * Public: /healthz's status code (200 healthy, 503 degraded) and `{ status }`, for load balancers and liveness
 * probes. Behind a bearer token (the process's admin token, as in the lock file, or MOFANG_METRICS_TOKEN): the
 * components' details on /healthz (they name tenants, ports and paths), and /metrics. A wrong token is 401.
 */
import { bearerToken, HttpError, routes, sendJson } from '../kits/http/index.js';
import { sameSecret } from '../kits/auth/index.js';
const CHECK_TIMEOUT_MS = 2_000;
export function healthHandler(checks, metrics, access) {
    const tokens = [access.adminToken, access.metricsToken].filter((t) => Boolean(t));
    /** True with a right token, false without any; a wrong one is refused. */
    const trusted = (req, what) => {
        const given = bearerToken(req);
        if (given === undefined)
            return false;
        if (tokens.some((t) => sameSecret(given, t)))
            return true;
        throw new HttpError(401, 'unauthorized', `${what}: unknown token (use the admin token or MOFANG_METRICS_TOKEN)`);
    };
    return routes({
        'GET /healthz': async ({ req, res }) => {
            const details = trusted(req, 'GET /healthz');
            const results = await Promise.all(checks.map(async (c) => {
                try {
                    const timeout = new Promise((_, fail) => setTimeout(() => fail(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref());
                    return [c.name, await Promise.race([c.check(), timeout])];
                }
                catch (err) {
                    return [c.name, { ok: false, detail: { error: err.message } }];
                }
            }));
            const healthy = results.every(([, r]) => r.ok);
            const status = healthy ? 'ok' : 'degraded';
            sendJson(res, healthy ? 200 : 503, details ? { status, components: Object.fromEntries(results) } : { status }, {
                'cache-control': 'no-store',
            });
        },
        'GET /metrics': ({ req, res }) => {
            if (!trusted(req, 'GET /metrics'))
                throw new HttpError(401, 'unauthorized', 'GET /metrics needs a token: Authorization: Bearer <admin token or MOFANG_METRICS_TOKEN>');
            res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'cache-control': 'no-store' });
            res.end(metrics() + '\n');
        },
    });
}
//# sourceMappingURL=health.js.map