/**
 * `npm run bench:nats-cluster`: the NATS cluster failover drill (loadtest/nats-cluster-drill.ts), run --runs times.
 * Prints each run's counts (acknowledged, stored, lost, duplicated) and, per SIGKILLed node, the time until ingest
 * answered 202 again, then the spread of those times over every run: the numbers the README quotes.
 */
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { tempDir } from '../testing/index.js'
import { helpOnRequest, percentile } from './bench-util.js'
import { describeDrill, runFailoverDrill, type Failover, type FailoverDrillReport } from './nats-cluster-drill.js'

helpOnRequest(`Usage: npm run bench:nats-cluster -- [--runs 1] [--duration 40] [--clients 4] [--batch 100] [--down S]

Three nats-servers on loopback as one cluster, Mofang (ingest + sink) with NATS_URL listing them and every stream
at three replicas, closed-loop ingest load; the event stream's leader is SIGKILLed and restarted, then the node
Mofang is connected to, then a node that is neither. Counts every acknowledged event in the warehouse and times each failover.
  --runs      drills, each on a fresh cluster (default 1)
  --duration  seconds of load per drill (default 40)
  --clients   concurrent closed-loop HTTP clients (default 4)
  --batch     events per POST (default 100)
  --down      seconds each killed node stays down (default a fifth of --duration)`)

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1' },
    duration: { type: 'string', default: '40' },
    clients: { type: 'string', default: '4' },
    batch: { type: 'string', default: '100' },
    down: { type: 'string' },
  },
})
const runs = Number(values.runs)
console.log(
  `${availableParallelism()} cores; ${runs} drill(s) × ${values.duration} s load, ${values.clients} clients × ${values.batch} events per POST`,
)

// One Mofang data directory for every drill: chDB opens one per process.
const mofang = tempDir('bench-nats-cluster')
const reports: FailoverDrillReport[] = []
for (let run = 1; run <= runs; run++) {
  const report = await runFailoverDrill({
    mofangDir: mofang.path,
    durationS: Number(values.duration),
    clients: Number(values.clients),
    batch: Number(values.batch),
    downS: values.down === undefined ? undefined : Number(values.down),
  })
  reports.push(report)
  console.log(`\nrun ${run}:`)
  for (const line of describeDrill(report)) console.log(`  ${line}`)
}
mofang.remove()

const sum = (pick: (r: FailoverDrillReport) => number) => reports.reduce((s, r) => s + pick(r), 0)
console.log(
  `\nall runs: ${sum((r) => r.acked)} events acknowledged, ${sum((r) => r.storedRows)} rows stored, ` +
    `lost ${sum((r) => r.lost)}, duplicated ${sum((r) => r.duplicated)}`,
)
// A lost leader of what ingest waits on (the event stream, the identity bucket) means an election; any other node
// (a follower, or only the server Mofang was connected to) means a reconnect at most.
const leaderLoss = (f: Failover) => /leader/.test(f.role)
for (const [what, group] of [
  ['a leader ingest waits on', reports.flatMap((r) => r.failovers).filter(leaderLoss)],
  ['no such leader', reports.flatMap((r) => r.failovers).filter((f) => !leaderLoss(f))],
] as const) {
  const back = group.flatMap((f) => (f.back202Ms === undefined ? [] : [f.back202Ms])).sort((a, b) => a - b)
  const late = group.length - back.length
  if (group.length === 0) continue
  console.log(
    `node loss → 202 again, ${what} (${group.length} SIGKILLs): median ${percentile(back, 0.5)} ms, ` +
      `max ${back.at(-1)} ms${late ? `; ${late} only after the node's restart` : ''}`,
  )
}
