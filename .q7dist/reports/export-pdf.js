/**
 * A report as PDF: the HTML page of report-html.ts printed by headless Chromium (playwright-core, as the browser
 * tests use it). Why Chromium rather than a PDF library: the text is laid out and shaped by a browser engine, so
 * Chinese and mixed Chinese/English lines break and kern as on the /reports page, with the system's CJK font
 * embedded (subset) in the file; tables and sparklines are plain HTML and SVG instead of hand-placed drawing
 * calls. The cost: a Chromium binary and a CJK font on the server (Debian: chromium, fonts-wqy-microhei), and about
 * a second per PDF. Without Chromium, PDF export answers ExportUnavailable; the other formats work.
 */
import { existsSync } from 'node:fs';
import { MofangError } from '../core/index.js';
import { reportHtml } from './report-html.js';
/** Where Chromium is looked for after the caller's `executable`: Debian's and Google's builds. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
/** No sandbox (root in containers), no GPU, no network chatter: the page has no external resource. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
/** An export this server cannot make (a set-up problem: the HTTP API answers 503 with the reason). */
export class ExportUnavailable extends MofangError {
    constructor(reason) {
        super('CONFIG', reason);
        this.name = 'ExportUnavailable';
    }
}
export function chromiumPath(executable) {
    return [executable, ...CANDIDATES].find((p) => Boolean(p) && existsSync(p));
}
export async function reportToPdf(r, lang = 'zh', executable) {
    const path = chromiumPath(executable);
    if (!path)
        throw new ExportUnavailable('PDF export needs Chromium and a CJK font on the server (Debian: apt-get install chromium fonts-wqy-microhei)');
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: path, headless: true, args: ARGS });
    try {
        const page = await browser.newPage();
        await page.setContent(reportHtml(r, lang), { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    }
    finally {
        await browser.close();
    }
}
//# sourceMappingURL=export-pdf.js.map