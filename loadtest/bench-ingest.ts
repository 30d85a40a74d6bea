/**
 * `npm run bench:ingest`: HTTP → JetStream → ClickHouse on this machine.
 *
 * Starts Mofang as its own process (embedded nats-server and chDB, no simulator),
 * drives POST /v1/events from this process with several connections (or, with --rate,
 * on a fixed schedule), and prints sustained events/s and POST→queryable latency
 * (p50/p99, from probe events sent every 200 ms during the load), next to two
 * ceilings measured in the same run:
 * raw JetStream publish rate (same packing as ingest) and raw chDB insert rate.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { parseArgs } from 'node:util'
import { rootDir } from '../core/index.js'
import { SERVER_NODE_FLAGS } from '../cli/index.js'
import { measureChdbInsertCeiling, measureJetStreamCeiling } from './ceilings.js'
import { cpuShares, openLoop, percentile, processTreeCpu, syntheticEvents } from './bench-util.js'

const HELP = `Usage: npm run bench:ingest -- [--duration 60] [--connections 3] [--batch 1000] [--rate N] [--with-services]

Sustained ingest throughput and POST→queryable latency, with JetStream and chDB ceilings.
  --duration       seconds of load (default 60)
  --connections    concurrent HTTP clients (default 3: more only queue up on 2 cores)
  --batch          events per POST (default 1000)
  --rate           offer this many events/s on a fixed schedule (open loop, up to 64 POSTs in flight)
                   instead of --connections clients sending as fast as they are answered
  --with-services  also run live metrics, wallboard, QA… in the server process (default: the core only,
                   i.e. ingest API and warehouse sink, as deployed behind a load balancer)`

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '3' },
    batch: { type: 'string', default: '1000' },
    rate: { type: 'string' },
    'with-services': { type: 'boolean' },
    help: { type: 'boolean' },
  },
})
if (values.help) {
  console.log(HELP)
  process.exit(0)
}
const durationS = Number(values.duration)
const connections = Number(values.connections)
const rate = values.rate === undefined ? undefined : Number(values.rate)
const batch = Number(values.batch)

const KEY = 'bench-key-0123456789abcdef'
const dir = mkdtempSync(join(tmpdir(), 'mofang-bench-'))

async function startServer(): Promise<{ url: string; admin: string; pid: number; stop(): Promise<void> }> {
  const args = ['start', '--no-simulator', ...(values['with-services'] ? [] : ['--no-services'])]
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(rootDir(), 'dist', 'cli', 'mofang.js'), ...args], {
    env: {
      ...process.env,
      MOFANG_DATA_DIR: dir,
      MOFANG_PORT: '0',
      MOFANG_API_KEYS: `bench:${KEY}`,
      MOFANG_SINK_BATCH_ROWS: '30000',
      MOFANG_SINK_FLUSH_MS: '200',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /Mofang is running:\s+(\S+)/.exec(out)
      if (m) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  const { readLiveLock } = await import('../kits/cli/index.js')
  const admin = readLiveLock(dir)!.adminToken
  return {
    url,
    admin,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r())
        child.kill('SIGINT')
      }),
  }
}

async function sql(url: string, admin: string, query: string): Promise<Record<string, number>[]> {
  const res = await fetch(`${url}/v1/sql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}` },
    body: query,
  })
  return ((await res.json()) as { rows: Record<string, number>[] }).rows
}

async function post(url: string, body: string): Promise<number> {
  for (;;) {
    const res = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body,
    })
    if (res.status === 202) return ((await res.json()) as { accepted: number }).accepted
    await res.text()
    if (res.status !== 503) throw new Error(`ingest answered ${res.status}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function main() {
  const driver = rate ? `${rate} events/s offered on a schedule` : `${connections} connections`
  console.log(
    `bench:ingest: ${durationS}s, ${driver}, ${batch} events per POST, ${values['with-services'] ? 'all services' : 'core only'} in the server`,
  )
  const server = await startServer()
  // Bodies are prepared up front so the driver measures the server, not JSON.stringify.
  const bodies = Array.from({ length: 64 }, (_, i) => JSON.stringify(syntheticEvents('bench', batch, i)))

  let accepted = 0
  const latencies: number[] = []
  const deadline = Date.now() + durationS * 1000
  const started = Date.now()
  const cpuBefore = processTreeCpu(server.pid)
  const closedLoop = async () => {
    await Promise.all(
      Array.from({ length: connections }, async (_, w) => {
        for (let i = w; Date.now() < deadline; i += connections) {
          // not `accepted += await …`: that adds to a stale value
          const n = await post(server.url, bodies[i % bodies.length])
          accepted += n
        }
      }),
    )
    return { lateTicks: 0 }
  }
  const load = rate
    ? openLoop({
        everyMs: (1000 * batch) / rate,
        durationMs: durationS * 1000,
        maxInFlight: 64,
        send: (tick) => post(server.url, bodies[tick % bodies.length]).then((n) => (accepted += n)),
      })
    : closedLoop()
  const probes = (async () => {
    for (let n = 0; Date.now() < deadline; n++) {
      const id = `probe-${n}`
      const sent = Date.now()
      await post(
        server.url,
        JSON.stringify([
          { tenant: 'bench', ts: sent, channel: 'voice', type: 'agent.ready', agent_id: 'probe', event_id: id },
        ]),
      )
      // The key prefix (tenant, channel, type, ts) makes this a tiny read, so polling does not load chDB.
      for (;;) {
        const rows = await sql(
          server.url,
          server.admin,
          `SELECT count() AS n FROM events WHERE tenant = 'bench' AND channel = 'voice' AND type = 'agent.ready' AND ts >= fromUnixTimestamp64Milli(${sent}) AND event_id = '${id}'`,
        )
        if (Number(rows[0]?.n) > 0) break
        await new Promise((r) => setTimeout(r, 20))
      }
      latencies.push(Date.now() - sent)
      await new Promise((r) => setTimeout(r, 200))
    }
  })()
  const progress = setInterval(
    () => process.stderr.write(`  ${Math.round((Date.now() - started) / 1000)}s: ${accepted} events accepted\n`),
    10_000,
  )
  const [{ lateTicks }] = await Promise.all([load, probes])
  clearInterval(progress)
  const elapsed = (Date.now() - started) / 1000
  const cpu = cpuShares(cpuBefore, processTreeCpu(server.pid), elapsed)
  const drainStart = Date.now()
  for (;;) {
    const [row] = await sql(
      server.url,
      server.admin,
      `SELECT count() AS n FROM events WHERE event_id NOT LIKE 'probe-%'`,
    )
    if (Number(row.n) >= accepted) break
    await new Promise((r) => setTimeout(r, 100))
  }
  const drainMs = Date.now() - drainStart
  await server.stop()

  console.log('\nceilings (same machine, same run):')
  const jsRate = await measureJetStreamCeiling(join(dir, 'ceiling-nats'), batch)
  const chRate = await measureChdbInsertCeiling(join(dir, 'ceiling-ch'))

  latencies.sort((a, b) => a - b)
  const rows: [string, string][] = [
    [
      'sustained ingest (HTTP → JetStream → ClickHouse)',
      `${Math.round(accepted / elapsed).toLocaleString('en')} events/s over ${elapsed.toFixed(0)} s (${accepted.toLocaleString('en')} events)`,
    ],
    [
      'POST → queryable latency',
      `p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms (${latencies.length} probes)`,
    ],
    ['backlog drained after load stopped', `${drainMs} ms`],
    ...(rate ? [['POSTs sent late by the driver', `${lateTicks}`] as [string, string]] : []),
    ['ceiling: raw JetStream publish (same packing)', `${Math.round(jsRate).toLocaleString('en')} events/s`],
    ['ceiling: raw chDB insert (JSONEachRow)', `${Math.round(chRate).toLocaleString('en')} rows/s`],
  ]
  console.log('')
  for (const [k, v] of rows) console.log(`${k.padEnd(50)} ${v}`)
  console.log('\nCPU during the load, per process of the server (2 cores = 200 %):')
  for (const line of cpu) console.log(`  ${line}`)
  // chDB keeps its directory open until the process exits, so the scratch data goes then.
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
}

await main()
