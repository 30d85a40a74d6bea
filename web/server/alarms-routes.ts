/**
 * The alarms' API, part of the wallboard's route table (handler.ts); supervisors only (a wall display sees the
 * active alarms in its snapshot):
 *
 *   GET  /api/alarms?state=active,acknowledged,ended&hours=24&limit=200
 *                                   active alarms, then those that ended in the last `hours` (stored: alarms table)
 *   POST /api/alarms/:key/ack       acknowledges an active alarm as the signed-in user; 404 when none is active
 *   GET  /api/alarms/stream         Server-Sent Events: `alarms` messages, `{ alarms: Alarm[] }` (the active ones),
 *                                   at once and on every change, for browser notifications on any page
 *
 * Acknowledgements go to the live metrics service, which holds the alarms, as a NATS request (alarmAckSubject); it
 * stores and publishes the change before it answers, so a list read after the answer shows it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  alarmAckSubject,
  type Alarm,
  type AlarmAckReply,
  type AlarmAckRequest,
  type AlarmListAnswer,
  type Snapshot,
} from '../../core/contracts/index.js'
import type { ServiceContext } from '../../core/index.js'
import { listAlarms, type AlarmFilter } from '../../live-metrics/index.js'
import type { Principal } from '../../kits/auth/index.js'
import { BadRequest, EventStreams, HttpError, idFrom, intParam, type RouteContext } from '../../kits/http/index.js'

export interface AlarmApi {
  list(tenant: string, filter: AlarmFilter): Promise<Alarm[]>
  acknowledge(tenant: string, req: AlarmAckRequest): Promise<AlarmAckReply>
}

/** The alarms as stored (the warehouse) and as held by the live metrics service (acknowledgements over NATS). */
export function alarmApi(ctx: Pick<ServiceContext, 'warehouse' | 'nats' | 'topology'>): AlarmApi {
  const encoder = new TextEncoder()
  const decoder = new TextDecoder()
  return {
    list: (tenant, filter) => listAlarms(ctx.warehouse, tenant, filter),
    async acknowledge(tenant, req) {
      const msg = await ctx.nats.nc.request(
        alarmAckSubject(ctx.topology, tenant),
        encoder.encode(JSON.stringify(req)),
        {
          timeout: 5_000,
        },
      )
      return JSON.parse(decoder.decode(msg.data)) as AlarmAckReply
    },
  }
}

/** What the stream reads: the snapshots the wallboard already follows. */
export interface AlarmFeed {
  getSnapshot(tenant: string): Snapshot
  subscribe(tenant: string, onChange: () => void): () => void
}

const STATES = ['active', 'acknowledged', 'ended'] as const
const SUPERVISOR = ['supervisor'] as const
/** Keys are `<wall>:<rule id>:<row>`: rows are queue, channel and team names. */
const MAX_KEY = 300

/** The alarm routes for the wallboard's table, and `close()` to end the open streams (server shutdown). */
export function alarmRoutes(api: AlarmApi, feed: AlarmFeed) {
  const streams = new EventStreams()

  async function list({ url, who }: RouteContext<Principal>): Promise<AlarmListAnswer> {
    const asked = (url.searchParams.get('state') ?? STATES.join(',')).split(',')
    const unknown = asked.find((s) => !(STATES as readonly string[]).includes(s))
    if (unknown !== undefined)
      throw new BadRequest('state', `expected ${STATES.join(', ')} (comma-separated), got "${unknown}"`)
    const hours = intParam(url, 'hours', { default: 24, min: 1, max: 720 })
    const filter: AlarmFilter = {
      active: asked.includes('active'),
      acknowledged: asked.includes('acknowledged'),
      ended: asked.includes('ended'),
      sinceMs: Date.now() - hours * 3_600_000,
      limit: intParam(url, 'limit', { default: 200, min: 1, max: 1000 }),
    }
    try {
      return { alarms: await api.list(who.tenant, filter) }
    } catch {
      throw new HttpError(503, 'unavailable', 'the warehouse did not answer; try again')
    }
  }

  async function acknowledge({ params, who }: RouteContext<Principal>): Promise<Alarm> {
    const key = idFrom(params.key, 'key', { encoded: true, maxLength: MAX_KEY })
    const by = who.kind === 'user' ? who.user : 'display'
    const reply = await api.acknowledge(who.tenant, { key, by }).catch(() => {
      throw new HttpError(503, 'unavailable', 'the live metrics service did not answer; try again')
    })
    if ('error' in reply) throw new HttpError(404, 'not_found', `no active alarm ${key}`, 'key')
    return reply.alarm
  }

  function stream(req: IncomingMessage, res: ServerResponse, tenant: string) {
    const send = streams.start(req, res, () => unsubscribe())
    let last = ''
    const sendAlarms = () => {
      const alarms = feed.getSnapshot(tenant).alarms ?? []
      // Sent when an alarm comes, goes or is acknowledged; a value moving on is the wall's business.
      const shape = JSON.stringify(alarms.map((a) => [a.key, a.started_at, a.acknowledged_at]))
      if (shape === last) return
      last = shape
      send('alarms', { alarms } satisfies AlarmListAnswer)
    }
    sendAlarms()
    const unsubscribe = feed.subscribe(tenant, sendAlarms)
  }

  return {
    routes: {
      'GET /api/alarms': { needs: SUPERVISOR, handle: list },
      'POST /api/alarms/:key/ack': { needs: SUPERVISOR, handle: acknowledge },
      'GET /api/alarms/stream': {
        needs: SUPERVISOR,
        handle: ({ req, res, who }: RouteContext<Principal>) => stream(req, res, who.tenant),
      },
    },
    close: () => streams.closeAll(),
  }
}
