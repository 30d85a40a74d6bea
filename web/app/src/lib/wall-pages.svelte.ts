/**
 * Which wall a screen shows now: a saved wall and the walls it rotates to (reloaded every minute, so a supervisor's
 * change reaches the floor without touching the screen), or the URL-configured walls (kiosk rotation over the
 * overview, each queue and the agents).
 */
import type { Snapshot, WallDefinition } from '../../../../core/contracts/index.js'
import { kioskPages, type WallParams } from './params.js'
import { urlWall } from './url-walls.js'
import { listWalls } from './walls-api.js'

const RELOAD_MS = 60_000

export class WallPages {
  /** The saved wall first, then those of its rotation that exist; null until loaded (or for URL walls). */
  saved = $state<WallDefinition[] | null>(null)
  /** The saved wall does not exist (or the walls could not be read). */
  missing = $state(false)
  index = $state(0)

  constructor(
    private readonly params: WallParams,
    private readonly apiUrl: (path: string) => string,
  ) {}

  /** Reads the saved wall and its rotation again (a failure keeps what is shown; only a 404 means no such wall). */
  async reload(): Promise<void> {
    if (!this.params.saved) return
    const answer = await listWalls(this.apiUrl)
    if (!answer.ok && answer.status !== 404) return
    const walls = answer.ok ? answer.value : []
    const first = walls.find((w) => w.id === this.params.saved)
    this.missing = !first
    this.saved = first
      ? [first, ...(first.rotation?.walls ?? []).flatMap((id) => walls.find((w) => w.id === id) ?? [])]
      : null
  }

  /** Loads the saved walls and turns the pages; returns the stop function. */
  start(): () => void {
    const load = () => void this.reload()
    load()
    const reload = setInterval(load, RELOAD_MS)
    // A one-second tick, so a rotation period loaded later (or changed by a supervisor) applies at once.
    let shownS = 0
    const tick = setInterval(() => {
      const every = this.saved?.[0].rotation?.every_s ?? (this.params.kiosk ? this.params.rotateS : 0)
      if (every > 0 && ++shownS >= every) {
        shownS = 0
        this.index++
      }
    }, 1000)
    return () => {
      clearInterval(reload)
      clearInterval(tick)
    }
  }

  /** The pages to turn through now (URL kiosk pages depend on the queues of the snapshot). */
  pages(snap: Snapshot | null): WallDefinition[] {
    if (this.params.saved) return this.saved ?? []
    if (!this.params.kiosk) return [urlWall(this.params, this.params.page)]
    const queues = Object.entries(snap?.queues ?? {})
      .sort(([, a], [, b]) => b.windows.today.offered - a.windows.today.offered)
      .map(([q]) => q)
    return kioskPages(this.params, queues).map((p) => urlWall(this.params, p))
  }
}
