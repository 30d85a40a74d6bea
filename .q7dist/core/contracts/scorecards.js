/**
 * The scorecard editor's API (qa/scorecard-api.ts, web/app/src/qa/ScorecardEditor.svelte): scorecards stored per
 * tenant, queue and channel, each save a new version; a preview of a draft; a re-scoring job with its progress.
 * The scorecard itself is the YAML/JSON document of qa/scorecard.ts, carried here as a plain object.
 */
export {};
//# sourceMappingURL=scorecards.js.map