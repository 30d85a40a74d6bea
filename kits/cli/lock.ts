/**
 * The lock file of a running Mofang: written by the server that owns a data directory (embedded chDB allows one
 * owner), read by commands such as `mofang sql` and `mofang qa backfill`, which then talk to that server over
 * HTTP with its admin token instead of opening the directory themselves.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Written while a server owns the data directory, so `mofang sql` can talk to it instead. */
export interface LockFile {
  pid: number
  url: string
  adminToken: string
}

export const lockPath = (dataDir: string) => join(resolve(dataDir), 'mofang.lock.json')

export function readLiveLock(dataDir: string): LockFile | undefined {
  const path = lockPath(dataDir)
  if (!existsSync(path)) return undefined
  try {
    const lock = JSON.parse(readFileSync(path, 'utf8')) as LockFile
    process.kill(lock.pid, 0)
    return lock
  } catch {
    return undefined
  }
}
