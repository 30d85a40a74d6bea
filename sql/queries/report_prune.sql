-- Deletes the rollup rows of a tenant's local days that belong to builds other than the current one (a rebuilt day
-- keeps one build; reports read current builds only, so this runs after the new build is recorded).
-- Params: tenant String; tz String; from, to Date (both included); keep String (the current build_id).
DELETE FROM report_daily
WHERE tenant = {tenant:String} AND tz = {tz:String} AND day >= {from:Date} AND day <= {to:Date} AND build_id != {keep:String}
