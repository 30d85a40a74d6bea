-- Predicted satisfaction on every QA result (qa/satisfaction): the predicted CSAT 1-5 (nps_predicted is now the
-- class read off it), and the customer's survey answers beside it, so the review desk and reports can show
-- predicted vs surveyed. Results stored before this migration read NULL: they are not re-scored.
ALTER TABLE qa_results ADD COLUMN IF NOT EXISTS csat_predicted Nullable(Float32);

ALTER TABLE qa_results ADD COLUMN IF NOT EXISTS survey_nps Nullable(Float32);

ALTER TABLE qa_results ADD COLUMN IF NOT EXISTS survey_csat Nullable(Float32);
