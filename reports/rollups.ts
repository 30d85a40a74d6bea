/**
 * The daily rollup (report_daily): builds a tenant's local days from raw events with report_facts.sql, again when
 * their inputs changed, and says which build of each day is current. Design (README "Reports", rollups):
 *
 *   - A build runs report_facts over a run of consecutive days and inserts its rows as they are, under a new
 *     build_id; then records the build per day (report_builds) and deletes the days' older rows. Readers take the
 *     current build of each day, so a reader never mixes two builds of a day, whatever it reads during a build.
 *   - Which days to build: report_changes (materialized views over events, qa_results, forecasts) says when each
 *     local day's inputs last changed. A day's figures also depend on neighbouring days (first-contact resolution
 *     looks `repeatDays` ahead, repeat contacts and ticket figures look back), so a day is stale when any day from
 *     `backlogDays` before it to `repeatDays` after it changed after its build saw it.
 *   - Recent days (today and the `repeatDays` before it) change with every new contact: they are built again at
 *     most every `recentMaxAgeMs`. Older days are built again at once when they change (a late import).
 *
 * Builds of one Rollups run one at a time (a chDB directory has one owner process, and two builds of one day would
 * delete each other's rows).
 */
import { createHash } from 'node:crypto'
import { newId, type Warehouse } from '../core/index.js'
import { TICKET_SLA_HOURS } from '../core/contracts/index.js'
import { loadQuery } from '../warehouse/index.js'
import { instantOf, isoDate, localDay, type DayRange } from './period.js'

export interface RollupOptions {
  timeZone: string
  /** Days after a contact in which another contact of its customer makes it unresolved (MOFANG_REPORT_REPEAT_DAYS). */
  repeatDays: number
  /** A recent day is built again at most this often, ms. Default 300000 (5 min). */
  recentMaxAgeMs?: number
  /** Most consecutive days one build query covers. Default 7. */
  daysPerBuild?: number
  /** The clock. Default Date.now. */
  now?: () => number
}

/** The constants of report_facts.sql that are not settings (README "Reports" lists them). */
export const FACT_PARAMS = {
  voice_sl_s: 20,
  chat_sl_s: 60,
  short_abandon_ms: 5000,
  /** Ticket resolution targets by priority, hours (the wall's, core/contracts TICKET_SLA_HOURS). */
  sla_urgent_h: TICKET_SLA_HOURS.urgent,
  sla_high_h: TICKET_SLA_HOURS.high,
  sla_normal_h: TICKET_SLA_HOURS.normal,
  sla_low_h: TICKET_SLA_HOURS.low,
  /** Tickets older than this at a fact's time take no part in ticket figures (and the backlog), days. */
  backlog_days: 90,
  /** Customer sentiment (last third − first third of the conversation, -1..1) that counts as improved or worsened. */
  sentiment_delta: 0.2,
} as const

export interface RefreshResult {
  /** Days built in this refresh. */
  built: number
}

interface Build {
  build_id: string
  built_at_ms: number
  changes_to_ms: number
}

export class Rollups {
  private chain: Promise<unknown> = Promise.resolve()
  /** Whether this process marked the hours stored before the change log existed (report_seed_changes.sql). */
  private seeded = false
  private readonly recentMaxAgeMs: number
  private readonly daysPerBuild: number
  private readonly now: () => number
  /**
   * Names what a build computed: the facts query, its constants and the repeat window. Build ids start with it, so
   * a day built by another version (an upgrade, a new MOFANG_REPORT_REPEAT_DAYS) is stale.
   */
  private readonly version: string

  constructor(
    private readonly wh: Warehouse,
    private readonly opts: RollupOptions,
  ) {
    this.recentMaxAgeMs = opts.recentMaxAgeMs ?? 300_000
    this.daysPerBuild = opts.daysPerBuild ?? 7
    this.now = opts.now ?? Date.now
    this.version = createHash('sha256')
      .update(JSON.stringify([loadQuery('report_facts'), FACT_PARAMS, opts.repeatDays]))
      .digest('hex')
      .slice(0, 12)
  }

  get timeZone(): string {
    return this.opts.timeZone
  }

  get repeatDays(): number {
    return this.opts.repeatDays
  }

  /** Stores report_facts.sql's rows of the days of `range` under `buildId`: the rollup is that query's rows, kept. */
  private insertFacts(tenant: string, range: DayRange, buildId: string): Promise<void> {
    return this.wh.command(`INSERT INTO report_daily ${loadQuery('report_facts')}`, {
      ...FACT_PARAMS,
      tenant,
      tz: this.opts.timeZone,
      from_ms: instantOf(range.first, 0, this.opts.timeZone),
      to_ms: instantOf(range.last + 1, 0, this.opts.timeZone),
      build_id: buildId,
      repeat_days: this.opts.repeatDays,
    })
  }

  /**
   * Builds the stale days of `range` (up to today), then answers the current build of each day that has one.
   * `maxAgeMs` overrides recentMaxAgeMs (0: every changed day now, as the cross-check and the CLI want).
   */
  refresh(tenant: string, range: DayRange, maxAgeMs = this.recentMaxAgeMs): Promise<Map<number, string>> {
    return this.serially(() => this.refreshNow(tenant, range, maxAgeMs))
  }

  /** Runs `fn` after every build or scratch run already asked for. */
  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn)
    this.chain = run.catch(() => {})
    return run
  }

  /**
   * Runs `read` on the rows of [range] computed from raw events in one pass, stored under a scratch build that no
   * reader takes (it is never recorded as current) and deleted after.
   */
  scratch<T>(tenant: string, range: DayRange, read: (buildId: string) => Promise<T>): Promise<T> {
    return this.serially(async () => {
      const buildId = newId()
      await this.insertFacts(tenant, range, buildId)
      try {
        return await read(buildId)
      } finally {
        await this.wh.command(loadQuery('report_drop_build'), { tenant, tz: this.opts.timeZone, build_id: buildId })
      }
    })
  }

  private async refreshNow(tenant: string, range: DayRange, maxAgeMs: number): Promise<Map<number, string>> {
    if (!this.seeded) {
      await this.wh.command(loadQuery('report_seed_changes'))
      this.seeded = true
    }
    const now = this.now()
    const today = localDay(now, this.opts.timeZone)
    const last = Math.min(range.last, today)
    const builds = await this.builds(tenant, range)
    const stale = last < range.first ? new Map() : await this.staleDays(tenant, { first: range.first, last }, builds)
    const recentFrom = today - this.opts.repeatDays
    const due = [...stale.keys()].filter((d) => {
      const b = builds.get(d)
      return !b || d < recentFrom || now - b.built_at_ms >= maxAgeMs || !b.build_id.startsWith(this.version)
    })
    for (const run of runsOf(due, this.daysPerBuild)) await this.build(tenant, run, stale)
    return due.length
      ? new Map([...(await this.builds(tenant, range))].map(([d, b]) => [d, b.build_id]))
      : idsOf(builds)
  }

  /**
   * Days of `range` whose inputs changed after their build (or that have inputs and no build), each with the newest
   * change it depends on: its build records that, so a change that races the build leaves the day stale.
   */
  private async staleDays(tenant: string, range: DayRange, builds: Map<number, Build>): Promise<Map<number, number>> {
    const back = FACT_PARAMS.backlog_days
    const ahead = Math.max(1, this.opts.repeatDays)
    const changes = await this.wh.query<{ date: string; changed_ms: number }>(loadQuery('report_changes'), {
      tenant,
      tz: this.opts.timeZone,
      from: isoDate(range.first - back),
      to: isoDate(range.last + ahead),
    })
    const changedOn = new Map(changes.map((c) => [dayNumber(c.date), Number(c.changed_ms)]))
    const stale = new Map<number, number>()
    for (let d = range.first; d <= range.last; d++) {
      let latest = -1
      for (let x = d - back; x <= d + ahead; x++) latest = Math.max(latest, changedOn.get(x) ?? -1)
      if (latest < 0) continue
      const b = builds.get(d)
      if (!b || latest > b.changes_to_ms || !b.build_id.startsWith(this.version)) stale.set(d, latest)
    }
    return stale
  }

  private async builds(tenant: string, range: DayRange): Promise<Map<number, Build>> {
    const rows = await this.wh.query<{ date: string } & Build>(loadQuery('report_builds'), {
      tenant,
      tz: this.opts.timeZone,
      from: isoDate(range.first),
      to: isoDate(range.last),
    })
    return new Map(
      rows.map((r) => [
        dayNumber(r.date),
        { build_id: r.build_id, built_at_ms: Number(r.built_at_ms), changes_to_ms: Number(r.changes_to_ms) },
      ]),
    )
  }

  /** Builds the days of `run` in one query, records the build, and deletes the days' older rows. */
  private async build(tenant: string, run: DayRange, changes: Map<number, number>): Promise<void> {
    const buildId = `${this.version}-${newId()}`
    const tz = this.opts.timeZone
    await this.insertFacts(tenant, run, buildId)
    const builtAt = this.now()
    const rows = []
    for (let d = run.first; d <= run.last; d++)
      rows.push({
        tenant,
        tz,
        day: isoDate(d),
        build_id: buildId,
        built_at: builtAt,
        changes_to: changes.get(d) ?? 0,
      })
    await this.wh.insert('report_builds', rows)
    await this.wh.command(loadQuery('report_prune'), {
      tenant,
      tz,
      from: isoDate(run.first),
      to: isoDate(run.last),
      keep: buildId,
    })
  }
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000

const idsOf = (builds: Map<number, Build>) => new Map([...builds].map(([d, b]) => [d, b.build_id]))

/** Sorted days as runs of consecutive days, each at most `max` long. */
export function runsOf(days: readonly number[], max: number): DayRange[] {
  const runs: DayRange[] = []
  for (const d of [...days].sort((a, b) => a - b)) {
    const r = runs.at(-1)
    if (r && d === r.last + 1 && d - r.first < max) r.last = d
    else runs.push({ first: d, last: d })
  }
  return runs
}
