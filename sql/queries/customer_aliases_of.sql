-- The ids merged directly into some canonical customer ids (one hop back along customer_aliases).
-- Params: tenant String, ids Array(String).
SELECT alias FROM customer_aliases FINAL WHERE tenant = {tenant:String} AND canonical IN {ids:Array(String)}
