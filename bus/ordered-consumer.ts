/**
 * An ordered consumer that starts at a time, and survives its own re-creation.
 *
 * nats.js re-creates an ordered consumer after a gap, missed heartbeats or a nats-server restart, from the last
 * sequence it delivered, with a copy of the first consumer's config. A consumer created with `opt_start_time` keeps
 * that time in the copy beside the new start sequence, which the server refuses; the client retries for ever and
 * delivers nothing more (found by the fault test that SIGKILLs the managed nats-server: the live conversations
 * stopped at the kill). So the time is turned into a stream sequence first, by a consumer the server places at that
 * time and that is deleted at once, and the ordered consumer starts at that sequence.
 */
import {
  AckPolicy,
  type Consumer,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream'

export interface OrderedFromOptions {
  stream: string
  /** The first message delivered is the first stored at or after this time, ms since the epoch. */
  from: number
  /** One subject filter (nats-server 2.9: one per consumer); absent = the whole stream. */
  filter?: string
}

/** The sequence of the first message stored at or after `from` (the next one to come when there is none yet). */
async function firstSequenceFrom(jsm: JetStreamManager, stream: string, from: number): Promise<number> {
  const probe = await jsm.consumers.add(stream, {
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: new Date(from).toISOString(),
    mem_storage: true,
    // Gone by itself if the delete below never reaches the server.
    inactive_threshold: 30_000 * 1_000_000, // ns
  })
  await jsm.consumers.delete(stream, probe.name).catch(() => false)
  // A new consumer reports its start as delivered up to the sequence before it.
  return probe.delivered.stream_seq + 1
}

export async function orderedConsumerFrom(
  js: JetStreamClient,
  jsm: JetStreamManager,
  opts: OrderedFromOptions,
): Promise<Consumer> {
  return js.consumers.get(opts.stream, {
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: await firstSequenceFrom(jsm, opts.stream, opts.from),
    ...(opts.filter && { filter_subjects: opts.filter }),
  })
}
