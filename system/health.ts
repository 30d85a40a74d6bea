/** GET /healthz (each component's state) and GET /metrics (Prometheus counters). */
import { routes, sendJson } from '../kits/http/index.js'
import type { Handler, HealthCheck } from '../core/index.js'

const CHECK_TIMEOUT_MS = 2_000

export function healthHandler(checks: HealthCheck[], metrics: () => string): Handler {
  return routes({
    'GET /healthz': async ({ res }) => {
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
      const components = Object.fromEntries(results)
      const healthy = results.every(([, r]) => r.ok)
      sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'degraded', components })
    },
    'GET /metrics': ({ res }) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
      res.end(metrics() + '\n')
    },
  })
}
