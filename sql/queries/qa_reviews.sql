-- One interaction's review-desk rows of some kinds (review, dispute, answer, calibration), oldest first.
-- Params: tenant String, id String, kinds Array(String).
SELECT toUnixTimestamp64Milli(created_at) AS created_at, review_id, kind, reviewer, item, decision, earned, score, comment
FROM qa_reviews WHERE tenant = {tenant:String} AND interaction_id = {id:String} AND kind IN {kinds:Array(String)} ORDER BY created_at, item
