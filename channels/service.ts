/**
 * The channels service: the platforms' webhooks (channels/endpoint.ts) for every tenant's configured channels
 * (channels/config.ts), their attachments and conversations, and the status board /healthz and the wall show.
 */
import { join } from 'node:path'
import { openKvBucket } from '../bus/index.js'
import type { Handler, Service, ServiceContext, ServiceFactory } from '../core/index.js'
import type { ChannelAdapter, Platform } from './adapter.js'
import { createAttachmentStore } from './attachments.js'
import { loadChannelCredentials, type ChannelCredentials } from './config.js'
import { startAmiFeed, type AmiFeedSettings } from './pbx/feed.js'
import { createChannelEndpoint } from './endpoint.js'
import { ADAPTERS } from './registry.js'
import { channelApiRoutes, webhookRoutes } from './routes.js'
import { adapterState, createSessionLocator } from './sessions.js'
import { ChannelStatusBoard } from './status.js'
import type { Static } from '@sinclair/typebox'
import type { EmailCredentials } from './email/adapter.js'
import { startImapPoller } from './email/imap.js'
import { createKfStandIn } from './wecom/kf-stand-in.js'
import { SAMPLE_OPEN_KFID, type WeComCredentials } from './wecom/adapter.js'
import { DEV_TENANT } from './config.js'
import type { SampleMessage } from './adapter.js'

/** The channels service, and for the demo the way a customer writes to WeCom (see devWeCom). */
export type ChannelsService = Service & {
  /** With dev credentials: hands a customer's message to the WeCom stand-in before its callback is sent. */
  devWeComMessage?(sample: SampleMessage): void
}

/**
 * WeCom calls back to say messages are waiting and the adapter asks WeCom's API for them; the demo cannot reach
 * Tencent, so with dev credentials the demo tenant's WeCom API is a stand-in served by this server under /dev/wecom/
 * (channels/wecom/kf-stand-in.ts, the documented gettoken, kf/sync_msg and media/get answers).
 */
function devWeCom(credentials: WeComCredentials | undefined, url: string) {
  if (!credentials) return undefined
  const standIn = createKfStandIn({ corpId: credentials.corp_id, accessToken: credentials.access_token })
  credentials.api_base = `${url}/dev/wecom`
  const handler: Handler = async (req, res) => {
    if (!req.url?.startsWith('/dev/wecom/')) return false
    standIn.listener(req, res)
    return true
  }
  return { push: (sample: SampleMessage) => standIn.push(sample, SAMPLE_OPEN_KFID), handler }
}

export interface ChannelsServiceOptions {
  /** Credentials per tenant (loadChannelCredentials, checked at start). Default: loaded from the settings. */
  credentials?: ChannelCredentials
  /** PBX feeds to run (parseAmiFeeds of MOFANG_PBX_AMI). Default none. */
  pbx?: AmiFeedSettings[]
  /** The adapters served. Default every platform (channels/registry.ts). */
  adapters?: ReadonlyMap<Platform, ChannelAdapter>
  /** The fetch used for platform APIs and attachment downloads (tests). Default global fetch. */
  fetch?: typeof fetch
}

export function channelsService(opts: ChannelsServiceOptions = {}): ServiceFactory {
  return async (ctx: ServiceContext): Promise<ChannelsService> => {
    const { config, js, topology, log } = ctx
    const adapters = opts.adapters ?? ADAPTERS
    const credentials = opts.credentials ?? loadChannelCredentials(config, adapters)
    const kv = await openKvBucket(js, topology.channelBucket, { history: 1, replicas: config.natsReplicas })
    const board = new ChannelStatusBoard(
      [...credentials].flatMap(([tenant, platforms]) =>
        [...platforms.keys()].map((p) => [tenant, p] as [string, Platform]),
      ),
    )
    const attachments = createAttachmentStore({ dir: join(config.dataDir, 'attachments'), fetch: opts.fetch })
    const endpoint = createChannelEndpoint({
      adapters,
      credentials,
      submit: ctx.submitEvents,
      sessions: createSessionLocator(kv, { idleMs: config.channelSessionIdleMinutes * 60_000 }),
      attachments,
      board,
      state: (tenant, platform) => adapterState(kv, tenant, platform),
      maxBodyBytes: config.channelMaxBodyBytes,
      fetch: opts.fetch,
      log,
    })
    // Mailboxes to poll: every tenant whose e-mail channel names an IMAP account.
    const pollers = [...credentials].flatMap(([tenant, platforms]) => {
      const imap = (platforms.get('email') as Static<typeof EmailCredentials> | undefined)?.imap
      if (!imap) return []
      return [
        startImapPoller({
          credentials: imap,
          deliver: (messages) => endpoint.deliver(tenant, 'email', messages),
          state: adapterState(kv, tenant, 'email'),
          log: (line) => log(`channels: ${tenant}/email: ${line}`),
          maxBytes: config.channelMaxBodyBytes,
        }),
      ]
    })
    const feeds = (opts.pbx ?? []).map((settings) =>
      startAmiFeed({
        ...settings,
        submit: (events) => ctx.submitEvents(settings.tenant, events),
        log: (line) => log(`pbx: ${settings.tenant}@${settings.host}: ${line}`),
      }),
    )
    const dev = config.channelsConfig
      ? undefined
      : devWeCom(credentials.get(DEV_TENANT)?.get('wecom') as WeComCredentials | undefined, ctx.url)
    const configured = [...credentials].map(([tenant, p]) => `${tenant}: ${[...p.keys()].join(', ')}`)
    return {
      name: 'channels',
      handlers: [
        webhookRoutes(endpoint),
        channelApiRoutes({ attachments, board, config }),
        ...(dev ? [dev.handler] : []),
      ],
      ...(dev && { devWeComMessage: dev.push }),
      health: async () => ({
        ok: true,
        detail: {
          channels: board.list(),
          ...(feeds.length && { pbx: feeds.map((f, i) => ({ tenant: opts.pbx![i].tenant, ...f.status() })) }),
        },
      }),
      metrics: () => board.prometheus(),
      banner: configured.length ? [`Channels:  /v1/channels/<tenant>/<platform> (${configured.join('; ')})`] : [],
      async stop() {
        await Promise.all([...pollers.map((p) => p.stop()), ...feeds.map((f) => f.stop())])
      },
    }
  }
}
