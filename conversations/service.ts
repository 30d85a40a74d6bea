/**
 * The live conversations service: follows the event stream, keeps every open chat and call of every tenant
 * (tracker.ts), scores each customer message's mood as it arrives (mood.ts, QA's sentiment model), raises flags and
 * incidents, and publishes a ConversationUpdate on `<conversationSubject>.<tenant>` (core NATS) after each change,
 * with the ingest time of the event that caused it so its latency can be measured (`npm run bench:live`).
 *
 * Why an ordered consumer from a start time, as the live metrics do: the state is memory, empty at each start, so a
 * start replays the last `replayMs` of the stream (open conversations are rebuilt, nothing is published until it has
 * caught up), then carries on live with the same consumer, in stream order, with no server-side state to clean up and
 * a message reaching it as soon as JetStream stores it.
 *
 * OCR results (`<ocrSubject>.<tenant>`) attach the text read from a message's image and add its facts. Severe cases (an
 * angry customer who escalates, an agent's forbidden word) raise one wall alert per conversation, cleared when it
 * ends; incidents (incidents.ts) are stored, published on `<incidentSubject>.<tenant>` and put on the wall too.
 */
import type { AlertInput, ConversationUpdate, Incident, OcrResult } from '../core/contracts/index.js'
import type { Service, ServiceContext, ServiceFactory } from '../core/index.js'
import { decodeStreamEvents, publishAlert, startFeed } from '../bus/index.js'
import { byRole, roleGate } from '../kits/auth/index.js'
import { factsInText } from '../kits/facts/index.js'
import { routes } from '../kits/http/index.js'
import { sentimentModel } from '../qa/index.js'
import { liveRoutes, type LiveFeed } from './api.js'
import { IncidentDetector, rulesMatching, type IncidentChange } from './incidents.js'
import { liveWordMatcher, type ConversationsSettings } from './settings.js'
import { listIncidents, writeIncident } from './store.js'
import { ConversationTracker, TRACKED_FAMILIES, type Change, type Open } from './tracker.js'
import type { MoodOptions } from './mood.js'

export interface ConversationsServiceOptions extends ConversationsSettings {
  /** How far back a start replays the stream to rebuild the open conversations, ms. Default 4 h. */
  replayMs?: number
  /** How often the clock lowers waiting customers' mood and checks the time flags and incidents, ms. Default 1,000. */
  tickMs?: number
  /**
   * Messages an update on NATS carries, the newest (the API's detail has up to 200): keeps each update small while a
   * long chat goes on. Default 50.
   */
  updateMessages?: number
  /** How long a conversation's wall alert stays unless raised again, ms. Default 30 min. */
  alertTtlMs?: number
  mood?: MoodOptions
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export function conversationsService(opts: ConversationsServiceOptions): ServiceFactory {
  return async (ctx: ServiceContext): Promise<Service> => {
    const { js, nats, topology, warehouse } = ctx
    const log = (msg: string) => ctx.log(`conversations: ${msg}`)
    const model = sentimentModel()
    const tracker = new ConversationTracker({
      sentiment: (text) => model.score(text),
      facts: factsInText,
      words: liveWordMatcher(),
      replyLimitMs: opts.replyLimitMs,
      silenceMs: opts.silenceMs,
      mood: opts.mood,
    })
    const detector = new IncidentDetector({
      minConversations: opts.incidentMinConversations,
      windowMs: opts.incidentWindowMs,
    })
    const listeners = new Map<string, Set<(u: ConversationUpdate) => void>>()
    /** Conversations whose wall alert is up, by `<tenant>/<interaction>`. */
    const alerted = new Set<string>()
    let caughtUp = false
    let published = 0
    let failures = 0
    const fail = (what: string) => (err: unknown) => {
      if (failures++ % 100 === 0) log(`${what} failed (${failures} so far): ${(err as Error).message}`)
    }

    const alert = (a: Omit<AlertInput, 'source'>) => {
      if (caughtUp) publishAlert(js, topology, { ...a, source: 'conversations' }).catch(fail('a wall alert'))
    }

    /** The wall alert of a severe conversation: raised once, cleared when it ends or is no longer severe. */
    function alertOf(c: Open, ended: boolean, now: number) {
      const row = c.row
      const id = `live:${row.interaction_id}`
      const key = `${row.tenant_id}/${row.interaction_id}`
      const severe = !ended && tracker.severe(c)
      if (severe === alerted.has(key)) return
      if (severe) alerted.add(key)
      else alerted.delete(key)
      const who = row.agent_name ?? row.agent_id ?? 'no agent'
      const why = c.agentForbidden ? 'an agent used a forbidden word' : 'an angry customer is escalating'
      alert({
        id,
        tenant: row.tenant_id,
        severity: 'critical',
        text: `${row.channel} ${row.interaction_id} (${who}): ${why}`,
        ts: now,
        ttl_ms: severe ? (opts.alertTtlMs ?? 30 * 60_000) : 0,
      })
    }

    function publish(change: Change, now: number) {
      const c = change.conversation
      alertOf(c, change.ended, now)
      if (!caughtUp) return
      const conversation = tracker.detail(c, now)
      conversation.messages = conversation.messages.slice(-(opts.updateMessages ?? 50))
      const update: ConversationUpdate = {
        conversation,
        ...(change.event_id && { event_id: change.event_id }),
        ...(change.ingested_at && { ingested_at: change.ingested_at }),
        ended: change.ended,
      }
      nats.nc.publish(`${topology.conversationSubject}.${c.row.tenant_id}`, encoder.encode(JSON.stringify(update)))
      published++
      for (const listener of listeners.get(c.row.tenant_id) ?? []) listener(update)
    }

    function incident({ incident: i, change }: IncidentChange) {
      // Stored during the replay too (the same id and rows again, or an incident that came while this was down).
      writeIncident(warehouse, i).catch(fail('storing an incident'))
      if (!caughtUp) return
      nats.nc.publish(`${topology.incidentSubject}.${i.tenant_id}`, encoder.encode(JSON.stringify(i)))
      if (change === 'updated') return
      alert({
        id: `incident:${i.id}`,
        tenant: i.tenant_id,
        severity: 'critical',
        text: incidentText(i),
        ts: change === 'cleared' ? (i.ended_at ?? Date.now()) : i.started_at,
        ttl_ms: change === 'cleared' ? 0 : 24 * 3_600_000,
      })
    }

    /** Error codes and incident rules the conversation shows, towards incidents. */
    function observeIncidents(change: Change) {
      const row = change.conversation.row
      for (const f of row.facts)
        if (f.kind === 'error_code') {
          const raised = detector.observe(row.tenant_id, f.value, 'error_code', row.interaction_id, f.ts)
          if (raised) incident(raised)
        }
      const last = change.conversation.messages.at(-1)
      if (!opts.incidentRules.length || last?.role !== 'customer' || last.event_id !== change.event_id) return
      for (const rule of rulesMatching(opts.incidentRules, last.text)) {
        const raised = detector.observe(row.tenant_id, rule.name, rule.name, row.interaction_id, last.ts)
        if (raised) incident(raised)
      }
    }

    const tick = setInterval(() => {
      if (!caughtUp) return
      const now = Date.now()
      for (const change of tracker.tick(now)) publish(change, now)
      for (const change of detector.tick(now)) incident(change)
    }, opts.tickMs ?? 1_000)

    const ocr = nats.nc.subscribe(`${topology.ocrSubject}.*`, {
      callback: (_err, msg) => {
        try {
          const change = tracker.applyOcr(JSON.parse(decoder.decode(msg.data)) as OcrResult)
          if (!change) return
          publish(change, Date.now())
          observeIncidents(change)
        } catch (err) {
          fail('reading an OCR result')(err)
        }
      },
    })

    const from = Date.now() - (opts.replayMs ?? 4 * 3_600_000)
    const events = await startFeed(
      ctx,
      {
        stream: topology.eventStream,
        from,
        async handle(msg, maybeYield) {
          // A message holds the events of one subject, <prefix>.<tenant>.<channel>.<family>.<name>: those of
          // families that make no conversation are not decoded at all.
          if (!TRACKED_FAMILIES.has(msg.subject.split('.').at(-2) ?? '')) return
          for (const e of decodeStreamEvents(msg)) {
            const change = tracker.apply(e)
            if (change) {
              publish(change, caughtUp ? Date.now() : e.ts)
              observeIncidents(change)
            }
            // Replaying hours of chats takes seconds: in slices, or NATS cuts the client off as a slow consumer.
            if (!caughtUp) await maybeYield()
          }
        },
        onCaughtUp() {
          caughtUp = true
          // The replay stored incidents but put none on the wall: those still open go up now (one raised before the
          // restart is raised again with the same id and start, which leaves it as it was).
          for (const open of detector.open()) incident({ incident: open, change: 'raised' })
          const open = tracker.tenants().reduce((n, t) => n + tracker.list(t).length, 0)
          log(`rebuilt ${open} open conversations from the last ${Math.round((Date.now() - from) / 60_000)} min`)
        },
      },
      'conversations: the event stream',
    )

    const feed: LiveFeed = {
      list: (tenant) => tracker.list(tenant).map((c) => tracker.row(c, Date.now())),
      detail(tenant, id) {
        const c = tracker.get(tenant, id)
        return c && tracker.detail(c, Date.now())
      },
      subscribe(tenant, onUpdate) {
        let set = listeners.get(tenant)
        if (!set) listeners.set(tenant, (set = new Set()))
        set.add(onUpdate)
        return () => set.delete(onUpdate)
      },
      incidents: (tenant, sinceMs, limit) => listIncidents(warehouse, tenant, sinceMs, limit),
    }
    const api = liveRoutes(feed)

    return {
      name: 'conversations',
      banner: [`Live conversations:   ${ctx.url}/live`],
      handlers: [routes(api.routes, { ...byRole(roleGate(ctx.config)), headers: { 'cache-control': 'no-store' } })],
      health: async () => ({
        ok: true,
        detail: {
          rebuilt: caughtUp,
          open: tracker.tenants().reduce((n, t) => n + tracker.list(t).length, 0),
          updates_published: published,
          failures,
        },
      }),
      beforeClose: () => api.close(),
      async stop() {
        clearInterval(tick)
        ocr.unsubscribe()
        await events.stop()
      },
    }
  }
}

function incidentText(i: Incident): string {
  const what = i.rule === 'error_code' ? `error code ${i.key}` : `rule ${i.rule}`
  return i.ended_at === null
    ? `Incident: ${i.conversations} conversations with ${what}`
    : `Incident over: ${what} (${i.conversations} conversations)`
}
