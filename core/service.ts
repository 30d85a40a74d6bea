/**
 * The plug-in contract between the system (system/system.ts) and its components
 * (live metrics, wallboard, QA, forecasting, routing, transcription): types only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream'
import type { Config } from './config.js'
import type { NatsLink, Topology, Warehouse } from './ports.js'

/** A request handler that answers what it owns and resolves false for everything else. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>

export interface HealthCheck {
  name: string
  /** Resolves with the component's state; a throw counts as down. */
  check(): Promise<{ ok: boolean; detail?: Record<string, unknown> }>
}

export interface SystemParts {
  config: Config
  topology: Topology
  nats: NatsLink
  warehouse: Warehouse
  /** API key → tenant. */
  apiKeys: Map<string, string>
  devApiKey?: string
  url: string
  /** The NATS servers this process connected to (NATS_URL, or the managed nats-server's URL), for its processes. */
  natsServers: string
  /** Bearer token of this process's admin endpoints (/v1/sql), for services that offer admin actions. */
  adminToken: string
  /**
   * Stores events that a connector made from a platform's request (channels, the PBX feed), for a tenant it
   * authenticated: ingest's checks, dedup window and JetStream acknowledgement (ingest/events-endpoint.ts submit).
   */
  submitEvents(tenant: string, events: unknown[]): Promise<{ accepted: number; duplicates: number }>
}

/** What a service gets to work with. */
export interface ServiceContext extends SystemParts {
  js: JetStreamClient
  jsm: JetStreamManager
  log: (msg: string) => void
}

/** A component plugged into the system: its HTTP routes, its health, its shutdown. */
export interface Service {
  name: string
  /** Tried in order after the core routes. */
  handlers?: Handler[]
  health?: HealthCheck['check']
  /** Prometheus exposition lines for GET /metrics (e.g. its drop counters). */
  metrics?(): string
  /** Lines `mofang start` prints under the URL (e.g. the wallboard link). */
  banner?: string[]
  /** Called before the HTTP server closes (e.g. to end open SSE streams). */
  beforeClose?(): void
  stop(): Promise<void>
}

export type ServiceFactory = ((ctx: ServiceContext) => Promise<Service>) & {
  /** The service's name before it has started, for logs and /healthz while its start is retried. */
  serviceName?: string
}

/** Names a factory (see ServiceFactory.serviceName). */
export const namedService = (serviceName: string, factory: (ctx: ServiceContext) => Promise<Service>): ServiceFactory =>
  Object.assign(factory, { serviceName })
