-- Calls whose transcript waits for a Whisper model, for the QA desk's notice: the transcription service stores each
-- call as 'awaiting' with the reason, which names the missing model (transcribe/service.ts noModelReason).
-- Params: tenant String.
SELECT count() AS n
FROM transcripts FINAL
WHERE tenant = {tenant:String} AND status = 'awaiting' AND position(error, 'no Whisper model') > 0
