-- Deletes the rows of a table keyed by interaction that belong to some interactions (lightweight delete).
-- Params: table Identifier, tenant String, interactions Array(String).
DELETE FROM {table:Identifier}
WHERE tenant = {tenant:String} AND interaction_id IN {interactions:Array(String)}
SETTINGS lightweight_deletes_sync = 2
