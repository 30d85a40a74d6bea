-- The warehouse sink inserts the stream's events as they are (warehouse/event-rows.ts).
-- A stored event calls its identities `customer`: this ephemeral column takes them, not
-- stored, and fills `identities` through its default.
ALTER TABLE events ADD COLUMN IF NOT EXISTS customer Map(LowCardinality(String), String) EPHEMERAL;

ALTER TABLE events MODIFY COLUMN IF EXISTS identities Map(LowCardinality(String), String) DEFAULT customer;

-- A redelivered message is now checked by its event_ids, so rows no longer carry the
-- JetStream sequence of their message.
ALTER TABLE events DROP INDEX IF EXISTS idx_stream_seq;

ALTER TABLE events DROP COLUMN IF EXISTS stream_seq;
