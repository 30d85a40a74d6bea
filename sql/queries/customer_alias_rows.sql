-- The merge records (customer_aliases) of some customer ids, either side (privacy/customer-tables.ts).
-- Params: table Identifier, tenant String, ids Array(String).
SELECT *
FROM {table:Identifier}
WHERE tenant = {tenant:String} AND (alias IN {ids:Array(String)} OR canonical IN {ids:Array(String)})
