-- What OCR read from the images on some interactions' messages (message_ocr, written by ocr/service.ts), one row per
-- message: QA adds it to the message's turn, so key facts and checks see an error code that only a screenshot shows.
-- Params: tenant String, ids Array(String).
SELECT
    event_id,
    arrayStringConcat(groupArray(text), '\n') AS ocr_text
FROM
(
    SELECT event_id, attachment_index, text
    FROM message_ocr FINAL
    WHERE tenant_id = {tenant:String}
      AND interaction_id IN {ids:Array(String)}
      AND error = ''
      AND text != ''
    ORDER BY event_id, attachment_index
)
GROUP BY event_id
