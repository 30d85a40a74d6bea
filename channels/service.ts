/**
 * The channels service: the platforms' webhooks (channels/endpoint.ts) for every tenant's configured channels
 * (channels/config.ts), their attachments and conversations, and the status board /healthz and the wall show.
 */
import { join } from 'node:path'
import { Kvm } from '@nats-io/kv'
import type { Service, ServiceContext, ServiceFactory } from '../core/index.js'
import type { ChannelAdapter, Platform } from './adapter.js'
import { createAttachmentStore } from './attachments.js'
import { loadChannelCredentials } from './config.js'
import { createChannelEndpoint } from './endpoint.js'
import { ADAPTERS } from './registry.js'
import { channelApiRoutes, webhookRoutes } from './routes.js'
import { adapterState, createSessionLocator } from './sessions.js'
import { ChannelStatusBoard } from './status.js'

export interface ChannelsServiceOptions {
  /** The adapters served. Default every platform (channels/registry.ts). */
  adapters?: ReadonlyMap<Platform, ChannelAdapter>
  /** The fetch used for platform APIs and attachment downloads (tests). Default global fetch. */
  fetch?: typeof fetch
}

export function channelsService(opts: ChannelsServiceOptions = {}): ServiceFactory {
  return async (ctx: ServiceContext): Promise<Service> => {
    const { config, js, topology, log } = ctx
    const adapters = opts.adapters ?? ADAPTERS
    const credentials = loadChannelCredentials(config, adapters)
    const kv = await new Kvm(js).create(topology.channelBucket, { history: 1, replicas: config.natsReplicas })
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
    const configured = [...credentials].map(([tenant, p]) => `${tenant}: ${[...p.keys()].join(', ')}`)
    return {
      name: 'channels',
      handlers: [webhookRoutes(endpoint), channelApiRoutes({ attachments, board, config })],
      health: async () => ({ ok: true, detail: { channels: board.list() } }),
      metrics: () => board.prometheus(),
      banner: configured.length ? [`Channels:  /v1/channels/<tenant>/<platform> (${configured.join('; ')})`] : [],
      async stop() {},
    }
  }
}
