/**
 * NATS cluster, for real: three nats-servers on loopback as one cluster, Mofang with NATS_URL listing all three and
 * MOFANG_NATS_REPLICAS=3, ingest under closed-loop load while the event stream's leader is SIGKILLed and restarted,
 * then the node Mofang is connected to, then a node that is neither. Every event ingest acknowledged (202) is in the
 * warehouse exactly once. The failover times are printed, never asserted (loadtest/nats-cluster-drill.ts).
 */
import { expect, it } from 'vitest'
import { describeDrill, runFailoverDrill } from '../loadtest/nats-cluster-drill.js'

it('loses and duplicates nothing when cluster nodes are SIGKILLed one at a time under load', async () => {
  const report = await runFailoverDrill({ durationS: 40, clients: 4, batch: 100 })
  for (const line of describeDrill(report)) console.log(`[nats-cluster] ${line}`)

  expect(report.failovers).toHaveLength(3)
  expect(report.acked).toBeGreaterThan(0)
  expect(report.lost).toBe(0)
  expect(report.duplicated).toBe(0)
  expect(report.unacknowledgedStored).toBe(0)
  expect(report.storedRows).toBe(report.acked)
}, 150_000)
