export class Measures {
    run;
    from;
    to;
    offeredN = 0;
    answeredN = 0;
    abandonedN = 0;
    callbacksN = 0;
    unservedN = 0;
    withinSl = 0;
    waitSum = 0;
    vipN = 0;
    vipWithin = 0;
    affinityN = 0;
    affinityHits = 0;
    csatSum = 0;
    overflowsN = 0;
    decisionsN = 0;
    busyMs = 0;
    staffedMs = 0;
    constructor(run, from, to) {
        this.run = run;
        this.from = from;
        this.to = to;
    }
    inWindow(c) {
        return c.arrivedAt >= this.from && c.arrivedAt < this.to;
    }
    clip(a, b) {
        return Math.max(0, Math.min(b, this.to) - Math.max(a, this.from));
    }
    decision(d) {
        this.decisionsN++;
        if (d.kind === 'overflow')
            this.overflowsN++;
    }
    offered(c) {
        if (this.inWindow(c))
            this.offeredN++;
    }
    answered(c, q, at, agentId, lastAgentOnShift, csat) {
        if (!this.inWindow(c))
            return;
        const wait = at - c.arrivedAt;
        this.answeredN++;
        this.waitSum += wait;
        if (wait <= q.service_level_s * 1000)
            this.withinSl++;
        if ((c.vip ?? 0) > 0) {
            this.vipN++;
            if (wait <= q.vip.target_s * 1000)
                this.vipWithin++;
        }
        if (lastAgentOnShift) {
            this.affinityN++;
            if (c.history?.lastAgentId === agentId)
                this.affinityHits++;
        }
        this.csatSum += csat;
    }
    abandoned(c) {
        if (!this.inWindow(c))
            return;
        this.abandonedN++;
        if ((c.vip ?? 0) > 0)
            this.vipN++;
    }
    callback(c) {
        if (this.inWindow(c))
            this.callbacksN++;
    }
    unserved(c) {
        if (this.inWindow(c))
            this.unservedN++;
    }
    busy(from, to) {
        this.busyMs += this.clip(from, to);
    }
    staffed(from, to) {
        this.staffedMs += this.clip(from, to);
    }
    result(runMs) {
        const handled = this.answeredN + this.abandonedN;
        const ratio = (a, b) => (b > 0 ? a / b : 0);
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
        };
    }
}
//# sourceMappingURL=measures.js.map