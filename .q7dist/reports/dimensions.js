import { loadQuery } from '../warehouse/index.js';
/** How far back the known queues, teams and sites are looked for, days. */
const DIMENSIONS_DAYS = 400;
export async function knownDimensions(wh, tenant) {
    const [r] = await wh.query(loadQuery('report_dimensions'), {
        tenant,
        days: DIMENSIONS_DAYS,
    });
    return { queue: r?.queues ?? [], team: r?.teams ?? [], site: r?.sites ?? [] };
}
//# sourceMappingURL=dimensions.js.map