/**
 * The wallboard service: serves the app and its API from the snapshots the live
 * metrics service publishes on NATS (so a wallboard server can run anywhere on
 * the cluster), and today's/past intervals from ClickHouse.
 *
 * Access (kits/auth): display tokens for read-only walls and supervisor sign-in;
 * in dev mode the token and the supervisor's password are printed at start.
 */
import { join } from 'node:path';
import { rootDir } from '../../core/index.js';
import { createLiveMetrics, DEFAULT_SL_CHAT, DEFAULT_SL_VOICE, localMidnight } from '../../live-metrics/index.js';
import { createWallboardHandler } from './handler.js';
import { devAccess, sessionGenerations, sessionSecret, signInAccounts } from '../../kits/auth/index.js';
import { loadQuery } from '../../warehouse/index.js';
import { openWallStore } from './wall-store.js';
import { seedDefaultWalls } from './wall-defaults.js';
import { alarmApi } from './alarms-routes.js';
export function wallboardService() {
    return async (ctx) => {
        const { nats, topology, warehouse, config } = ctx;
        const dev = devAccess(config);
        const auth = await signInAccounts(config);
        const latest = new Map();
        const listeners = new Map();
        const empty = createLiveMetrics();
        const decoder = new TextDecoder();
        const sub = nats.nc.subscribe(`${topology.liveSubject}.*`, {
            callback: (_err, msg) => {
                if (!msg)
                    return;
                const snap = JSON.parse(decoder.decode(msg.data));
                latest.set(snap.tenant, snap);
                listeners.get(snap.tenant)?.forEach((fn) => fn());
            },
        });
        const walls = await openWallStore(ctx.js, topology.wallBucket, (msg) => ctx.log(`wallboard: ${msg}`));
        // Every tenant that can sign in or send events starts with the default walls (saved once, if it has none).
        const tenants = new Set([
            ...ctx.apiKeys.values(),
            ...auth.displayTokens.values(),
            ...[...auth.users.values()].map((u) => u.tenant),
        ]);
        const seeded = await seedDefaultWalls(walls, tenants, Date.now());
        if (seeded.length)
            ctx.log(`wallboard: default walls saved for ${seeded.join(', ')}`);
        const metricsSql = loadQuery('contact_metrics');
        const sl = { voice_sl_s: DEFAULT_SL_VOICE.seconds, chat_sl_s: DEFAULT_SL_CHAT.seconds, short_abandon_ms: 5000 };
        /** The day's 15-minute tenant rows, by the live engine's definitions (same query as the SQL cross-check). */
        const history = async (tenant, date) => {
            const from = localMidnight(date, config.timeZone);
            const to = localMidnight(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), config.timeZone);
            const rows = await warehouse.query(metricsSql, {
                tenant,
                from_ms: from,
                to_ms: to,
                tz: config.timeZone,
                step_minutes: 15,
                ...sl,
            });
            return rows
                .filter((r) => r.dimension === 'all')
                .map((r) => ({
                t: r.start_ms,
                offered: r.offered,
                answered: r.answered,
                abandoned: r.abandoned,
                sl_pct: r.sl_pct,
            }));
        };
        const handler = createWallboardHandler({
            getSnapshot: (tenant) => latest.get(tenant) ?? empty.snapshot(tenant, Date.now()),
            subscribe(tenant, onChange) {
                const set = listeners.get(tenant) ?? new Set();
                listeners.set(tenant, set.add(onChange));
                return () => set.delete(onChange);
            },
            getHistory: history,
            walls,
            alarms: alarmApi(ctx),
            auth,
            staticDir: join(rootDir(), 'dist', 'web-app'),
            sessionSecret: sessionSecret(config),
            // Shared with the QA, planner and routing gates: a sign-out here ends the session there too.
            sessions: sessionGenerations(config.dataDir),
            secureCookies: config.cookieSecure === 'auto' ? 'auto' : config.cookieSecure === 'true',
            trustedProxies: (config.trustedProxies ?? '')
                .split(',')
                .map((p) => p.trim())
                .filter(Boolean),
            log: (msg) => ctx.log(`wallboard: ${msg}`),
            onError: (err) => ctx.log(`wallboard: ${err.message}`),
        });
        const base = ctx.url;
        return {
            name: 'wallboard',
            handlers: [handler],
            banner: dev
                ? [
                    `wallboard (display):  ${base}/?token=${dev.displayToken}`,
                    `supervisor sign-in:   ${base}/  user ${dev.supervisor}  password ${dev.password}`,
                ]
                : [`wallboard:            ${base}/`],
            health: async () => ({
                ok: true,
                detail: { tenants_live: latest.size, live_connections: handler.liveConnections },
            }),
            metrics: () => [
                '# HELP mofang_signin_total Sign-in attempts by outcome (ok, wrong, rate_limited, locked, busy).',
                '# TYPE mofang_signin_total counter',
                ...Object.entries(handler.signIns).map(([outcome, n]) => `mofang_signin_total{outcome="${outcome}"} ${n}`),
            ].join('\n'),
            beforeClose: () => handler.close(),
            async stop() {
                sub.unsubscribe();
            },
        };
    };
}
//# sourceMappingURL=service.js.map