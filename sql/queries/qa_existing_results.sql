-- Which of some interaction ids have a QA result in a tenant (assigning reviewers, qa/assign.ts).
-- Params: tenant String, ids Array(String).
SELECT DISTINCT interaction_id FROM qa_results WHERE tenant = {tenant:String} AND interaction_id IN {ids:Array(String)}
