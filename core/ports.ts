/**
 * Ports: the interfaces the runtime parts work against, implemented below them (the warehouse client, the
 * NATS connection, the JetStream topology). Types only, so core stays the bottom layer and imports nothing
 * above it; the implementations re-export these names for their callers.
 */
import type { NatsConnection } from '@nats-io/transport-node'

export type Params = Record<string, unknown>

export interface Warehouse {
  /**
   * `chdb` embedded, `http` a ClickHouse server, `owner` the embedded chDB of another Mofang process through its HTTP
   * API (`mofang run` beside `mofang start`: chDB allows one owner process per data directory).
   */
  readonly kind: 'chdb' | 'http' | 'owner'
  readonly database: string
  /** Runs a SELECT and returns its rows as objects. */
  query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>
  /** Runs DDL or any statement without a result. */
  command(sql: string, params?: Params): Promise<void>
  /** Inserts rows as JSONEachRow (the binary formats are corrupted through chDB's connection). */
  insert(table: string, rows: readonly object[], settings?: Record<string, string | number>): Promise<void>
  /**
   * Inserts JSONEachRow bytes as they are: no parse or re-encode in JS (chDB takes the Buffer
   * zero-copy; over HTTP it is the request body). `columns` names the columns the lines fill.
   */
  insertRaw(table: string, body: Buffer, opts?: RawInsertOptions): Promise<void>
  close(): Promise<void>
}

export interface RawInsertOptions {
  columns?: readonly string[]
  settings?: Record<string, string | number>
}

export interface NatsLink {
  nc: NatsConnection
  /** False between a disconnect and the next reconnect. */
  isConnected(): boolean
  close(): Promise<void>
}

/** Names of everything the topology declares; tests pass a unique prefix so they never collide. */
export interface Topology {
  /** Subject prefix: events go to `<prefix>.<tenant>.<channel>.<family>.<name>`. */
  prefix: string
  eventStream: string
  dlqStream: string
  dlqPrefix: string
  identityBucket: string
  /** KV of the saved walls, keyed `<tenant>.<wall id>` (web/server/wall-store.ts). */
  wallBucket: string
  /** KV of the live metrics instances that are up, when they share the tenants out (live-metrics/membership.ts). */
  liveMembersBucket: string
  /** KV of the channels part: open conversations per platform user, and adapters' cursors (channels/sessions.ts). */
  channelBucket: string
  sinkConsumer: string
  /**
   * The stream of QA results and alerts (`<qaSubject>.*`, `<alertSubject>.*`), replayed by the live metrics, and of
   * alarm changes (`<alarmSubject>.*`), for their consumers.
   */
  qaAlertStream: string
  /** Subjects, each followed by `.<tenant>`: */
  /** live metrics snapshots, published at least every second (core NATS, not stored) */
  liveSubject: string
  /** QA results as they are stored (kept in qaAlertStream) */
  qaSubject: string
  /** alerts for the wallboard banner (surges, severe QA flags; kept in qaAlertStream) */
  alertSubject: string
  /** threshold alarms raised, acknowledged and ended (AlarmChange; kept in qaAlertStream) */
  alarmSubject: string
  /** open conversations' changes: mood, flags, facts, messages (ConversationUpdate; core NATS, not stored) */
  conversationSubject: string
  /** what OCR read from a message's images (OcrResult; core NATS, also stored in the warehouse) */
  ocrSubject: string
  /** incidents raised and cleared (Incident; core NATS, also stored in the warehouse) */
  incidentSubject: string
  /** KV of the knowledge base's articles, keyed `<tenant>.<article id>` (assist/) */
  knowledgeBucket: string
}
