import { median } from '../../kits/stats/index.js';
export function ensemble(name, members) {
    return {
        name,
        description: `slot-wise median of ${members.map((m) => m.name).join(', ')}`,
        forecast(train, targets) {
            const outputs = members.map((m) => m.forecast(train, targets));
            return targets.map((_, i) => outputs[0][i].map((_, s) => median(outputs.map((o) => o[i][s]))));
        },
    };
}
//# sourceMappingURL=ensemble.js.map