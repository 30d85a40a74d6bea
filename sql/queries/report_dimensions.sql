-- The queues, teams and sites a tenant's events named in the last `days` days: what a report may be narrowed to
-- (teams include the teams tickets were assigned to, ticket.assigned's payload.team).
-- Params: tenant String; days UInt32.
-- Rows: one, with queues, teams, sites (sorted arrays).
SELECT
    arraySort(groupUniqArrayIf(queue, queue != '')) AS queues,
    arraySort(arrayDistinct(arrayConcat(groupUniqArrayIf(team, team != ''),
        groupUniqArrayIf(JSONExtractString(payload, 'team'), type = 'ticket.assigned' AND JSONExtractString(payload, 'team') != '')))) AS teams,
    arraySort(groupUniqArrayIf(site, site != '')) AS sites
FROM events
WHERE tenant = {tenant:String} AND ts >= now64(3) - toIntervalDay({days:UInt32})
