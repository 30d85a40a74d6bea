/**
 * The HTTP side of the channels part:
 *  - `GET|POST /v1/channels/<tenant>/<platform>`: the platforms' webhooks (channels/endpoint.ts). No role: the
 *    platform's own signature, checked by its adapter, is the authentication.
 *  - `GET /api/attachments/<sha256>`: a kept attachment of the caller's tenant, for the people who read
 *    conversations (agents, QA, supervisors).
 *  - `GET /api/channels`: each channel's last message time and error counts (supervisors, admins).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ANY_ROLE, byRole, roleGate } from '../kits/auth/index.js';
import { HttpError, routes } from '../kits/http/index.js';
import { PLATFORMS } from './adapter.js';
import { sniffContentType } from './attachments.js';
const TENANT = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const isPlatform = (p) => PLATFORMS.includes(p);
/** Types a browser may show inline: pictures, sound, video. Anything else downloads (never rendered as a page). */
const INLINE = /^(image\/(png|jpeg|gif|webp|bmp)|audio\/|video\/)/;
export function webhookRoutes(endpoint) {
    const webhook = async ({ req, res, url, params }) => {
        const tenant = decodeURIComponent(params.tenant);
        const platform = decodeURIComponent(params.platform);
        if (!TENANT.test(tenant) || !isPlatform(platform) || (url.pathname.endsWith('/mime') && platform !== 'email'))
            throw new HttpError(404, 'not_configured', `no channel ${platform} for tenant ${tenant}`);
        await endpoint.handle(req, res, tenant, platform);
    };
    return routes({
        'GET /v1/channels/:tenant/:platform': webhook,
        'POST /v1/channels/:tenant/:platform': webhook,
        // Mailgun posts raw MIME only to a URL that ends in "mime".
        'POST /v1/channels/:tenant/:platform/mime': webhook,
    }, { prefix: '/v1/channels/', bodies: 'any' });
}
export function channelApiRoutes(deps) {
    return routes({
        'GET /api/attachments/:sha256': {
            needs: ['agent', 'supervisor', 'qa_reviewer', 'qa_manager'],
            handle: async ({ res, params, who }) => {
                const path = deps.attachments.pathOf(who.tenant, params.sha256);
                if (!path)
                    throw new HttpError(404, 'not_found', `no attachment ${params.sha256}`);
                const head = await readHead(path);
                const type = sniffContentType(head) ?? 'application/octet-stream';
                res.writeHead(200, {
                    'content-type': type,
                    'content-length': String((await stat(path)).size),
                    'x-content-type-options': 'nosniff',
                    'content-disposition': INLINE.test(type) ? 'inline' : `attachment; filename="${params.sha256}"`,
                    // The content never changes under its hash.
                    'cache-control': 'private, max-age=31536000, immutable',
                });
                createReadStream(path).pipe(res);
            },
        },
        // Every role: the wall shows each channel's last message and errors.
        'GET /api/channels': {
            needs: ANY_ROLE,
            handle: ({ who }) => ({ tenant: who.tenant, channels: deps.board.list(who.tenant) }),
        },
    }, { ...byRole(roleGate(deps.config)), headers: { 'cache-control': 'no-store' } });
}
async function readHead(path) {
    const chunks = [];
    for await (const chunk of createReadStream(path, { start: 0, end: 15 }))
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
//# sourceMappingURL=routes.js.map