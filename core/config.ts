/**
 * Typed configuration from the environment, validated at boot.
 * Every setting is declared once here: its variable, type, default and meaning.
 * `mofang config` prints this table; the README's settings table mirrors it.
 */
import { isIP } from 'node:net'
import { ConfigError } from './errors.js'

type Kind = 'string' | 'int' | 'number' | 'url' | 'bool'

interface Setting<K extends Kind> {
  env: string
  kind: K
  default?: K extends 'int' | 'number' ? number : K extends 'bool' ? boolean : string
  min?: number
  max?: number
  doc: string
}

const s = <const T extends Setting<Kind>>(x: T): T => x

/** Every environment variable Mofang reads. */
export const SETTINGS = {
  host: s({ env: 'MOFANG_HOST', kind: 'string', default: '127.0.0.1', doc: 'address the HTTP server binds to' }),
  port: s({
    env: 'MOFANG_PORT',
    kind: 'int',
    default: 8080,
    min: 0,
    max: 65535,
    doc: 'HTTP port of the ingest API and wallboard',
  }),
  dataDir: s({
    env: 'MOFANG_DATA_DIR',
    kind: 'string',
    default: './data',
    doc: 'embedded data: nats/ (JetStream) and clickhouse/ (chDB)',
  }),
  apiKeys: s({
    env: 'MOFANG_API_KEYS',
    kind: 'string',
    doc: 'tenant:key pairs, comma separated; unset = one dev key for tenant "demo", kept in <data>/dev-api-key.json',
  }),
  natsUrl: s({
    env: 'NATS_URL',
    kind: 'url',
    doc: 'external NATS server(s), comma separated (a cluster: every node, nats://a:4222,nats://b:4222,…); unset = start a local nats-server',
  }),
  natsUser: s({ env: 'NATS_USER', kind: 'string', doc: 'NATS user' }),
  natsPassword: s({ env: 'NATS_PASSWORD', kind: 'string', doc: 'NATS password' }),
  natsToken: s({ env: 'NATS_TOKEN', kind: 'string', doc: 'NATS auth token' }),
  natsReplicas: s({
    env: 'MOFANG_NATS_REPLICAS',
    kind: 'int',
    default: 1,
    min: 1,
    max: 5,
    doc: 'replicas of every JetStream stream and KV bucket (3 on a three-node cluster; at most the number of nodes)',
  }),
  streamMaxAgeHours: s({
    env: 'MOFANG_STREAM_MAX_AGE_HOURS',
    kind: 'int',
    default: 168,
    min: 1,
    doc: 'how long the event stream keeps events, hours',
  }),
  streamMaxBytes: s({
    env: 'MOFANG_STREAM_MAX_BYTES',
    kind: 'int',
    default: 0,
    min: 0,
    doc: 'most bytes the event stream holds; when full ingest answers 503 (0 = half the free space of the data directory with the managed nats-server, no limit with NATS_URL); at least 1 MiB',
  }),
  sinkMaxLagSeconds: s({
    env: 'MOFANG_SINK_MAX_LAG_S',
    kind: 'int',
    default: 0,
    min: 0,
    doc: "ingest answers 503 while the sink's oldest unstored event is older than this, seconds (0 = half of MOFANG_STREAM_MAX_AGE_HOURS); below the stream's max age",
  }),
  qaStreamMaxAgeHours: s({
    env: 'MOFANG_QA_STREAM_MAX_AGE_HOURS',
    kind: 'int',
    default: 72,
    min: 50,
    doc: 'how long the QA results and alerts stream keeps them, hours (the wall replays up to 50 h back at start)',
  }),
  qaSampleShare: s({
    env: 'MOFANG_QA_SAMPLE_SHARE',
    kind: 'number',
    default: 0.05,
    min: 0,
    max: 1,
    doc: "share of each agent's unflagged interactions of a week drawn for review (qa/sample.ts), 0-1; 0 = none",
  }),
  // Data lifecycle (privacy/, warehouse/retention.ts): whole days, unset = kept for ever (what Mofang did before).
  retentionEventsDays: s({
    env: 'MOFANG_RETENTION_EVENTS_DAYS',
    kind: 'int',
    min: 1,
    max: 36_500,
    doc: 'days events are kept (events, interactions, customer aliases; caps the event stream and dead letters); unset = for ever',
  }),
  retentionTranscriptsDays: s({
    env: 'MOFANG_RETENTION_TRANSCRIPTS_DAYS',
    kind: 'int',
    min: 1,
    max: 36_500,
    doc: 'days call transcripts and message text (chat.message, ticket.comment, survey.comment events) are kept; unset = for ever',
  }),
  retentionQaDays: s({
    env: 'MOFANG_RETENTION_QA_DAYS',
    kind: 'int',
    min: 1,
    max: 36_500,
    doc: 'days QA results, flags and reviews are kept, from the interaction (reviews: from the review); unset = for ever',
  }),
  retentionRecordingsDays: s({
    env: 'MOFANG_RETENTION_RECORDINGS_DAYS',
    kind: 'int',
    min: 1,
    max: 36_500,
    doc: 'days recording files under MOFANG_RECORDINGS_DIR are kept (by file age; swept hourly); unset = for ever',
  }),
  retentionReportsDays: s({
    env: 'MOFANG_RETENTION_REPORTS_DAYS',
    kind: 'int',
    min: 1,
    max: 36_500,
    doc: 'days computed outputs are kept (forecasts, surge alerts, report tables); unset = for ever',
  }),
  retentionIdentitiesDays: s({
    env: 'MOFANG_RETENTION_IDENTITIES_DAYS',
    kind: 'int',
    min: 1,
    max: 36_500,
    doc: 'days an identity (phone, openid…) stays linked to its customer in the identity KV bucket, from first seen; unset = for ever',
  }),
  recordingsDir: s({
    env: 'MOFANG_RECORDINGS_DIR',
    kind: 'string',
    doc: 'directory of call recordings Mofang may delete (retention sweep, customer erase); unset = recordings are not deleted',
  }),
  clickhouseUrl: s({
    env: 'CLICKHOUSE_URL',
    kind: 'url',
    doc: 'ClickHouse HTTP endpoint; unset = embedded chDB under <data>/clickhouse',
  }),
  warehouseUrl: s({
    env: 'MOFANG_WAREHOUSE_URL',
    kind: 'url',
    doc: "for `mofang run` beside a `mofang start` on embedded chDB: that server's URL, whose chDB the parts then use through it (with MOFANG_WAREHOUSE_TOKEN)",
  }),
  warehouseToken: s({
    env: 'MOFANG_WAREHOUSE_TOKEN',
    kind: 'string',
    doc: 'the admin token of the server MOFANG_WAREHOUSE_URL names (its <data>/mofang.lock.json)',
  }),
  clickhouseUser: s({ env: 'CLICKHOUSE_USER', kind: 'string', default: 'default', doc: 'ClickHouse user' }),
  clickhousePassword: s({ env: 'CLICKHOUSE_PASSWORD', kind: 'string', default: '', doc: 'ClickHouse password' }),
  clickhouseDatabase: s({
    env: 'CLICKHOUSE_DATABASE',
    kind: 'string',
    default: 'mofang',
    doc: 'database holding the Mofang tables',
  }),
  clickhouseCluster: s({
    env: 'CLICKHOUSE_CLUSTER',
    kind: 'string',
    doc: 'cluster name: migrations add ON CLUSTER and Replicated engines',
  }),
  maxBodyBytes: s({
    env: 'MOFANG_MAX_BODY_BYTES',
    kind: 'int',
    default: 16 * 1024 * 1024,
    min: 1024,
    doc: 'largest accepted POST /v1/events body, bytes (413 above)',
  }),
  maxBatchEvents: s({
    env: 'MOFANG_MAX_BATCH_EVENTS',
    kind: 'int',
    default: 20_000,
    min: 1,
    doc: 'most events in one POST /v1/events (413 above)',
  }),
  // The accepted `ts` window (core/validate.ts TsRange): a little clock skew ahead, years of history behind.
  maxFutureSeconds: s({
    env: 'MOFANG_MAX_FUTURE_S',
    kind: 'int',
    default: 300,
    min: 0,
    max: 31_622_400,
    doc: 'latest accepted event ts, seconds ahead of the server clock at receipt (400 beyond)',
  }),
  maxPastDays: s({
    env: 'MOFANG_MAX_PAST_DAYS',
    kind: 'int',
    default: 1830,
    min: 1,
    max: 36_500,
    doc: 'oldest accepted event ts, days before the server clock at receipt (400 beyond; about five years of imports)',
  }),
  dedupWindowSeconds: s({
    env: 'MOFANG_DEDUP_WINDOW_S',
    kind: 'int',
    default: 600,
    min: 1,
    doc: 'a repeated event_id within this many seconds is absorbed',
  }),
  sinkBatchRows: s({
    env: 'MOFANG_SINK_BATCH_ROWS',
    kind: 'int',
    default: 20_000,
    min: 1,
    doc: 'warehouse sink flushes at this many rows…',
  }),
  sinkFlushMs: s({
    env: 'MOFANG_SINK_FLUSH_MS',
    kind: 'int',
    default: 250,
    min: 1,
    doc: '…or this many ms after the first unflushed row',
  }),
  sinkAckWaitMs: s({
    env: 'MOFANG_SINK_ACK_WAIT_MS',
    kind: 'int',
    default: 30_000,
    min: 1_000,
    doc: "JetStream redelivers an unacked message after this many ms (a crashed sink's work resumes after it)",
  }),
  sinkStallSeconds: s({
    env: 'MOFANG_SINK_STALL_S',
    kind: 'int',
    default: 60,
    min: 1,
    doc: "/healthz is unhealthy while the sink's oldest unwritten message is older than this, seconds",
  }),
  ingestMaxInFlightBytes: s({
    env: 'MOFANG_INGEST_MAX_INFLIGHT_BYTES',
    kind: 'int',
    default: 48 * 1024 * 1024,
    min: 1024,
    doc: 'most bytes of event batches ingest holds at once (429 above, before anything is kept)',
  }),
  redactTenants: s({
    env: 'MOFANG_REDACT_TENANTS',
    kind: 'string',
    default: '*',
    doc: 'tenants (comma separated, * = all) whose events and transcripts are stored redacted: free text PII-masked, customer identities kept as hashes; none = everything stored as sent',
  }),
  minFreeMb: s({
    env: 'MOFANG_MIN_FREE_MB',
    kind: 'int',
    default: 64,
    min: 0,
    doc: 'ingest answers 507 while the data directory has less free space than this, MiB',
  }),
  startTimeoutSeconds: s({
    env: 'MOFANG_START_TIMEOUT_S',
    kind: 'int',
    default: 120,
    min: 1,
    doc: 'how long start-up retries NATS before it gives up, seconds (services retry for ever)',
  }),
  drainTimeoutSeconds: s({
    env: 'MOFANG_DRAIN_TIMEOUT_S',
    kind: 'int',
    default: 20,
    min: 1,
    doc: 'a drain stops after this many seconds, leaving unwritten events unacked for redelivery',
  }),
  timeZone: s({
    env: 'MOFANG_TIMEZONE',
    kind: 'string',
    default: 'Asia/Shanghai',
    doc: 'the contact centre\'s IANA time zone: "today", intervals and open hours',
  }),
  reportRepeatDays: s({
    env: 'MOFANG_REPORT_REPEAT_DAYS',
    kind: 'int',
    default: 7,
    min: 1,
    max: 30,
    doc: 'reports: a contact whose customer comes back (any channel) within this many days was not resolved at first contact',
  }),
  displayTokens: s({
    env: 'MOFANG_DISPLAY_TOKENS',
    kind: 'string',
    doc: 'read-only wall display tokens, tenant:token pairs; unset (and no MOFANG_USERS) = a dev token in <data>',
  }),
  users: s({
    env: 'MOFANG_USERS',
    kind: 'string',
    doc:
      'user:tenant:roles:hash entries, roles joined by + (display agent supervisor qa_reviewer qa_manager planner ' +
      'exec admin; hash: `mofang wallboard hash-password`); unset = dev user "admin" with every role in <data>',
  }),
  allowedOrigins: s({
    env: 'MOFANG_ALLOWED_ORIGINS',
    kind: 'string',
    doc: "origins besides the server's own that may POST with a sign-in cookie (e.g. behind a proxy), comma-separated",
  }),
  sessionSecret: s({
    env: 'MOFANG_SESSION_SECRET',
    kind: 'string',
    doc: 'HMAC key for sign-in cookies (32+ characters); unset = random per data directory',
  }),
  cookieSecure: s({
    env: 'MOFANG_COOKIE_SECURE',
    kind: 'string',
    default: 'auto',
    doc: 'mark the sign-in cookie Secure: true, false, or auto (when the request came over HTTPS or X-Forwarded-Proto: https)',
  }),
  trustedProxies: s({
    env: 'MOFANG_TRUSTED_PROXIES',
    kind: 'string',
    doc: 'addresses of reverse proxies whose X-Forwarded-For names the client (sign-in limits per address); unset = none',
  }),
  metricsToken: s({
    env: 'MOFANG_METRICS_TOKEN',
    kind: 'string',
    doc: 'bearer token (16+ characters) for GET /metrics and the details of /healthz; the admin token always works',
  }),
  alarmRules: s({
    env: 'MOFANG_ALARM_RULES',
    kind: 'string',
    doc: "threshold alarm rules of every tenant besides the walls' own: a file, or rules inline separated by ; (`id: metric scope above|below N [window 30m] [for 5m] [clear 2m] critical|warning`, `[tenant]` starts rules of one tenant); unset = the demo rules (SL, longest wait, CSAT, no agent ready); none = no rules",
  }),
  channelsConfig: s({
    env: 'MOFANG_CHANNELS',
    kind: 'string',
    doc: 'channel credentials per tenant and platform (JSON file: {"<tenant>": {"wechat": {...}, "line": {...}}}); unset = the dev tenant "demo" gets every platform with generated credentials, kept in <data>/dev-channels.json',
  }),
  channelSessionIdleMinutes: s({
    env: 'MOFANG_CHANNEL_SESSION_IDLE_MIN',
    kind: 'int',
    default: 30,
    min: 1,
    max: 10_080,
    doc: "a platform message starts a new conversation when the customer's last one on that channel is idle this long, minutes",
  }),
  channelMaxBodyBytes: s({
    env: 'MOFANG_CHANNEL_MAX_BODY_BYTES',
    kind: 'int',
    default: 32 * 1024 * 1024,
    min: 1024,
    doc: 'largest webhook body a channel accepts (e-mail with attachments), bytes (413 above)',
  }),
  pbxAmi: s({
    env: 'MOFANG_PBX_AMI',
    kind: 'string',
    doc: 'Asterisk AMI feeds (voice events from the PBX), comma separated: <tenant>=ami://<user>:<secret>@<host>[:<port>][?agents=<file.json>&inbound=<context>&recordings=<url>&monitor_dir=<path>&recording_channels=1|2]',
  }),
  routingConfig: s({
    env: 'MOFANG_ROUTING_CONFIG',
    kind: 'string',
    doc: 'routing configuration file (YAML/JSON); set = run the router (reload: SIGHUP or POST /api/routing/config)',
  }),
  qaScorecards: s({
    env: 'MOFANG_QA_SCORECARDS',
    kind: 'string',
    doc: "directory of QA scorecard files <tenant>/<queue>[.<channel>].yaml, read at start (a changed file becomes its scope's next version); unset = the shipped defaults and what QA managers save in the editor",
  }),
  whisperModel: s({
    env: 'WHISPER_MODEL',
    kind: 'string',
    doc: 'Whisper ggml model file for call transcription; unset = the largest ggml-*.bin in <data>/models (`mofang models pull tiny`)',
  }),
  ocrWorkers: s({
    env: 'MOFANG_OCR_WORKERS',
    kind: 'int',
    default: 1,
    min: 0,
    max: 16,
    doc: 'OCR worker threads reading images on chat messages and ticket comments (~1.7 s of CPU a screenshot, ~60 MB each); 0 = OCR off',
  }),
  forecastEveryMin: s({
    env: 'MOFANG_FORECAST_EVERY_MIN',
    kind: 'int',
    default: 15,
    min: 0,
    max: 1440,
    doc: 'minutes between forecast runs (0 = only at start)',
  }),
  forecastHistoryDays: s({
    env: 'MOFANG_FORECAST_HISTORY_DAYS',
    kind: 'int',
    default: 56,
    min: 7,
    max: 730,
    doc: 'days of history forecasts train on',
  }),
  forecastDays: s({
    env: 'MOFANG_FORECAST_DAYS',
    kind: 'int',
    default: 8,
    min: 1,
    max: 35,
    doc: 'local days forecast, today included',
  }),
  slTargets: s({
    env: 'MOFANG_SL_TARGETS',
    kind: 'string',
    default: 'voice:80/20,*:80/60',
    doc: 'service-level target per channel for staffing (* = every other channel)',
  }),
  chatConcurrency: s({
    env: 'MOFANG_CHAT_CONCURRENCY',
    kind: 'string',
    default: '3',
    doc: 'chats an agent handles at once when staffing chat channels (webchat, app, wechat, wecom, dingtalk, facebook, line): 1-8 for every queue, then queue:k overrides, e.g. 3,vip:2',
  }),
  chatSlowdown: s({
    env: 'MOFANG_CHAT_SLOWDOWN',
    kind: 'number',
    default: 0.25,
    min: 0,
    max: 1,
    doc: 'each further chat an agent holds lengthens every chat by this share of its handle time alone (0 = the measured chat AHT already includes it)',
  }),
  weatherSource: s({
    env: 'MOFANG_WEATHER_SOURCE',
    kind: 'string',
    default: 'none',
    doc: 'none, a weather feed file (JSON or CSV), or an Open-Meteo base URL',
  }),
  weatherRegions: s({
    env: 'MOFANG_WEATHER_REGIONS',
    kind: 'string',
    doc: 'JSON array (inline or a file) of { region, latitude, longitude, queues }',
  }),
  surgeHours: s({
    env: 'MOFANG_SURGE_HOURS',
    kind: 'int',
    default: 6,
    min: 1,
    max: 48,
    doc: 'hours ahead the surge detector looks',
  }),
  surgeThreshold: s({
    env: 'MOFANG_SURGE_THRESHOLD',
    kind: 'number',
    default: 0.15,
    min: 0,
    max: 10,
    doc: 'surge alert when extra contacts reach this share of the forecast…',
  }),
  surgeMinContacts: s({
    env: 'MOFANG_SURGE_MIN_CONTACTS',
    kind: 'int',
    default: 20,
    min: 0,
    max: 1_000_000,
    doc: '…and at least this many contacts',
  }),
  rainUpliftPer10mm: s({
    env: 'MOFANG_RAIN_UPLIFT_PER_10MM',
    kind: 'number',
    default: 0.3,
    min: -0.9,
    max: 10,
    doc: 'volume change per 10 mm/h of rain used by the surge detector',
  }),
  reportSchedules: s({
    env: 'MOFANG_REPORT_SCHEDULES',
    kind: 'string',
    doc: 'scheduled report emails: JSON array (inline or a file) of { tenant, period: daily|weekly|monthly, recipients, id?, at? "08:00", time_zone?, lang? zh|en, formats? [pdf, xlsx] }; unset = none',
  }),
  smtpUrl: s({
    env: 'MOFANG_SMTP_URL',
    kind: 'url',
    doc: 'SMTP server for report emails: smtp://host:587 (STARTTLS when offered) or smtps://host:465; needed with MOFANG_REPORT_SCHEDULES',
  }),
  smtpUser: s({ env: 'MOFANG_SMTP_USER', kind: 'string', doc: 'SMTP user (or in the URL)' }),
  smtpPassword: s({ env: 'MOFANG_SMTP_PASSWORD', kind: 'string', doc: 'SMTP password (or in the URL)' }),
  smtpFrom: s({
    env: 'MOFANG_SMTP_FROM',
    kind: 'string',
    doc: 'sender of report emails, reports@example.com or "Mofang <reports@example.com>"; needed with MOFANG_REPORT_SCHEDULES',
  }),
  smtpTls: s({
    env: 'MOFANG_SMTP_TLS',
    kind: 'string',
    default: 'auto',
    doc: 'auto (STARTTLS when offered; smtps:// is TLS throughout), require (never send in the clear) or off (never STARTTLS: a local relay)',
  }),
  smtpTlsVerify: s({
    env: 'MOFANG_SMTP_TLS_VERIFY',
    kind: 'bool',
    default: true,
    doc: "check the SMTP server's certificate; false for a relay with a self-signed one",
  }),
  partProcesses: s({
    env: 'MOFANG_PART_PROCESSES',
    kind: 'string',
    default: 'auto',
    doc: '`mofang start` only: parts run as supervised processes of their own (`mofang run PART`, restarted on a crash), comma-separated (live_metrics, ocr), so they use other cores; none = every part in the one process; auto = live_metrics,ocr on 4 or more cores, none below (on 2 cores the split measured no faster and slower to store). Parts with routes stay in the start process',
  }),
  livePartitioning: s({
    env: 'MOFANG_LIVE_PARTITIONING',
    kind: 'string',
    default: 'off',
    doc: 'off (this live metrics instance follows every tenant) or kv (the instances that are up share the tenants out through a NATS KV bucket of members)',
  }),
  liveReplyLimitSeconds: s({
    env: 'MOFANG_LIVE_REPLY_LIMIT_SECONDS',
    kind: 'int',
    default: 60,
    min: 5,
    max: 3600,
    doc: "a customer message unanswered by the conversation's agent this long flags it agent_not_replying on /live, seconds",
  }),
  liveSilenceSeconds: s({
    env: 'MOFANG_LIVE_SILENCE_SECONDS',
    kind: 'int',
    default: 180,
    min: 10,
    max: 86400,
    doc: 'nobody writing this long in a chat with an agent flags it long_silence on /live, seconds',
  }),
  incidentMinConversations: s({
    env: 'MOFANG_INCIDENT_MIN_CONVERSATIONS',
    kind: 'int',
    default: 5,
    min: 2,
    max: 10000,
    doc: 'conversations sharing an error code (or an incident rule) within MOFANG_INCIDENT_WINDOW_MINUTES that raise an incident',
  }),
  incidentWindowMinutes: s({
    env: 'MOFANG_INCIDENT_WINDOW_MINUTES',
    kind: 'int',
    default: 10,
    min: 1,
    max: 1440,
    doc: 'the incident window, minutes; an incident clears once its rate stayed below the threshold for as long',
  }),
  incidentRules: s({
    env: 'MOFANG_INCIDENT_RULES',
    kind: 'string',
    doc: "incident rules beside shared error codes: name: word|word|/regex/; …, e.g. login: 无法登录|can't log in; unset = error codes only",
  }),
} as const

type Settings = typeof SETTINGS
type ValueOf<S> = S extends { kind: infer K }
  ? | (K extends 'int' | 'number' ? number : K extends 'bool' ? boolean : string)
    | (S extends { default: unknown } ? never : undefined)
  : never
export type Config = { [K in keyof Settings]: ValueOf<Settings[K]> }

function parseOne(setting: Setting<Kind>, raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return setting.default
  switch (setting.kind) {
    case 'int':
    case 'number': {
      const whole = setting.kind === 'int'
      if (!(whole ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(raw.trim()))
        throw new ConfigError(setting.env, `expected ${whole ? 'a whole number' : 'a number'}, got "${raw}"`)
      const n = Number(raw)
      if (setting.min !== undefined && n < setting.min)
        throw new ConfigError(setting.env, `must be ≥ ${setting.min}, got ${n}`)
      if (setting.max !== undefined && n > setting.max)
        throw new ConfigError(setting.env, `must be ≤ ${setting.max}, got ${n}`)
      return n
    }
    case 'bool':
      if (/^(1|true|yes|on)$/i.test(raw)) return true
      if (/^(0|false|no|off)$/i.test(raw)) return false
      throw new ConfigError(setting.env, `expected true or false, got "${raw}"`)
    case 'url':
      for (const part of raw.split(',')) {
        try {
          new URL(part.trim())
        } catch {
          throw new ConfigError(setting.env, `not a URL: "${part.trim()}"`)
        }
      }
      return raw
    default:
      return raw
  }
}

/** Reads and validates every setting; throws a ConfigError naming the variable on the first bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {}
  for (const [key, setting] of Object.entries(SETTINGS)) out[key] = parseOne(setting as Setting<Kind>, env[setting.env])
  const cfg = out as Config
  if (cfg.apiKeys !== undefined) parseApiKeys(cfg.apiKeys)
  checkNatsServers(cfg)
  checkAccessSettings(cfg)
  checkMailSettings(cfg)
  checkRetentionSettings(cfg)
  out.streamMaxAgeHours = eventStreamHours(cfg, env)
  checkBackpressureSettings(cfg)
  checkWarehouseOwner(cfg)
  if (!['off', 'kv'].includes(cfg.livePartitioning))
    throw new ConfigError('MOFANG_LIVE_PARTITIONING', `expected off or kv, got "${cfg.livePartitioning}"`)
  if (env.MOFANG_SUPERVISORS !== undefined)
    throw new ConfigError(
      'MOFANG_SUPERVISORS',
      "renamed to MOFANG_USERS, which names each user's roles: user:tenant:roles:hash, e.g. lin:acme:supervisor+qa_reviewer:scrypt$…",
    )
  try {
    new Intl.DateTimeFormat('en', { timeZone: cfg.timeZone })
  } catch {
    throw new ConfigError(
      'MOFANG_TIMEZONE',
      `unknown time zone "${cfg.timeZone}" (use an IANA name such as Asia/Shanghai)`,
    )
  }
  return cfg
}

/** A comma-separated setting as its trimmed, non-empty parts. */
export const parseList = (raw: string | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)

/**
 * NATS_URL: the servers the client connects to and reconnects among, each nats://host:port or tls://host:port (what
 * the Node client takes). Checked here because a typo would otherwise only show as reconnect attempts that never
 * succeed, and a listed node that is a duplicate gives no redundancy.
 */
function checkNatsServers(cfg: Config): void {
  if (cfg.natsUrl === undefined) return
  const servers = cfg.natsUrl.split(',').map((p) => p.trim())
  const seen = new Set<string>()
  for (const server of servers) {
    if (!/^(nats|tls):\/\/([^@/\s]+@)?(\[[0-9a-fA-F:.]+\]|[^:/\s@[\]]+)(:\d{1,5})?\/?$/.test(server))
      throw new ConfigError(
        'NATS_URL',
        `expected nats://host[:port] (or tls://host[:port]) for every server, comma separated, got "${server}"`,
      )
    const { hostname, port } = new URL(server)
    // 4222: the port a server without one gets, in the client as in nats-server.
    const address = `${hostname}:${port || 4222}`
    if (seen.has(address)) throw new ConfigError('NATS_URL', `lists ${address} twice`)
    seen.add(address)
  }
}

/** MOFANG_WAREHOUSE_URL and its token come together, and never beside a ClickHouse server of its own. */
function checkWarehouseOwner(cfg: Config): void {
  if (cfg.warehouseUrl === undefined) {
    if (cfg.warehouseToken !== undefined)
      throw new ConfigError('MOFANG_WAREHOUSE_TOKEN', 'set only with MOFANG_WAREHOUSE_URL')
    return
  }
  if (!/^https?:\/\/[^\s]+$/.test(cfg.warehouseUrl))
    throw new ConfigError('MOFANG_WAREHOUSE_URL', `expected http(s)://host:port, got "${cfg.warehouseUrl}"`)
  if (!cfg.warehouseToken)
    throw new ConfigError(
      'MOFANG_WAREHOUSE_TOKEN',
      'required with MOFANG_WAREHOUSE_URL: the admin token of that server',
    )
  if (cfg.clickhouseUrl !== undefined)
    throw new ConfigError('MOFANG_WAREHOUSE_URL', 'set it or CLICKHOUSE_URL, not both')
}

/** The sign-in and monitoring secrets and switches, each refused with a message naming its variable. */
function checkAccessSettings(cfg: Config): void {
  if (cfg.sessionSecret !== undefined && cfg.sessionSecret.length < 32)
    throw new ConfigError(
      'MOFANG_SESSION_SECRET',
      `must be at least 32 characters, got ${cfg.sessionSecret.length} (make one: openssl rand -hex 32)`,
    )
  if (!['true', 'false', 'auto'].includes(cfg.cookieSecure))
    throw new ConfigError('MOFANG_COOKIE_SECURE', `expected true, false or auto, got "${cfg.cookieSecure}"`)
  for (const origin of parseList(cfg.allowedOrigins))
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new ConfigError('MOFANG_ALLOWED_ORIGINS', `expected origins such as https://host[:port], got "${origin}"`)
  for (const proxy of parseList(cfg.trustedProxies))
    if (!isIP(proxy)) throw new ConfigError('MOFANG_TRUSTED_PROXIES', `expected IP addresses, got "${proxy}"`)
  if (cfg.metricsToken !== undefined && cfg.metricsToken.length < 16)
    throw new ConfigError('MOFANG_METRICS_TOKEN', `must be at least 16 characters, got ${cfg.metricsToken.length}`)
}

/** The report emails' server and sender; the schedules themselves are checked by the delivery service at start. */
function checkMailSettings(cfg: Config): void {
  if (!['auto', 'require', 'off'].includes(cfg.smtpTls))
    throw new ConfigError('MOFANG_SMTP_TLS', `expected auto, require or off, got "${cfg.smtpTls}"`)
  if (cfg.smtpUrl !== undefined && !/^smtps?:\/\/[^/]/.test(cfg.smtpUrl))
    throw new ConfigError('MOFANG_SMTP_URL', `expected smtp://host[:port] or smtps://host[:port], got "${cfg.smtpUrl}"`)
  if (cfg.smtpFrom !== undefined && !/@[^\s@>]+>?\s*$/.test(cfg.smtpFrom))
    throw new ConfigError('MOFANG_SMTP_FROM', `expected an email address, got "${cfg.smtpFrom}"`)
  if (cfg.reportSchedules === undefined) return
  if (cfg.smtpUrl === undefined)
    throw new ConfigError('MOFANG_SMTP_URL', 'needed to send the reports in MOFANG_REPORT_SCHEDULES (smtp://host:587)')
  if (cfg.smtpFrom === undefined)
    throw new ConfigError(
      'MOFANG_SMTP_FROM',
      'needed to send the reports in MOFANG_REPORT_SCHEDULES (reports@example.com)',
    )
}

/** The recordings' retention needs the directory Mofang may delete them from. */
function checkRetentionSettings(cfg: Config): void {
  if (cfg.retentionRecordingsDays !== undefined && cfg.recordingsDir === undefined)
    throw new ConfigError(
      'MOFANG_RETENTION_RECORDINGS_DAYS',
      'needs MOFANG_RECORDINGS_DIR, the directory whose recordings Mofang may delete',
    )
}

/** Smallest MOFANG_STREAM_MAX_BYTES: room for one packed message (900 KiB, ingest/publish.ts) and a little more. */
const MIN_STREAM_BYTES = 2 ** 20

/** The event stream's limits (ingest/admission-backlog.ts): a stream that can hold a message, a lag under its age. */
function checkBackpressureSettings(cfg: Config): void {
  if (cfg.streamMaxBytes !== 0 && cfg.streamMaxBytes < MIN_STREAM_BYTES)
    throw new ConfigError(
      'MOFANG_STREAM_MAX_BYTES',
      `must be 0 (auto) or at least ${MIN_STREAM_BYTES} (1 MiB), got ${cfg.streamMaxBytes}`,
    )
  if (cfg.sinkMaxLagSeconds >= cfg.streamMaxAgeHours * 3600)
    throw new ConfigError(
      'MOFANG_SINK_MAX_LAG_S',
      `${cfg.sinkMaxLagSeconds} s is not below the stream's max age (MOFANG_STREAM_MAX_AGE_HOURS = ${cfg.streamMaxAgeHours} h): events would age out of the stream before ingest refuses`,
    )
}

/**
 * How long the event stream keeps events: it holds events too, so no longer than MOFANG_RETENTION_EVENTS_DAYS. Its
 * default age is cut to that; a longer one set on purpose is refused.
 */
function eventStreamHours(cfg: Config, env: NodeJS.ProcessEnv): number {
  if (cfg.retentionEventsDays === undefined) return cfg.streamMaxAgeHours
  const eventHours = cfg.retentionEventsDays * 24
  if (cfg.streamMaxAgeHours <= eventHours) return cfg.streamMaxAgeHours
  if (env.MOFANG_STREAM_MAX_AGE_HOURS)
    throw new ConfigError(
      'MOFANG_STREAM_MAX_AGE_HOURS',
      `${cfg.streamMaxAgeHours} h keeps events longer than MOFANG_RETENTION_EVENTS_DAYS (${cfg.retentionEventsDays} days = ${eventHours} h)`,
    )
  return eventHours
}

/** `tenant:key,tenant:key` → key → tenant. */
export function parseApiKeys(raw: string): Map<string, string> {
  const keys = new Map<string, string>()
  for (const pair of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf(':')
    const tenant = pair.slice(0, at),
      key = pair.slice(at + 1)
    if (at <= 0 || !key) throw new ConfigError('MOFANG_API_KEYS', `expected tenant:key, got "${pair}"`)
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(tenant))
      throw new ConfigError('MOFANG_API_KEYS', `bad tenant name "${tenant}" (lower-case letters, digits, _ and -)`)
    if (key.length < 16)
      throw new ConfigError('MOFANG_API_KEYS', `key for tenant "${tenant}" is shorter than 16 characters`)
    keys.set(key, tenant)
  }
  return keys
}

/** The settings table as text, for `mofang config` and the README. */
export function describeSettings(): string {
  return Object.values(SETTINGS)
    .map((st) => `${st.env.padEnd(28)} ${String('default' in st ? st.default : '(unset)').padEnd(14)} ${st.doc}`)
    .join('\n')
}
