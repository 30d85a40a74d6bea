/** The `message_ocr` table (sql/migrations/0021): one row per image on a message; a redelivery replaces its row. */
import type { OcrResult } from '../core/contracts/index.js'
import type { Warehouse } from '../core/index.js'

export async function storeOcrResults(wh: Warehouse, results: readonly OcrResult[], ts: number): Promise<void> {
  if (results.length === 0) return
  await wh.insert(
    'message_ocr',
    results.map((r) => ({
      tenant_id: r.tenant_id,
      interaction_id: r.interaction_id,
      event_id: r.event_id,
      attachment_index: r.attachment_index,
      sha256: r.sha256 ?? '',
      text: r.text,
      facts: JSON.stringify(r.facts),
      error: r.error ?? '',
      ms: Math.round(r.ms),
      ts,
    })),
  )
}
