/**
 * The assist service: the knowledge base (NATS KV, watched into a search index), the open conversations as the
 * conversations service announces them (`<conversationSubject>.*`, core NATS), the API of api.ts and the customer
 * profile's route (profile-routes.ts). It stores the shipped seed knowledge base for the tenants it is told to (the
 * dev tenant on `mofang start`) when they have none.
 */
import { Kvm } from '@nats-io/kv'
import type { ConversationUpdate } from '../core/contracts/index.js'
import type { Service, ServiceContext } from '../core/index.js'
import { roleGate } from '../kits/auth/index.js'
import { liveWordMatcher } from '../conversations/index.js'
import { createAssistApi } from './api.js'
import { draftChecker } from './check.js'
import { ConversationFeed } from './feed.js'
import { seedKnowledge } from './seed.js'
import { openKnowledgeStore } from './store.js'
import { profileRoutes } from './profile-routes.js'

export interface AssistServiceOptions {
  /**
   * Tenants that get the seed knowledge base (assist/seed/*.md) when they have no article. Default: the dev tenant
   * when the system runs with the dev API key (MOFANG_API_KEYS unset), else none.
   */
  seedTenants?: readonly string[]
}

/** Revisions kept of each article (`nats kv history`): an overwritten article can be recovered by hand. */
const HISTORY = 5

export function assistService(opts: AssistServiceOptions = {}): (ctx: ServiceContext) => Promise<Service> {
  return async (ctx) => {
    const { js, nats, topology, log } = ctx
    const kv = await new Kvm(js).create(topology.knowledgeBucket, {
      history: HISTORY,
      replicas: ctx.config.natsReplicas,
    })
    const store = await openKnowledgeStore(kv, log)
    const devTenant = ctx.devApiKey ? ctx.apiKeys.get(ctx.devApiKey) : undefined
    // A start that fails is retried: the watch of this try must not outlive it.
    const seeded = await seedKnowledge(store, opts.seedTenants ?? (devTenant ? [devTenant] : [])).catch(
      async (err: unknown) => {
        await store.stop()
        throw err
      },
    )
    for (const [tenant, n] of seeded) log(`assist: stored the seed knowledge base for ${tenant} (${n} articles)`)

    const feed = new ConversationFeed()
    const decoder = new TextDecoder()
    let unreadable = 0
    const updates = nats.nc.subscribe(`${topology.conversationSubject}.*`, {
      callback: (_err, msg) => {
        try {
          feed.apply(JSON.parse(decoder.decode(msg.data)) as ConversationUpdate)
        } catch (err) {
          if (unreadable++ === 0)
            log(`assist: skipping an unreadable update on ${msg.subject}: ${(err as Error).message}`)
        }
      },
    })
    // The live conversations' lists (the shipped QA scorecards' forbidden and sensitive words), so a draft is checked
    // for what the supervisor's view would flag.
    const checker = draftChecker(liveWordMatcher().lists)
    const api = createAssistApi({
      store,
      feed,
      access: roleGate(ctx.config),
      apiKeys: ctx.apiKeys,
      checker: () => checker,
      submitEvents: ctx.submitEvents,
    })
    return {
      name: 'assist',
      banner: [`Agent assist:         ${ctx.url}/assist`],
      // The customer profile (profile-routes.ts) is part of the agent's assist panel: served here.
      handlers: [api, profileRoutes(ctx)],
      metrics: () =>
        [
          '# HELP mofang_assist_unreadable_updates_total ConversationUpdates assist could not read (skipped).',
          '# TYPE mofang_assist_unreadable_updates_total counter',
          `mofang_assist_unreadable_updates_total ${unreadable}`,
          '# HELP mofang_assist_open_conversations Open conversations assist follows.',
          '# TYPE mofang_assist_open_conversations gauge',
          `mofang_assist_open_conversations ${feed.size}`,
        ].join('\n'),
      beforeClose: () => api.close(),
      async stop() {
        updates.unsubscribe()
        await store.stop()
      },
    }
  }
}
