/** Shared pieces of the benchmarks: synthetic events and percentiles. */
import { readdirSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { IncomingEvent } from '../core/index.js'

const TYPES: [IncomingEvent['channel'], IncomingEvent['type'], Record<string, unknown>][] = [
  ['voice', 'voice.offered', {}],
  ['voice', 'voice.queued', {}],
  ['voice', 'voice.answered', {}],
  ['voice', 'voice.ended', { ended_by: 'customer' }],
  ['wechat', 'chat.started', {}],
  ['wechat', 'chat.message', { role: 'customer', text: '您好，我的笔记本蓝屏了，错误代码 0x0000007B，怎么办？' }],
  ['wechat', 'chat.message', { role: 'agent', text: '王先生您好，请您先尝试进入安全模式，我来帮您处理。' }],
  ['webchat', 'chat.message', { role: 'customer', text: 'Hi, my ThinkPad X1 Carbon will not boot after the update.' }],
  ['voice', 'agent.ready', {}],
  ['voice', 'survey.nps', { score: 9 }],
]

/**
 * `n` valid events without event_id (the server assigns them): interactions of 10
 * events each, from 20,000 customers who keep coming back (as real ones do).
 */
export function syntheticEvents(tenant: string, n: number, seed: number): IncomingEvent[] {
  const now = Date.now()
  return Array.from({ length: n }, (_, i) => {
    const k = seed * n + i
    const [channel, type, payload] = TYPES[k % TYPES.length]
    const customer = Math.floor(k / 10) % 20_000
    return {
      tenant,
      ts: now,
      channel,
      type,
      interaction_id: `bench-${Math.floor(k / 10)}`,
      customer:
        channel === 'voice'
          ? { phone: `1390000${String(customer).padStart(4, '0')}` }
          : { wechat_openid: `o${customer}` },
      agent_id: `agent-${k % 500}`,
      queue: ['repair', 'presales', 'aftersales'][k % 3],
      payload,
    } as IncomingEvent
  })
}

/**
 * Open-loop load: calls `send(tick)` every `everyMs` for `durationMs` whether or not earlier calls
 * have finished (up to `maxInFlight` at once), so a slow answer shows up as latency instead of
 * lowering the offered rate. Resolves when every call has settled; counts the ticks sent late.
 */
export async function openLoop(opts: {
  everyMs: number
  durationMs: number
  maxInFlight: number
  send: (tick: number) => Promise<unknown>
}): Promise<{ lateTicks: number }> {
  const inFlight = new Set<Promise<unknown>>()
  const start = Date.now()
  let lateTicks = 0
  for (let tick = 0; tick * opts.everyMs < opts.durationMs; tick++) {
    const due = start + tick * opts.everyMs
    if (Date.now() < due) await new Promise((r) => setTimeout(r, due - Date.now()))
    else lateTicks++
    while (inFlight.size >= opts.maxInFlight) await Promise.race(inFlight)
    const call = opts.send(tick)
    inFlight.add(call)
    void call.finally(() => inFlight.delete(call))
  }
  await Promise.all(inFlight)
  return { lateTicks }
}

/** The p-th percentile (0..1) of sorted numbers, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]
}

/** Every command answers --help: benchmarks print their usage and exit before doing any work. */
export function helpOnRequest(usage: string): void {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(usage)
    process.exit(0)
  }
}

/** A process of the server's tree and the CPU it has used so far (Linux /proc; none elsewhere). */
export interface ProcessCpu {
  pid: number
  /** `mofang start`, `mofang run live_metrics`, `nats-server`… */
  label: string
  cpuSeconds: number
}

/** The process and all its descendants with their CPU time (user + system) so far. */
export function processTreeCpu(rootPid: number): ProcessCpu[] {
  const ticksPerSecond = 100 // USER_HZ: 100 on every Linux the project runs on
  const all = new Map<number, { ppid: number; cpuSeconds: number }>()
  if (process.platform !== 'linux') return []
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // The fields after "(comm)": state ppid … utime (14th field) stime (15th).
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      all.set(Number(pid), { ppid: Number(f[1]), cpuSeconds: (Number(f[11]) + Number(f[12])) / ticksPerSecond })
    } catch {
      // gone meanwhile
    }
  }
  const tree = [rootPid]
  for (let i = 0; i < tree.length; i++)
    for (const [pid, p] of all) if (p.ppid === tree[i] && !tree.includes(pid)) tree.push(pid)
  return tree.flatMap((pid) => {
    const p = all.get(pid)
    return p ? [{ pid, label: processLabel(pid), cpuSeconds: p.cpuSeconds }] : []
  })
}

function processLabel(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
    const at = argv.findIndex((a) => a.endsWith('mofang.js'))
    if (at >= 0) return ['mofang', ...argv.slice(at + 1)].join(' ')
    return basename(argv[0] ?? String(pid))
  } catch {
    return String(pid)
  }
}

/** Each process's share of one core between two readings of processTreeCpu, e.g. "mofang start 142 %". */
export function cpuShares(before: ProcessCpu[], after: ProcessCpu[], seconds: number): string[] {
  return after.flatMap((p) => {
    const share = Math.round((100 * (p.cpuSeconds - (before.find((b) => b.pid === p.pid)?.cpuSeconds ?? 0))) / seconds)
    // Helpers that did nothing (the nats-server watchdog's shell and its sleeps) are left out.
    return share > 0 ? [`${p.label} (pid ${p.pid}): ${share} % of a core`] : []
  })
}
