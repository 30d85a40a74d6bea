/** File I/O and printing around the simulator and the config validator. */
import { numberOption, requireString, Progress } from '../../kits/cli/index.js';
import { BadInputError } from '../../core/index.js';
import { POLICY_NAMES, resolveQueuePolicy } from '../config.js';
import { loadRoutingConfigFile } from '../validate-config.js';
import { loadScenarioFile } from './scenario.js';
import { POLICY_PRESETS, simulate } from './simulate.js';
/** `fcfs,smart,skills+affinity` → runs; unknown names are a clear error. */
export function parsePolicyList(text) {
    return text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((label) => {
        if (label in POLICY_PRESETS)
            return { label, policies: POLICY_PRESETS[label] };
        const names = label.split('+');
        const bad = names.find((n) => !POLICY_NAMES.includes(n));
        if (bad !== undefined)
            throw new BadInputError(`--policies: unknown policy "${bad}"; use ${Object.keys(POLICY_PRESETS).join(', ')} or a +-joined list of ${POLICY_NAMES.join(', ')}`);
        return { label, policies: names };
    });
}
const pct = (x) => `${(x * 100).toFixed(1)}%`;
export function formatResults(rows) {
    const head = [
        'policy',
        'offered',
        'SL',
        'ASA s',
        'abandon',
        'occupancy',
        'VIP in target',
        'affinity hits',
        'CSAT proxy',
        'callbacks',
        'overflows',
    ];
    const body = rows.map((r) => [
        r.policy,
        String(r.offered),
        pct(r.serviceLevel),
        r.asaS.toFixed(1),
        pct(r.abandonRate),
        pct(r.occupancy),
        r.vipContacts ? pct(r.vipWithinTarget) : '-',
        r.affinityEligible ? pct(r.affinityHitRate) : '-',
        r.csatProxy.toFixed(2),
        String(r.callbacks),
        String(r.overflows),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    return [line(head), ...body.map(line)].join('\n');
}
export async function runSimulate(args) {
    const scenario = loadScenarioFile(requireString(args, 'scenario'));
    const runs = parsePolicyList(String(args.values.policies));
    const seed = numberOption(args, 'seed', { min: 0, integer: true }) ?? scenario.seed ?? 1;
    const hours = numberOption(args, 'hours', { min: 0.01 });
    if (hours !== undefined)
        scenario.duration_h = hours;
    const progress = new Progress({ total: runs.length, label: 'simulate', unit: 'policies' });
    const results = runs.map((run) => {
        const r = simulate(scenario, run, seed);
        progress.tick();
        return r;
    });
    progress.finish();
    if (args.values.json)
        return console.log(JSON.stringify({ scenario: scenario.name, seed, hours: scenario.duration_h, results }, null, 2));
    console.log(`${scenario.name}: ${scenario.duration_h} h, seed ${seed}\n`);
    console.log(formatResults(results));
    console.log("\nSL = answered within the queue's service_level_s ÷ (answered + abandoned); ASA = mean wait of answered contacts.");
}
export async function runCheckConfig(args) {
    const file = args.positionals[0];
    if (!file)
        throw new BadInputError('give the configuration file: mofang routing check-config FILE');
    const tenants = loadRoutingConfigFile(file);
    if (args.values.json) {
        const resolved = Object.fromEntries(Object.entries(tenants).map(([t, cfg]) => [
            t,
            Object.fromEntries(Object.keys(cfg.queues).map((q) => [q, resolveQueuePolicy(cfg, q)])),
        ]));
        return console.log(JSON.stringify(resolved, null, 2));
    }
    for (const [tenant, cfg] of Object.entries(tenants)) {
        console.log(`tenant ${tenant}: ${Object.keys(cfg.queues).length} queues`);
        for (const q of Object.keys(cfg.queues)) {
            const p = resolveQueuePolicy(cfg, q);
            const steps = p.expansion.map((s) => `${s.after_s}s→${s.min_proficiency}`).join(' ');
            const overflow = p.overflow.map((o) => `${o.after_s}s→${o.to}`).join(' ') || 'none';
            console.log(`  ${q}: policies ${p.policies.join(',') || '(fcfs)'}; skills ${Object.entries(p.skills)
                .map(([k, v]) => `${k}≥${v}`)
                .join(' ')}; expansion ${steps}; overflow ${overflow}`);
        }
    }
    console.log('valid');
}
//# sourceMappingURL=simulate-command.js.map