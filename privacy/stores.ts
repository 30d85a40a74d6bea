/** Where a customer's data is held: the warehouse, JetStream (streams and the identity KV bucket) and its names. */
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream'
import type { Topology, Warehouse } from '../core/index.js'

export interface DataStores {
  warehouse: Warehouse
  js: JetStreamClient
  jsm: JetStreamManager
  topology: Topology
}
