-- The rows of a table keyed by interaction (interactions, transcripts, qa_*) that belong to some interactions
-- (privacy/customer-tables.ts: export, erase check).
-- Params: table Identifier, tenant String, interactions Array(String).
SELECT *
FROM {table:Identifier}
WHERE tenant = {tenant:String} AND interaction_id IN {interactions:Array(String)}
