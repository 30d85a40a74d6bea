import { alarmAckSubject, } from '../../core/contracts/index.js';
import { listAlarms } from '../../live-metrics/index.js';
import { BadRequest, HttpError, idFrom, intParam } from '../../kits/http/index.js';
/** The alarms as stored (the warehouse) and as held by the live metrics service (acknowledgements over NATS). */
export function alarmApi(ctx) {
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    return {
        list: (tenant, filter) => listAlarms(ctx.warehouse, tenant, filter),
        async acknowledge(tenant, req) {
            const msg = await ctx.nats.nc.request(alarmAckSubject(ctx.topology, tenant), encoder.encode(JSON.stringify(req)), {
                timeout: 5_000,
            });
            return JSON.parse(decoder.decode(msg.data));
        },
    };
}
const STATES = ['active', 'acknowledged', 'ended'];
const SUPERVISOR = ['supervisor'];
/** A comment line this often keeps proxies from closing a quiet stream, ms. */
const KEEPALIVE_MS = 15_000;
/** Keys are `<wall>:<rule id>:<row>`: rows are queue, channel and team names. */
const MAX_KEY = 300;
/** The alarm routes for the wallboard's table, and `close()` to end the open streams (server shutdown). */
export function alarmRoutes(api, feed) {
    const streams = new Set();
    async function list({ url, who }) {
        const asked = (url.searchParams.get('state') ?? STATES.join(',')).split(',');
        const unknown = asked.find((s) => !STATES.includes(s));
        if (unknown !== undefined)
            throw new BadRequest('state', `expected ${STATES.join(', ')} (comma-separated), got "${unknown}"`);
        const hours = intParam(url, 'hours', { default: 24, min: 1, max: 720 });
        const filter = {
            active: asked.includes('active'),
            acknowledged: asked.includes('acknowledged'),
            ended: asked.includes('ended'),
            sinceMs: Date.now() - hours * 3_600_000,
            limit: intParam(url, 'limit', { default: 200, min: 1, max: 1000 }),
        };
        try {
            return { alarms: await api.list(who.tenant, filter) };
        }
        catch {
            throw new HttpError(503, 'unavailable', 'the warehouse did not answer; try again');
        }
    }
    async function acknowledge({ params, who }) {
        const key = idFrom(params.key, 'key', { encoded: true, maxLength: MAX_KEY });
        const by = who.kind === 'user' ? who.user : 'display';
        const reply = await api.acknowledge(who.tenant, { key, by }).catch(() => {
            throw new HttpError(503, 'unavailable', 'the live metrics service did not answer; try again');
        });
        if ('error' in reply)
            throw new HttpError(404, 'not_found', `no active alarm ${key}`, 'key');
        return reply.alarm;
    }
    function stream(req, res, tenant) {
        res.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-transform',
            connection: 'keep-alive',
            'x-accel-buffering': 'no',
        });
        res.write('retry: 2000\n\n');
        let last = '';
        const send = () => {
            const alarms = feed.getSnapshot(tenant).alarms ?? [];
            // Sent when an alarm comes, goes or is acknowledged; a value moving on is the wall's business.
            const shape = JSON.stringify(alarms.map((a) => [a.key, a.started_at, a.acknowledged_at]));
            if (shape === last)
                return;
            last = shape;
            res.write(`event: alarms\ndata: ${JSON.stringify({ alarms })}\n\n`);
        };
        send();
        streams.add(res);
        const unsubscribe = feed.subscribe(tenant, send);
        const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
        const close = () => {
            clearInterval(keepalive);
            unsubscribe();
            streams.delete(res);
        };
        req.on('close', close);
        res.on('error', close);
    }
    return {
        routes: {
            'GET /api/alarms': { needs: SUPERVISOR, handle: list },
            'POST /api/alarms/:key/ack': { needs: SUPERVISOR, handle: acknowledge },
            'GET /api/alarms/stream': {
                needs: SUPERVISOR,
                handle: ({ req, res, who }) => stream(req, res, who.tenant),
            },
        },
        close() {
            for (const res of streams)
                res.end();
        },
    };
}
//# sourceMappingURL=alarms-routes.js.map