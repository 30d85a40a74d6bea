/**
 * Serves the built app with a demo day, for a look in a browser or a screenshot:
 *   npx tsx web/server/test-helpers/serve-demo.ts [port]
 * then open http://127.0.0.1:<port>/?token=demo-wall
 */
import { createServer } from 'node:http'
import { createLiveMetrics } from '../../../live-metrics/engine.js'
import { dayStartOf } from '../../../live-metrics/clock.js'
import { createWallboardHandler } from '../handler.js'
import type { UserAccount } from '../../../kits/auth/index.js'
import type { WallStore } from '../wall-store.js'
import { demoDay } from './demo-day.js'

export interface DemoServerOptions {
  /** The demo day runs up to here, ms. Default now. */
  now?: number
  users?: Map<string, UserAccount>
  /** A store for /api/walls (saved walls); without one the demo has URL-configured walls only. */
  walls?: WallStore
  /**
   * The centre's time zone. Default Asia/Shanghai; a test passes testing/env.ts lateMorningZone() so its day is busy
   * whatever the hour it runs.
   */
  timeZone?: string
}

export function demoServer(staticDir: string, opts: DemoServerOptions = {}) {
  const { now = Date.now(), users = new Map<string, UserAccount>(), walls, timeZone = 'Asia/Shanghai' } = opts
  const engine = createLiveMetrics({ timeZone })
  const dayStart = dayStartOf(now, timeZone)
  engine.rebuild(demoDay(now, dayStart))
  engine.raiseAlert({
    tenant: 'demo',
    id: 'sl-repair',
    severity: 'warning',
    text: 'repair 队列服务水平低于目标 / SL below target',
    ts: now - 120_000,
    source: 'rules',
  })
  engine.applyQa({
    tenant: 'demo',
    interaction_id: 'x1',
    ts: now - 60_000,
    score: 86,
    flagged: false,
    sentiment: 0.4,
    queue: 'repair',
  })
  engine.applyQa({
    tenant: 'demo',
    interaction_id: 'x2',
    ts: now - 30_000,
    score: 71,
    flagged: true,
    sentiment: -0.2,
    queue: 'billing',
  })
  // Frozen at `now`, so a screenshot is reproducible; the clock on screen still runs.
  const handler = createWallboardHandler({
    getSnapshot: (tenant) => ({ ...engine.snapshot(tenant, now), as_of: Date.now() }),
    subscribe: () => () => {},
    getHistory: async () => [],
    walls,
    auth: { displayTokens: new Map([['demo-wall', 'demo']]), users },
    heartbeatMs: 500,
    staticDir,
  })
  const server = createServer(async (req, res) => {
    if (!(await handler(req, res))) {
      res.writeHead(404)
      res.end()
    }
  })
  return { server, handler, engine }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { server } = demoServer('dist/web-app')
  server.listen(Number(process.argv[2] ?? 8099), '127.0.0.1', () =>
    console.log(`http://127.0.0.1:${Number(process.argv[2] ?? 8099)}/?token=demo-wall`),
  )
}
