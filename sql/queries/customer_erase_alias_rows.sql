-- Deletes the merge records (customer_aliases) of some customer ids, either side (lightweight delete).
-- Params: table Identifier, tenant String, ids Array(String).
DELETE FROM {table:Identifier}
WHERE tenant = {tenant:String} AND (alias IN {ids:Array(String)} OR canonical IN {ids:Array(String)})
SETTINGS lightweight_deletes_sync = 2
