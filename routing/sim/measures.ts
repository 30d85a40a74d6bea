/**
 * What a simulation run reports per policy. Only contacts that arrive inside
 * the measured window (after warm-up, before the arrivals stop) count.
 *
 * - service level: answered within the queue's `service_level_s` ÷ (answered + abandoned)
 * - ASA: mean wait of answered contacts, s; abandonment: abandoned ÷ (answered + abandoned)
 * - occupancy: time agents held at least one contact ÷ scheduled shift time, inside the window
 * - VIP within target: VIPs answered within `vip.target_s` ÷ VIPs answered or abandoned
 * - affinity hit rate: answered returning contacts whose last agent was on shift and who got her
 */
import type { PolicyName, QueuePolicy } from '../config.js'
import type { ContactInput, Decision } from '../types.js'

export interface PolicyResult {
  policy: string
  policies: PolicyName[]
  offered: number
  answered: number
  abandoned: number
  callbacks: number
  /** Still waiting when the simulation ended. */
  unserved: number
  serviceLevel: number
  asaS: number
  abandonRate: number
  occupancy: number
  vipContacts: number
  vipWithinTarget: number
  affinityEligible: number
  affinityHitRate: number
  csatProxy: number
  overflows: number
  decisions: number
  /** Wall-clock time of the run, ms. */
  runMs: number
}

export class Measures {
  private offeredN = 0
  private answeredN = 0
  private abandonedN = 0
  private callbacksN = 0
  private unservedN = 0
  private withinSl = 0
  private waitSum = 0
  private vipN = 0
  private vipWithin = 0
  private affinityN = 0
  private affinityHits = 0
  private csatSum = 0
  private overflowsN = 0
  private decisionsN = 0
  private busyMs = 0
  private staffedMs = 0

  constructor(
    private readonly run: { label: string; policies: PolicyName[] },
    private readonly from: number,
    private readonly to: number,
  ) {}

  private inWindow(c: ContactInput): boolean {
    return c.arrivedAt >= this.from && c.arrivedAt < this.to
  }

  private clip(a: number, b: number): number {
    return Math.max(0, Math.min(b, this.to) - Math.max(a, this.from))
  }

  decision(d: Decision): void {
    this.decisionsN++
    if (d.kind === 'overflow') this.overflowsN++
  }

  offered(c: ContactInput): void {
    if (this.inWindow(c)) this.offeredN++
  }

  answered(
    c: ContactInput,
    q: QueuePolicy,
    at: number,
    agentId: string,
    lastAgentOnShift: boolean,
    csat: number,
  ): void {
    if (!this.inWindow(c)) return
    const wait = at - c.arrivedAt
    this.answeredN++
    this.waitSum += wait
    if (wait <= q.service_level_s * 1000) this.withinSl++
    if ((c.vip ?? 0) > 0) {
      this.vipN++
      if (wait <= q.vip.target_s * 1000) this.vipWithin++
    }
    if (lastAgentOnShift) {
      this.affinityN++
      if (c.history?.lastAgentId === agentId) this.affinityHits++
    }
    this.csatSum += csat
  }

  abandoned(c: ContactInput): void {
    if (!this.inWindow(c)) return
    this.abandonedN++
    if ((c.vip ?? 0) > 0) this.vipN++
  }

  callback(c: ContactInput): void {
    if (this.inWindow(c)) this.callbacksN++
  }

  unserved(c: ContactInput): void {
    if (this.inWindow(c)) this.unservedN++
  }

  busy(from: number, to: number): void {
    this.busyMs += this.clip(from, to)
  }

  staffed(from: number, to: number): void {
    this.staffedMs += this.clip(from, to)
  }

  result(runMs: number): PolicyResult {
    const handled = this.answeredN + this.abandonedN
    const ratio = (a: number, b: number) => (b > 0 ? a / b : 0)
    return {
      policy: this.run.label,
      policies: this.run.policies,
      offered: this.offeredN,
      answered: this.answeredN,
      abandoned: this.abandonedN,
      callbacks: this.callbacksN,
      unserved: this.unservedN,
      serviceLevel: ratio(this.withinSl, handled),
      asaS: ratio(this.waitSum, this.answeredN) / 1000,
      abandonRate: ratio(this.abandonedN, handled),
      occupancy: Math.min(1, ratio(this.busyMs, this.staffedMs)),
      vipContacts: this.vipN,
      vipWithinTarget: ratio(this.vipWithin, this.vipN),
      affinityEligible: this.affinityN,
      affinityHitRate: ratio(this.affinityHits, this.affinityN),
      csatProxy: ratio(this.csatSum, this.answeredN),
      overflows: this.overflowsN,
      decisions: this.decisionsN,
      runMs: Math.round(runMs),
    }
  }
}
