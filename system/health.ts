/**
 * GET /healthz (each component's state) and GET /metrics (Prometheus counters).
 *
 * Public: /healthz's status code (200 healthy, 503 degraded) and `{ status }`, for load balancers and liveness
 * probes. Behind a bearer token (the process's admin token, as in the lock file, or MOFANG_METRICS_TOKEN): the
 * components' details on /healthz (they name tenants, ports and paths), and /metrics. A wrong token is 401.
 */
import { bearerToken, HttpError, routes, sendJson } from '../kits/http/index.js'
import { sameSecret } from '../kits/auth/index.js'
import type { Handler, HealthCheck } from '../core/index.js'
import type { StreamBacklog } from '../ingest/index.js'

const CHECK_TIMEOUT_MS = 2_000

export interface HealthAccess {
  /** The process's admin token. */
  adminToken: string
  /** MOFANG_METRICS_TOKEN, for monitoring that should not hold the admin token. */
  metricsToken?: string
}

export function healthHandler(checks: HealthCheck[], metrics: () => string, access: HealthAccess): Handler {
  const tokens = [access.adminToken, access.metricsToken].filter((t): t is string => Boolean(t))
  /** True with a right token, false without any; a wrong one is refused. */
  const trusted = (req: Parameters<Handler>[0], what: string): boolean => {
    const given = bearerToken(req)
    if (given === undefined) return false
    if (tokens.some((t) => sameSecret(given, t))) return true
    throw new HttpError(401, 'unauthorized', `${what}: unknown token (use the admin token or MOFANG_METRICS_TOKEN)`)
  }
  return routes({
    'GET /healthz': async ({ req, res }) => {
      const details = trusted(req, 'GET /healthz')
      const results = await Promise.all(
        checks.map(async (c) => {
          try {
            const timeout = new Promise<never>((_, fail) =>
              setTimeout(() => fail(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref(),
            )
            return [c.name, await Promise.race([c.check(), timeout])] as const
          } catch (err) {
            return [c.name, { ok: false, detail: { error: (err as Error).message } }] as const
          }
        }),
      )
      const healthy = results.every(([, r]) => r.ok)
      const status = healthy ? 'ok' : 'degraded'
      sendJson(res, healthy ? 200 : 503, details ? { status, components: Object.fromEntries(results) } : { status }, {
        'cache-control': 'no-store',
      })
    },
    'GET /metrics': ({ req, res }) => {
      if (!trusted(req, 'GET /metrics'))
        throw new HttpError(
          401,
          'unauthorized',
          'GET /metrics needs a token: Authorization: Bearer <admin token or MOFANG_METRICS_TOKEN>',
        )
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'cache-control': 'no-store' })
      res.end(metrics() + '\n')
    },
  })
}

/**
 * The event stream's fill and each durable consumer's lag, for the jetstream component of /healthz: what ingest's
 * backpressure (ingest/admission-backlog.ts) decides on. `oldest_pending_s` is the age of the first message a
 * consumer has not acknowledged (for a consumer with a filter, an upper bound: the message there may be another
 * subject's).
 */
export function consumerLagDetail(b: StreamBacklog) {
  return {
    messages: b.messages,
    bytes: b.bytes,
    max_bytes: b.maxBytes,
    consumers: Object.fromEntries(
      b.consumers.map((c) => [
        c.name,
        {
          pending: c.pending,
          ack_pending: c.ackPending,
          ...(c.oldestAgeMs !== undefined ? { oldest_pending_s: Math.round(c.oldestAgeMs / 1000) } : {}),
        },
      ]),
    ),
  }
}
