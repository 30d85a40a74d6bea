/**
 * Repairs of what OCR (PaddleOCR PP-OCRv4) gets wrong in error codes, applied before the fact patterns: a hex code's
 * `0x0` read as `OxO` (the letter O is never a hex digit, so O → 0 inside a hex code cannot change a real value),
 * and a known Windows stop code whose underscores came back as spaces or not at all. Only these exact fixes: other
 * words are left as read, so a real "Ox" in a sentence stays.
 */

/** `0x` / `Ox` / `OX` / `0×` followed by 4–8 hex digits where some zeros were read as the letter O. */
const HEX_CODE = /(?<![0-9A-Za-z])[0O][xX×]([0-9A-Fa-fOo]{4,8})(?![0-9A-Za-z])/g

/** Windows bug-check names the demo and agents see most; matched with their underscores optional. */
export const KNOWN_STOP_CODES = [
  'INACCESSIBLE_BOOT_DEVICE',
  'IRQL_NOT_LESS_OR_EQUAL',
  'CRITICAL_PROCESS_DIED',
  'KERNEL_SECURITY_CHECK_FAILURE',
  'SYSTEM_SERVICE_EXCEPTION',
  'PAGE_FAULT_IN_NONPAGED_AREA',
  'DRIVER_IRQL_NOT_LESS_OR_EQUAL',
  'DPC_WATCHDOG_VIOLATION',
  'UNMOUNTABLE_BOOT_VOLUME',
  'MEMORY_MANAGEMENT',
  'VIDEO_TDR_FAILURE',
  'WHEA_UNCORRECTABLE_ERROR',
  'SYSTEM_THREAD_EXCEPTION_NOT_HANDLED',
  'KMODE_EXCEPTION_NOT_HANDLED',
  'CLOCK_WATCHDOG_TIMEOUT',
] as const

/** Each known name with `[_ ]?` between its words; longest first so DRIVER_IRQL_… wins over IRQL_…. */
const STOP_NAMES = [...KNOWN_STOP_CODES]
  .sort((a, b) => b.length - a.length)
  .map((name) => [name, new RegExp(`\\b${name.split('_').join('[_ ]?')}\\b`, 'g')] as const)

/** The text with OCR's misreadings of error codes repaired (see the file comment); everything else unchanged. */
export function repairOcrText(text: string): string {
  // A word such as "Oxford" never matches (r is not hex); codes come out as 0x + upper-case digits.
  let out = text.replace(HEX_CODE, (_, digits: string) => `0x${digits.replace(/[Oo]/g, '0').toUpperCase()}`)
  for (const [name, re] of STOP_NAMES) out = out.replace(re, name)
  return out
}
