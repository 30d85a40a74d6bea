/** A group's figures from its agents' (the live snapshot's teams, sites and total; a wall's filtered board). */
export function groupAdherence(agents) {
    const now = agents.filter((a) => a.scheduled !== 'off');
    const sum = (k) => Math.round(agents.reduce((s, a) => s + a[k], 0) * 100) / 100;
    const scheduled = sum('scheduled_min');
    const adherent = sum('adherent_min');
    return {
        scheduled_now: now.length,
        adherent_now: now.filter((a) => a.actual === a.scheduled).length,
        scheduled_min: scheduled,
        adherent_min: adherent,
        adherence: scheduled > 0 ? Math.round((adherent / scheduled) * 10000) / 10000 : null,
    };
}
/** The core NATS subject of a tenant's plan, in the topology's namespace (`<ns>_live.plan.<tenant>`). */
export function wallPlanSubject(topology, tenant) {
    // The topology builds every name as `<namespace>_` + base, the event prefix as `<namespace>_cx`.
    return `${topology.prefix.slice(0, -'cx'.length)}live.plan.${tenant}`;
}
//# sourceMappingURL=plan.js.map