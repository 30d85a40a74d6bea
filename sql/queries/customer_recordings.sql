-- Where the recordings of some interactions are: the URLs of their voice.recording_available events and of their
-- transcripts (privacy/recordings.ts).
-- Params: tenant String, interactions Array(String).
SELECT DISTINCT interaction_id, JSONExtractString(payload, 'url') AS url
FROM events
WHERE tenant = {tenant:String} AND type = 'voice.recording_available' AND interaction_id IN {interactions:Array(String)}
UNION DISTINCT
SELECT DISTINCT interaction_id, recording_url AS url
FROM transcripts
WHERE tenant = {tenant:String} AND recording_url != '' AND interaction_id IN {interactions:Array(String)}
