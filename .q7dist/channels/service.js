/**
 * The channels service: the platforms' webhooks (channels/endpoint.ts) for every tenant's configured channels
 * (channels/config.ts), their attachments and conversations, and the status board /healthz and the wall show.
 */
import { join } from 'node:path';
import { Kvm } from '@nats-io/kv';
import { createAttachmentStore } from './attachments.js';
import { loadChannelCredentials } from './config.js';
import { startAmiFeed } from './pbx/feed.js';
import { createChannelEndpoint } from './endpoint.js';
import { ADAPTERS } from './registry.js';
import { channelApiRoutes, webhookRoutes } from './routes.js';
import { adapterState, createSessionLocator } from './sessions.js';
import { ChannelStatusBoard } from './status.js';
import { startImapPoller } from './email/imap.js';
import { createKfStandIn } from './wecom/kf-stand-in.js';
import { SAMPLE_OPEN_KFID } from './wecom/adapter.js';
import { DEV_TENANT } from './config.js';
/**
 * WeCom calls back to say messages are waiting and the adapter asks WeCom's API for them; the demo cannot reach
 * Tencent, so with dev credentials the demo tenant's WeCom API is a stand-in served by this server under /dev/wecom/
 * (channels/wecom/kf-stand-in.ts, the documented gettoken, kf/sync_msg and media/get answers).
 */
function devWeCom(credentials, url) {
    if (!credentials)
        return undefined;
    const standIn = createKfStandIn({ corpId: credentials.corp_id, accessToken: credentials.access_token });
    credentials.api_base = `${url}/dev/wecom`;
    const handler = async (req, res) => {
        if (!req.url?.startsWith('/dev/wecom/'))
            return false;
        standIn.listener(req, res);
        return true;
    };
    return { push: (sample) => standIn.push(sample, SAMPLE_OPEN_KFID), handler };
}
export function channelsService(opts = {}) {
    return async (ctx) => {
        const { config, js, topology, log } = ctx;
        const adapters = opts.adapters ?? ADAPTERS;
        const credentials = opts.credentials ?? loadChannelCredentials(config, adapters);
        const kv = await new Kvm(js).create(topology.channelBucket, { history: 1, replicas: config.natsReplicas });
        const board = new ChannelStatusBoard([...credentials].flatMap(([tenant, platforms]) => [...platforms.keys()].map((p) => [tenant, p])));
        const attachments = createAttachmentStore({ dir: join(config.dataDir, 'attachments'), fetch: opts.fetch });
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
        });
        // Mailboxes to poll: every tenant whose e-mail channel names an IMAP account.
        const pollers = [...credentials].flatMap(([tenant, platforms]) => {
            const imap = platforms.get('email')?.imap;
            if (!imap)
                return [];
            return [
                startImapPoller({
                    credentials: imap,
                    deliver: (messages) => endpoint.deliver(tenant, 'email', messages),
                    state: adapterState(kv, tenant, 'email'),
                    log: (line) => log(`channels: ${tenant}/email: ${line}`),
                    maxBytes: config.channelMaxBodyBytes,
                }),
            ];
        });
        const feeds = (opts.pbx ?? []).map((settings) => startAmiFeed({
            ...settings,
            submit: (events) => ctx.submitEvents(settings.tenant, events),
            log: (line) => log(`pbx: ${settings.tenant}@${settings.host}: ${line}`),
        }));
        const dev = config.channelsConfig
            ? undefined
            : devWeCom(credentials.get(DEV_TENANT)?.get('wecom'), ctx.url);
        const configured = [...credentials].map(([tenant, p]) => `${tenant}: ${[...p.keys()].join(', ')}`);
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
                    ...(feeds.length && { pbx: feeds.map((f, i) => ({ tenant: opts.pbx[i].tenant, ...f.status() })) }),
                },
            }),
            metrics: () => board.prometheus(),
            banner: configured.length ? [`Channels:  /v1/channels/<tenant>/<platform> (${configured.join('; ')})`] : [],
            async stop() {
                await Promise.all([...pollers.map((p) => p.stop()), ...feeds.map((f) => f.stop())]);
            },
        };
    };
}
//# sourceMappingURL=service.js.map