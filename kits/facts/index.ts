/**
 * The key-facts kit: error codes, product models and order numbers found in text (QA, OCR, live conversations and
 * agent assist all use these patterns), and the repairs OCR text needs before matching.
 */
export {
  FACT_KINDS,
  FACT_PATTERNS,
  factsInText,
  matchFacts,
  type FactKind,
  type FactMatch,
  type FactValue,
} from './patterns.js'
export { KNOWN_STOP_CODES, repairOcrText } from './ocr-text.js'
