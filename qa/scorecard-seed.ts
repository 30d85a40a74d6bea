/**
 * MOFANG_QA_SCORECARDS: a directory of scorecard files, `<tenant>/<queue>[.<channel>].{yaml,yml,json}` (`default` for
 * any queue), read at start. A file whose content differs from the last version it seeded becomes the scope's next
 * version; an unchanged file leaves the scope alone, so what a QA manager saved in the editor since stands.
 */
import { readdirSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { ConfigError } from '../core/index.js'
import type { ScorecardScope } from '../core/contracts/index.js'
import { loadScorecard } from './scorecard.js'
import { SCOPE_NAME, type ScorecardStore } from './scorecard-store.js'

export const SCORECARDS_SETTING = 'MOFANG_QA_SCORECARDS'
const TENANT = /^[a-z0-9][a-z0-9_-]{0,63}$/
const EXTENSIONS = new Set(['.yaml', '.yml', '.json'])

/** A scorecard file of the directory with its tenant and scope. */
export interface SeedFile extends ScorecardScope {
  tenant: string
  file: string
  spec: Record<string, unknown>
}

/** Reads and validates every file; the first problem stops the start with a ConfigError naming the setting. */
export function readScorecardDir(dir: string): SeedFile[] {
  const fail = (reason: string) => new ConfigError(SCORECARDS_SETTING, reason)
  let tenants: string[]
  try {
    if (!statSync(dir).isDirectory()) throw fail(`${dir} is not a directory`)
    tenants = readdirSync(dir)
  } catch (err) {
    if (err instanceof ConfigError) throw err
    throw fail(`cannot read the directory ${dir}: ${(err as Error).message}`)
  }
  const out: SeedFile[] = []
  for (const tenant of tenants.sort()) {
    const tenantDir = join(dir, tenant)
    if (!statSync(tenantDir).isDirectory()) continue
    if (!TENANT.test(tenant)) throw fail(`${tenantDir}: not a tenant name (lower-case letters, digits, _ and -)`)
    for (const name of readdirSync(tenantDir).sort()) {
      const file = join(tenantDir, name)
      if (!EXTENSIONS.has(extname(name))) continue
      const [queue, channel = '', ...rest] = basename(name, extname(name)).split('.')
      const scope = { queue: queue === 'default' ? '' : queue, channel }
      if (rest.length > 0 || [scope.queue, scope.channel].some((n) => n !== '' && !SCOPE_NAME.test(n)))
        throw fail(`${file}: expected <queue>[.<channel>].yaml with names of letters, digits, _ and - (up to 30)`)
      try {
        out.push({ tenant, file, ...scope, spec: loadScorecard(file).spec as Record<string, unknown> })
      } catch (err) {
        throw fail((err as Error).message)
      }
    }
  }
  return out
}

/** The content that counts when comparing versions: everything but the id and version the store assigns. */
const contentOf = (spec: Record<string, unknown>) => {
  const { id: _id, version: _version, ...rest } = spec
  return JSON.stringify(rest)
}

/** Stores each file whose content is new for its scope; returns the versions saved ("tenant/queue/channel vN"). */
export async function seedScorecards(store: ScorecardStore, files: readonly SeedFile[]): Promise<string[]> {
  const saved: string[] = []
  for (const f of files) {
    const seeded = store.versions(f.tenant, f).find((v) => v.saved_by === SCORECARDS_SETTING)
    if (seeded && contentOf(seeded.spec) === contentOf(f.spec)) continue
    const v = await store.save(f.tenant, f, f.spec, SCORECARDS_SETTING)
    saved.push(`${v.spec.id} v${v.version} from ${f.file}`)
  }
  return saved
}
