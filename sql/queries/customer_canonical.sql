-- The id a customer id was merged into (one hop along customer_aliases); no row when the id is no alias.
-- Params: tenant String, id String.
SELECT canonical FROM customer_aliases FINAL WHERE tenant = {tenant:String} AND alias = {id:String} LIMIT 1
