/**
 * QA results and wallboard alerts go through JetStream, not core NATS: the stream `<NS>_CX_QA_ALERTS` (subjects
 * `<qaSubject>.<tenant>` and `<alertSubject>.<tenant>`, see topology.ts) keeps them, so the live metrics service
 * replays today's QA figures and the alerts still on the board after a restart. Core NATS subscribers of those
 * subjects still get every message.
 *
 * Each message carries a Nats-Msg-Id, so a publish retried after a lost ack is dropped by the stream's duplicate
 * window instead of stored twice: a QA result's is its tenant, interaction and `ts` (when it was scored or
 * corrected), an alert's its tenant, id and `ts`. A new evaluation, a correction or a raised-again alert has a new
 * `ts` and is stored. Threshold alarms' changes (`<alarmSubject>.<tenant>`) go the same way.
 */
import type { JetStreamClient, PubAck } from '@nats-io/jetstream'
import type { AlarmChange, AlertInput, QaResultInput } from '../core/contracts/index.js'
import type { Topology } from '../core/index.js'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export const qaResultMsgId = (r: QaResultInput) => `qa:${r.tenant}:${r.interaction_id}:${r.ts}`
export const alertMsgId = (a: AlertInput) => `alert:${a.tenant}:${a.id}:${a.ts}`

export interface QaAlertPublishOptions {
  /** How long to wait for JetStream's ack, ms. Default 5,000. */
  timeoutMs?: number
  /** Publishes again (same Nats-Msg-Id) after a failure this many times. Default 2. */
  retries?: number
}

async function publish(
  js: JetStreamClient,
  subject: string,
  body: unknown,
  msgID: string,
  opts: QaAlertPublishOptions,
): Promise<PubAck> {
  const data = encoder.encode(JSON.stringify(body))
  for (let attempt = 0; ; attempt++) {
    try {
      return await js.publish(subject, data, { msgID, timeout: opts.timeoutMs ?? 5_000 })
    } catch (err) {
      if (attempt >= (opts.retries ?? 2)) throw err
    }
  }
}

/** Publishes a QA result on `<qaSubject>.<tenant>`; resolves once JetStream has it (`duplicate` if it had it). */
export const publishQaResult = (
  js: JetStreamClient,
  t: Topology,
  result: QaResultInput,
  opts: QaAlertPublishOptions = {},
): Promise<PubAck> => publish(js, `${t.qaSubject}.${result.tenant}`, result, qaResultMsgId(result), opts)

/**
 * Raises (or, with the same id, updates) an alert on `<alertSubject>.<tenant>`; `ttl_ms: 0` clears it. Resolves
 * once JetStream has it.
 */
export const publishAlert = (
  js: JetStreamClient,
  t: Topology,
  alert: AlertInput,
  opts: QaAlertPublishOptions = {},
): Promise<PubAck> => publish(js, `${t.alertSubject}.${alert.tenant}`, alert, alertMsgId(alert), opts)

/**
 * Publishes an alarm's change on `<alarmSubject>.<tenant>`; `version` numbers the changes of one alarm (its stored
 * row's version), so a retried publish is dropped as a duplicate and the next change is not.
 */
export const publishAlarmChange = (
  js: JetStreamClient,
  t: Topology,
  change: AlarmChange,
  version: number,
  opts: QaAlertPublishOptions = {},
): Promise<PubAck> => {
  const { tenant, key, started_at } = change.alarm
  return publish(js, `${t.alarmSubject}.${tenant}`, change, `alarm:${tenant}:${key}:${started_at}:${version}`, opts)
}

export type QaAlertMessage = { kind: 'qa'; result: QaResultInput } | { kind: 'alert'; alert: AlertInput }

/** A message of the QA and alerts stream, by its subject; throws on a body that is not JSON. */
export function readQaAlertMessage(t: Topology, subject: string, data: Uint8Array): QaAlertMessage | null {
  if (subject.startsWith(`${t.qaSubject}.`))
    return { kind: 'qa', result: JSON.parse(decoder.decode(data)) as QaResultInput }
  if (subject.startsWith(`${t.alertSubject}.`))
    return { kind: 'alert', alert: JSON.parse(decoder.decode(data)) as AlertInput }
  return null
}
