/**
 * What-if staffing off the main thread: the same Erlang code the server uses
 * (kits/erlang) re-run per queue and interval with the planner's
 * settings (chat queues with the chats per agent the server staffed them with),
 * then summed per interval, so sliders answer at once.
 */
import { expose } from 'comlink'
import { staff } from '../../../../kits/erlang/index.js'
import type { PlannerData } from '../../../../core/contracts/index.js'
import type { PlanInterval, WhatIf } from './plan.js'

function plan(data: PlannerData, w: WhatIf): PlanInterval[] {
  const factor = (1 + w.rainUpliftPer10mm) ** (w.rainMmH / 10)
  const seconds = data.step_ms / 1000
  const byT = new Map<number, PlanInterval>()
  const row = (t: number): PlanInterval => {
    let r = byT.get(t)
    if (!r)
      byT.set(
        t,
        (r = { t, forecast: 0, lo: 0, hi: 0, actual: null, required: 0, needed: 0, scheduled: null, gap: null }),
      )
    return r
  }
  for (const f of data.forecasts) {
    if (w.queue && f.queue !== w.queue) continue
    const r = row(f.t)
    const volume = f.forecast * factor
    const s = staff(
      { lambda: volume / seconds, aht: w.aht ?? f.aht_s },
      {
        serviceLevel: w.serviceLevel ?? f.sl_target,
        threshold: w.threshold ?? f.sl_threshold_s,
        concurrency: f.concurrency,
        slowdown: f.slowdown,
      },
      w.shrinkage,
    )
    r.forecast += volume
    r.lo += f.lo * factor
    r.hi += f.hi * factor
    r.required += s.required
    r.needed += s.scheduled
  }
  for (const a of data.actuals) {
    if (w.queue && a.queue !== w.queue) continue
    const r = row(a.t)
    r.actual = (r.actual ?? 0) + a.offered
  }
  for (const l of data.logged_in) row(l.t).scheduled = l.agents
  const out = [...byT.values()].sort((a, b) => a.t - b.t)
  for (const r of out) {
    // Intervals without logins (the coming days) use the simple plan, when one is given.
    if (r.scheduled === null && r.needed > 0 && w.plannedAgents !== undefined) r.scheduled = w.plannedAgents
    r.gap = r.scheduled === null ? null : r.scheduled - r.needed
  }
  return out
}

const api = { plan }
export type PlannerWorkerApi = typeof api

expose(api)
