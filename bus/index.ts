/**
 * The public API of bus/ (the NATS side: the connection, the managed nats-server, the JetStream topology and its
 * watch, QA results and alerts through JetStream).
 * Other folders import only this file.
 */
export { connectNats } from './connect.js'
export { openKvBucket } from './kv.js'
export { startFeed } from './replay-feed.js'
export type { Feed, FeedOptions } from './replay-feed.js'
export { watchJetStream } from './jetstream-watch.js'
export { startLocalNats } from './nats-server.js'
export type { LocalNats } from './nats-server.js'
export { ensureConsumer, ensureTopology, topologyNames } from './topology.js'
export type { Topology } from './topology.js'
export {
  alertMsgId,
  publishAlarmChange,
  publishAlert,
  publishQaResult,
  qaResultMsgId,
  readQaAlertMessage,
} from './qa-alerts.js'
export type { QaAlertMessage, QaAlertPublishOptions } from './qa-alerts.js'
export { decodeStreamEvents } from './shared-decode.js'
export type { StreamMessage } from './shared-decode.js'
