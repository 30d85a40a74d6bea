/**
 * The statistics kit: pure, browser-safe numerics shared by the learned models and their evaluations (forecast
 * levels and weather uplift, politeness, predicted CSAT): a small linear solver, medians, ranks, Spearman's rho,
 * the ROC AUC and the logistic function.
 */
export { solveLinear } from './linear.js';
export { auc, median, pearson, ranks, sigmoid, spearman } from './summary.js';
//# sourceMappingURL=index.js.map