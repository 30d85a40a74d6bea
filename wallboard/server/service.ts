/**
 * The wallboard service: serves the app and its API from the snapshots the live
 * metrics service publishes on NATS (so a wallboard server can run anywhere on
 * the cluster), and today's/past intervals from ClickHouse.
 *
 * Access: display tokens (read-only walls) and supervisor accounts come from
 * MOFANG_DISPLAY_TOKENS / MOFANG_SUPERVISORS; without them a dev token and a dev
 * supervisor are made once and kept in the data directory, and printed at start.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Service, ServiceContext, ServiceFactory } from '../../core/service.js'
import { rootDir } from '../../core/compiled.js'
import { ConfigError } from '../../core/errors.js'
import { createLiveMetrics } from '../../stream/live-metrics/engine.js'
import { localMidnight } from '../../stream/live-metrics/clock.js'
import { DEFAULT_SL_CHAT, DEFAULT_SL_VOICE } from '../../stream/live-metrics/options.js'
import type { HistoryInterval, Snapshot } from '../../stream/live-metrics/types.js'
import { createWallboardHandler } from './handler.js'
import { hashPassword, type SupervisorAccount, type WallboardAuth } from './auth.js'
import { loadQuery } from '../../warehouse/queries.js'

interface DevAccess {
  displayToken: string
  supervisor: string
  password: string
  sessionSecret: string
}

/** Dev credentials, created once per data directory so URLs keep working across restarts. */
function devAccess(dataDir: string): DevAccess {
  const path = join(resolve(dataDir), 'dev-wallboard.json')
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as DevAccess
  const access = { displayToken: `wall_${randomBytes(12).toString('hex')}`, supervisor: 'admin', password: randomBytes(6).toString('hex'), sessionSecret: randomBytes(32).toString('hex') }
  writeFileSync(path, JSON.stringify(access, null, 2), { mode: 0o600 })
  return access
}

/** `tenant:token,…` and `user:tenant:scrypt-hash,…` (hash from `mofang wallboard hash-password`). */
function parseAuth(displayTokens: string | undefined, supervisors: string | undefined): WallboardAuth {
  const tokens = new Map<string, string>()
  for (const pair of (displayTokens ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [tenant, token] = pair.split(':')
    if (!tenant || !token || token.length < 16) throw new ConfigError('MOFANG_DISPLAY_TOKENS', `expected tenant:token with a token of 16+ characters, got "${pair}"`)
    tokens.set(token, tenant)
  }
  const accounts = new Map<string, SupervisorAccount>()
  for (const entry of (supervisors ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [user, tenant, ...hash] = entry.split(':')
    if (!user || !tenant || hash.length === 0) throw new ConfigError('MOFANG_SUPERVISORS', `expected user:tenant:hash, got "${entry}"`)
    accounts.set(user, { passwordHash: hash.join(':'), tenant, roles: ['supervisor', 'qa', 'planner'] })
  }
  return { displayTokens: tokens, supervisors: accounts }
}

export function wallboardService(): ServiceFactory {
  return async (ctx: ServiceContext): Promise<Service> => {
    const { nats, topology, warehouse, config } = ctx
    const dev = config.displayTokens || config.supervisors ? undefined : devAccess(config.dataDir)
    const auth = dev
      ? { displayTokens: new Map([[dev.displayToken, 'demo']]), supervisors: new Map([[dev.supervisor, { passwordHash: await hashPassword(dev.password), tenant: 'demo', roles: ['supervisor', 'qa', 'planner'] }]]) }
      : parseAuth(config.displayTokens, config.supervisors)

    const latest = new Map<string, Snapshot>()
    const listeners = new Map<string, Set<() => void>>()
    const empty = createLiveMetrics()
    const decoder = new TextDecoder()
    const sub = nats.nc.subscribe(`${topology.liveSubject}.*`, {
      callback: (_err, msg) => {
        if (!msg) return
        const snap = JSON.parse(decoder.decode(msg.data)) as Snapshot
        latest.set(snap.tenant, snap)
        listeners.get(snap.tenant)?.forEach((fn) => fn())
      },
    })
    const metricsSql = loadQuery('contact_metrics')
    const sl = { voice_sl_s: DEFAULT_SL_VOICE.seconds, chat_sl_s: DEFAULT_SL_CHAT.seconds, short_abandon_ms: 5000 }
    /** The day's 15-minute tenant rows, by the live engine's definitions (same query as the SQL cross-check). */
    const history = async (tenant: string, date: string): Promise<HistoryInterval[]> => {
      const from = localMidnight(date, config.timeZone)
      const to = localMidnight(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), config.timeZone)
      const rows = await warehouse.query<HistoryInterval & { start_ms: number; dimension: string }>(metricsSql, {
        tenant, from_ms: from, to_ms: to, tz: config.timeZone, step_minutes: 15, ...sl,
      })
      return rows.filter((r) => r.dimension === 'all').map((r) => ({ t: r.start_ms, offered: r.offered, answered: r.answered, abandoned: r.abandoned, sl_pct: r.sl_pct }))
    }

    const handler = createWallboardHandler({
      getSnapshot: (tenant) => latest.get(tenant) ?? empty.snapshot(tenant, Date.now()),
      subscribe(tenant, onChange) {
        const set = listeners.get(tenant) ?? new Set()
        listeners.set(tenant, set.add(onChange))
        return () => set.delete(onChange)
      },
      getHistory: history,
      auth,
      staticDir: join(rootDir(), 'dist', 'wallboard-app'),
      sessionSecret: config.sessionSecret ?? dev?.sessionSecret,
      onError: (err) => ctx.log(`wallboard: ${(err as Error).message}`),
    })
    const base = ctx.url
    return {
      name: 'wallboard',
      handlers: [handler],
      banner: dev
        ? [`wallboard (display):  ${base}/?token=${dev.displayToken}`, `supervisor sign-in:   ${base}/  user ${dev.supervisor}  password ${dev.password}`]
        : [`wallboard:            ${base}/`],
      health: async () => ({ ok: true, detail: { tenants_live: latest.size, live_connections: handler.liveConnections } }),
      beforeClose: () => handler.close(),
      async stop() {
        sub.unsubscribe()
      },
    }
  }
}
