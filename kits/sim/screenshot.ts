/**
 * Rendered screenshots for the simulator, the OCR tests and the OCR benchmark: a Windows-style error dialog, a blue
 * screen with its stop code, an app crash dialog. PNG via @napi-rs/canvas (Skia, prebuilt; no system libraries),
 * loaded on first use so the rest of the kit stays light. Chinese needs a CJK font: WenQuanYi Micro Hei is
 * registered when present (Debian `fonts-wqy-microhei`); without one, Chinese specs are drawn in English, so a
 * picture never shows empty boxes.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

type Canvas = typeof import('@napi-rs/canvas')
type Ctx = ReturnType<ReturnType<Canvas['createCanvas']>['getContext']>

export type ScreenshotLanguage = 'zh' | 'en'

export type ScreenshotSpec =
  /** A system error dialog: title bar, icon, a message and "error code: <code>". */
  | { kind: 'error_dialog'; language: ScreenshotLanguage; code: string; message?: string }
  /** A Windows blue screen: the sad face, a line of text, "Stop code: <stopCode>" and the symbolic name. */
  | { kind: 'blue_screen'; language: ScreenshotLanguage; stopCode: string; name: string }
  /** "<process> has stopped working" with the exception code. */
  | { kind: 'app_crash'; language: ScreenshotLanguage; process: string; code: string }

export interface ScreenshotOptions {
  /** Width in pixels; default 600. */
  width?: number
  /** Height in pixels; default 300. */
  height?: number
}

const CJK_FONT_FILES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
]
const CJK_FAMILY = 'Mofang CJK'
const LATIN_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, sans-serif'

let canvas: { lib: Canvas; cjk: boolean } | undefined

/** The canvas library, with a CJK font registered when this machine has one. */
function load(): { lib: Canvas; cjk: boolean } {
  if (canvas) return canvas
  const lib = createRequire(import.meta.url)('@napi-rs/canvas') as Canvas
  const file = CJK_FONT_FILES.find((f) => existsSync(f))
  const cjk = file !== undefined && lib.GlobalFonts.registerFromPath(file, CJK_FAMILY) !== null
  return (canvas = { lib, cjk })
}

/** Whether Chinese can be drawn here; when false, `language: 'zh'` specs come out in English. */
export function cjkFontAvailable(): boolean {
  return load().cjk
}

const WORDS = {
  zh: {
    dialogTitle: '系统错误',
    dialogMessage: '操作无法完成，系统遇到了一个错误。',
    code: '错误代码',
    ok: '确定',
    bsod: '你的设备遇到问题，需要重启。',
    stop: '终止代码',
    crashTitle: '应用程序错误',
    crashed: (p: string) => `${p} 已停止工作`,
    exception: '异常代码',
  },
  en: {
    dialogTitle: 'System Error',
    dialogMessage: 'The operation could not be completed.',
    code: 'Error code',
    ok: 'OK',
    bsod: 'Your PC ran into a problem and needs to restart.',
    stop: 'Stop code',
    crashTitle: 'Application Error',
    crashed: (p: string) => `${p} has stopped working`,
    exception: 'Exception code',
  },
}

function font(px: number, cjk: boolean, bold = false): string {
  return `${bold ? 'bold ' : ''}${px}px ${cjk ? `"${CJK_FAMILY}", ` : ''}${LATIN_FAMILY}`
}

/** A dialog window: title bar, body, a red or yellow round icon and an OK button; lines drawn beside the icon. */
function dialog(g: Ctx, w: number, h: number, title: string, lines: string[], ok: string, cjk: boolean, icon: string) {
  g.fillStyle = '#3a6ea5'
  g.fillRect(0, 0, w, h)
  const x = 20,
    y = 20,
    dw = w - 40,
    dh = h - 40
  g.fillStyle = '#f0f0f0'
  g.fillRect(x, y, dw, dh)
  g.fillStyle = '#ffffff'
  g.fillRect(x, y, dw, 34)
  g.fillStyle = '#000000'
  g.font = font(17, cjk)
  g.fillText(title, x + 12, y + 23)
  g.fillStyle = icon
  g.beginPath()
  g.arc(x + 42, y + 78, 18, 0, Math.PI * 2)
  g.fill()
  g.fillStyle = '#ffffff'
  g.font = font(22, false, true)
  g.fillText('!', x + 37, y + 86)
  g.fillStyle = '#000000'
  g.font = font(18, cjk)
  lines.forEach((line, i) => g.fillText(line, x + 78, y + 72 + i * 32))
  g.strokeStyle = '#0078d7'
  g.lineWidth = 2
  g.strokeRect(x + dw - 110, y + dh - 48, 90, 32)
  g.font = font(16, cjk)
  g.fillText(ok, x + dw - 76, y + dh - 26)
}

/** The text when this font can draw it: Chinese only with a CJK font. */
const drawable = (text: string | undefined, cjk: boolean) =>
  cjk || !/[^\x20-\x7e]/.test(text ?? '') ? text : undefined

/**
 * A PNG screenshot of the spec. Deterministic: the same spec and options give the same bytes (cache them; a
 * 600×300 picture is ~10–25 kB and takes a few ms).
 */
export function renderScreenshot(spec: ScreenshotSpec, options: ScreenshotOptions = {}): Buffer {
  const { lib, cjk } = load()
  const w = options.width ?? 600
  const h = options.height ?? 300
  const zh = spec.language === 'zh' && cjk
  const t = WORDS[zh ? 'zh' : 'en']
  const sep = zh ? '：' : ': '
  const c = lib.createCanvas(w, h)
  const g = c.getContext('2d')
  switch (spec.kind) {
    case 'error_dialog':
      dialog(
        g,
        w,
        h,
        t.dialogTitle,
        [drawable(spec.message, zh) ?? t.dialogMessage, `${t.code}${sep}${spec.code}`],
        t.ok,
        zh,
        '#d83b01',
      )
      break
    case 'app_crash':
      dialog(g, w, h, t.crashTitle, [t.crashed(spec.process), `${t.exception}${sep}${spec.code}`], t.ok, zh, '#e8a400')
      break
    case 'blue_screen':
      g.fillStyle = '#0078d7'
      g.fillRect(0, 0, w, h)
      g.fillStyle = '#ffffff'
      g.font = font(64, false)
      g.fillText(':(', 30, 80)
      g.font = font(18, zh)
      g.fillText(t.bsod, 30, 130)
      g.font = font(18, zh)
      g.fillText(`${t.stop}${sep}${spec.stopCode}`, 30, 190)
      g.fillText(spec.name, 30, 225)
      break
  }
  return c.toBuffer('image/png')
}
