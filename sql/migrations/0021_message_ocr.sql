-- Text read from the images on chat messages and ticket comments (ocr/service.ts), one row per image: the text
-- (OCR's misreadings of error codes repaired), the key facts found in it (JSON `[{kind, value}]`), or `error`
-- (`<reason>: <message>`, reason one of not_image, empty, too_large, wrong_type, unreachable, unreadable) when the
-- attachment could not be read. `ms` is the time OCR took. Keyed by the message's event and the attachment's place
-- on it, so a redelivered message replaces its rows instead of adding to them (read with FINAL).
CREATE TABLE IF NOT EXISTS message_ocr
(
    tenant_id         LowCardinality(String),
    interaction_id    String,
    event_id          String,
    attachment_index  UInt8,
    sha256            String,
    text              String,
    facts             String,
    error             String,
    ms                UInt32,
    ts                DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(ts)
ORDER BY (tenant_id, interaction_id, event_id, attachment_index)
/* shard: cityHash64(tenant_id, interaction_id) */;
