/**
 * The routing service: one TenantRouter per tenant of MOFANG_ROUTING_CONFIG, driven by the
 * event stream, publishing `routing.*` decision events. Configuration changes at run time
 * (SIGHUP, or POST /api/routing/config) keep every waiting and assigned contact.
 *
 * HTTP (signed-in users, roles per route below):
 *   GET  /api/routing/decisions?interaction_id=…  the recorded decisions and reasons, from ClickHouse
 *   GET  /api/routing/config                      the tenant's configuration in force and router state
 *   POST /api/routing/config                      re-read the file (admin); 400 with every problem when invalid
 */
import { openKvBucket } from '../bus/index.js'
import { BadInputError, type Service, type ServiceContext, type ServiceFactory } from '../core/index.js'
import { BadRequest, HttpError, idFrom, routes, type RouteContext } from '../kits/http/index.js'
import { loadRoutingConfigFile } from './validate-config.js'
import type { TenantRoutingConfig } from './config.js'
import { tenantsOf } from './tenants.js'
import { PROFILE_DEFAULTS, type ProfileDefaults } from './inputs.js'
import { TenantRouter } from './tenant-router.js'
import { byRole, roleGate, type Caller, type Role } from '../kits/auth/index.js'
import { loadQuery } from '../warehouse/index.js'

export interface RoutingServiceOptions {
  /** The routing file (YAML or JSON, see README: Routing, Configuration). */
  configPath: string
  /** First-start look-back, ms. Default 12 h (see TenantRouterOptions.warmupMs). */
  warmupMs?: number
  /** How agents' profiles are read from their events. Default { proficiency: 3, chatSeats: 3 }. */
  profile?: Partial<ProfileDefaults>
  /** Reload on SIGHUP. Default true (tests turn it off: the signal is process-wide). */
  sighup?: boolean
}

const DECISION_TYPES = ['routing.assigned', 'routing.overflowed', 'routing.callback_offered']
/** Why a contact went where it went: supervisors and QA, who judge the agent's handling of it. */
const EXPLAINS: Role[] = ['supervisor', 'qa_reviewer', 'qa_manager', 'admin']
/** The tenant's routing configuration as loaded. */
const CONFIGURES: Role[] = ['supervisor', 'admin']

export function routingService(opts: RoutingServiceOptions): ServiceFactory {
  return async (ctx: ServiceContext): Promise<Service> => {
    const { js, jsm, topology, warehouse, log } = ctx
    const profile = { ...PROFILE_DEFAULTS, ...opts.profile }
    const read = () => tenantsOf(loadRoutingConfigFile(opts.configPath), new Set(ctx.apiKeys.values()))
    const initial = read() // a bad file stops the start with every problem listed
    const kv = await openKvBucket(js, `${topology.prefix}_routing`, { history: 1, replicas: ctx.config.natsReplicas })
    const routers = new Map<string, TenantRouter>()
    const startRouter = async (tenant: string, config: TenantRoutingConfig) =>
      routers.set(
        tenant,
        await TenantRouter.start({ tenant, config, js, jsm, topology, kv, profile, log, warmupMs: opts.warmupMs }),
      )
    for (const [tenant, config] of initial) await startRouter(tenant, config)

    let reloading = Promise.resolve<unknown>(undefined)
    /** Validates the whole file first: a bad file changes nothing. */
    const reload = () => {
      const run = reloading.then(async () => {
        const next = read()
        for (const [tenant, config] of next) {
          const router = routers.get(tenant)
          if (router) await router.setConfig(config)
          else await startRouter(tenant, config)
        }
        const dropped = [...routers.keys()].filter((t) => !next.has(t))
        if (dropped.length)
          log(
            `routing: ${dropped.join(', ')} no longer in ${opts.configPath}: still routed with the last configuration until restart`,
          )
        log(
          `routing: configuration reloaded from ${opts.configPath} (${next.size} tenant${next.size === 1 ? '' : 's'})`,
        )
        return next
      })
      reloading = run.catch(() => {})
      return run
    }
    const onHup = () =>
      void reload().catch((err) => log(`routing: reload refused, configuration unchanged: ${(err as Error).message}`))
    if (opts.sighup !== false) process.on('SIGHUP', onHup)

    const access = roleGate(ctx.config)
    const decisionsSql = loadQuery('routing_decisions')

    const configOf = (tenant: string) => {
      const router = routers.get(tenant)
      return { tenant, config: router?.config(), router: router?.stats(), source: opts.configPath }
    }

    const handle = routes<Caller>(
      {
        'GET /api/routing/decisions': { needs: EXPLAINS, handle: decisionsOf },
        'GET /api/routing/config': { needs: CONFIGURES, handle: ({ who }) => configOf(who.tenant) },
        // Reloading changes routing for every tenant of this process: the operator's job, not a team lead's.
        'POST /api/routing/config': {
          needs: ['admin'],
          handle: async ({ who }) => {
            try {
              await reload()
            } catch (err) {
              if (!(err instanceof BadInputError)) throw err
              throw new HttpError(400, 'bad_config', err.message)
            }
            return configOf(who.tenant)
          },
        },
      },
      { prefix: '/api/routing/', ...byRole(access) },
    )

    async function decisionsOf({ url, who }: RouteContext<Caller>) {
      const raw = url.searchParams.get('interaction_id')
      if (!raw) throw new BadRequest('interaction_id', 'required')
      // Same id rule as ingest: a control or bidi character cannot name a stored interaction.
      const id = idFrom(raw, 'interaction_id')
      const rows = await warehouse.query<{
        event_id: string
        type: string
        ts: number
        agent_id: string
        queue: string
        payload: string
      }>(decisionsSql, { tenant: who.tenant, id, types: DECISION_TYPES })
      const decisions = rows.map((r) => ({
        event_id: r.event_id,
        type: r.type,
        ts: Number(r.ts),
        agent_id: r.agent_id || undefined,
        queue: r.queue,
        ...JSON.parse(r.payload),
      }))
      const assigned = decisions.filter((d) => d.type === 'routing.assigned').at(-1)
      return { interaction_id: id, agent_id: assigned?.agent_id, reason: assigned?.reason, decisions }
    }

    return {
      name: 'routing',
      handlers: [handle],
      banner: [
        `routing:             ${routers.size} tenant${routers.size === 1 ? '' : 's'} from ${opts.configPath} (reload: kill -HUP ${process.pid})`,
      ],
      health: async () => {
        const tenants = [...routers.values()].map((r) => r.stats())
        return { ok: tenants.every((t) => !t.failure), detail: { tenants } }
      },
      async stop() {
        process.off('SIGHUP', onHup)
        await reloading
        for (const r of routers.values()) await r.stop()
      },
    }
  }
}
