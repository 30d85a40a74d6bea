/** Shapes the review desk API sends, shared by the server (qa/review-api.ts) and the app (types only). */

/** One stored reviewer decision, dispute or answer. */
export interface ReviewRow {
  created_at: number
  review_id: string
  kind: string
  reviewer: string
  item: string
  decision: string
  earned: number | null
  score: number | null
  comment: string
}
