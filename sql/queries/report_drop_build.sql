-- Deletes the rows of one build from the daily rollup (a raw report's scratch build, once read).
-- Params: tenant String; tz String; build_id String.
DELETE FROM report_daily WHERE tenant = {tenant:String} AND tz = {tz:String} AND build_id = {build_id:String}
