export const SCORE_PARTS = [
    'aging',
    'priority',
    'vip_priority',
    'at_risk_priority',
    'skill',
    'tags',
    'affinity',
    'rating',
    'vip_group',
    'fairness',
];
//# sourceMappingURL=types.js.map