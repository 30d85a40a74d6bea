/**
 * The review desk API's requests and answers (qa/review-api.ts serves them under /api/qa/, the app's review
 * desk calls them), and the per-check result a scored interaction carries. Types only.
 */
export {};
//# sourceMappingURL=review.js.map