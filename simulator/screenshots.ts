/**
 * Screenshots customers send in chats: a rendered picture of the error the conversation is about (a blue screen
 * for a stop code, an error dialog for a BIOS/diagnostic code), inline as base64 PNG so the OCR service reads it.
 * Each distinct picture is rendered once (a few ms, ~15 kB) and the attachment shared by every message sending it.
 */
import type { Attachment } from '../core/index.js'
import { Random, cjkFontAvailable, renderScreenshot, type ScreenshotSpec } from '../kits/sim/index.js'
import type { Language } from './names.js'

/** Share of repair (technical support) chats whose customer sends a screenshot of the error. */
export const SCREENSHOT_SHARE = 0.03
/** The same during an incident burst: many customers send the same picture. */
export const BURST_SCREENSHOT_SHARE = 0.3

/**
 * Whether this contact's customer sends a screenshot. Drawn from the contact's id (FNV-1a), not the simulation's
 * stream, so adding screenshots left every other draw of the simulation as it was.
 */
export function sendsScreenshot(contactId: string, burst: boolean): boolean {
  let h = 0x811c9dc5
  for (let i = 0; i < contactId.length; i++) h = Math.imul(h ^ contactId.charCodeAt(i), 0x01000193)
  return new Random(h >>> 0).chance(burst ? BURST_SCREENSHOT_SHARE : SCREENSHOT_SHARE)
}

/** Windows bug-check names of the stop codes in the catalogue's ERROR_CODES. */
const STOP_NAMES: Readonly<Record<string, string>> = {
  '0x0000007B': 'INACCESSIBLE_BOOT_DEVICE',
  '0x000000EF': 'CRITICAL_PROCESS_DIED',
  '0xC000021A': 'STATUS_SYSTEM_PROCESS_TERMINATED',
  '0x00000124': 'WHEA_UNCORRECTABLE_ERROR',
}

/** The picture of one of the catalogue's errors: a blue screen for a stop code, a dialog for the rest. */
export function screenshotOf(error: string, language: Language): ScreenshotSpec {
  const stop = STOP_NAMES[error] ? error : Object.keys(STOP_NAMES).find((code) => STOP_NAMES[code] === error)
  if (stop) return { kind: 'blue_screen', language, stopCode: stop, name: STOP_NAMES[stop] }
  // '2100: Detection error on HDD0', 'Error 0271': the number is the code, the rest the message.
  const code = /\d{3,}/.exec(error)?.[0] ?? error
  const message = error.replace(/^Error\s+\d+$/, '').replace(/^\d+:\s*/, '') || undefined
  return { kind: 'error_dialog', language, code, message }
}

const cache = new Map<string, Attachment>()

/** The inline attachment of the error's screenshot (600×300 PNG), rendered on first use. */
export function screenshotAttachment(error: string, language: Language): Attachment {
  // Without a CJK font Chinese pictures come out in English: one cache entry serves both then.
  const key = `${error}\u0000${cjkFontAvailable() ? language : 'en'}`
  let a = cache.get(key)
  if (!a) {
    const png = renderScreenshot(screenshotOf(error, language))
    a = {
      kind: 'image',
      content_type: 'image/png',
      size: png.length,
      name: 'screenshot.png',
      data: png.toString('base64'),
    }
    cache.set(key, a)
  }
  return a
}
