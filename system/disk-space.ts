/**
 * Free space on the data directory (JetStream's files and chDB's parts), read at most once a second.
 * Ingest refuses with 507 below the floor instead of letting JetStream or ClickHouse hit a full disk.
 */
import { statfsSync } from 'node:fs'

export interface DiskSpace {
  freeBytes(): number
  /** Why new events cannot be kept now, or undefined while there is room. */
  problem(): string | undefined
}

export function diskSpace(dir: string, minFreeBytes: number, cacheMs = 1_000): DiskSpace {
  let readAt = -Infinity
  let free = Infinity
  const freeBytes = () => {
    const now = Date.now()
    if (now - readAt >= cacheMs) {
      readAt = now
      try {
        const st = statfsSync(dir)
        free = st.bavail * st.bsize
      } catch {
        free = Infinity // cannot tell: do not refuse on a guess
      }
    }
    return free
  }
  const mib = (n: number) => Math.floor(n / 2 ** 20)
  return {
    freeBytes,
    problem() {
      const f = freeBytes()
      return f < minFreeBytes
        ? `the data directory ${dir} has ${mib(f)} MiB free, under MOFANG_MIN_FREE_MB (${mib(minFreeBytes)})`
        : undefined
    },
  }
}

/**
 * The event stream's byte limit (bus/topology.ts): MOFANG_STREAM_MAX_BYTES when set; else, where Mofang runs the
 * nats-server itself, half the data directory's free space at start, leaving the rest to chDB's parts; else none
 * (-1): an external NATS's disk is not ours to see, and its own limits apply (JetStream answers "insufficient
 * resources", which ingest answers 507).
 */
export function streamByteLimit(setting: number, disk: DiskSpace | undefined, managedNats: boolean): number {
  if (setting > 0) return setting
  const free = disk?.freeBytes() ?? Infinity
  return managedNats && Number.isFinite(free) ? Math.floor(free / 2) : -1
}
