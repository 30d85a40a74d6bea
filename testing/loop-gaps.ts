import { readFileSync } from 'node:fs'

/**
 * The main thread's CPU time, ms. Wall time would count a loaded test machine descheduling the process as the code
 * blocking (300 ms wall gaps were seen for 70 ms of work), and the process's CPU time counts GC and compiler threads
 * working beside it. Linux gives the thread's own time in /proc; elsewhere the process's time has to do.
 */
function mainThreadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6
  } catch {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  }
}

/** Watches the event loop from a timer: how often it got a turn, and the longest stretch of work between two turns. */
export function watchEventLoop(everyMs = 10): { stop(): { ticks: number; maxCpuGapMs: number } } {
  let last = mainThreadCpuMs()
  let maxCpuGapMs = 0
  let ticks = 0
  const timer = setInterval(() => {
    const now = mainThreadCpuMs()
    maxCpuGapMs = Math.max(maxCpuGapMs, now - last)
    last = now
    ticks++
  }, everyMs)
  return {
    stop() {
      clearInterval(timer)
      return { ticks, maxCpuGapMs: Math.max(maxCpuGapMs, mainThreadCpuMs() - last) }
    },
  }
}
