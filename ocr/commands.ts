/** `mofang ocr`: declaration only; the work is imported lazily. */
import type { Command } from '../kits/cli/index.js'

export const ocrCommands: Command[] = [
  {
    path: ['ocr'],
    summary: 'read the text of screenshots and the key facts in it (error codes, product models, order numbers)',
    details:
      'PaddleOCR PP-OCRv4 (bundled) on a pool of worker threads, ~1.7 s of CPU a screenshot.\n' +
      'With --json prints [{file, text, facts: [{kind, value}]}] (an unreadable file gets "error" instead).\n' +
      'Example: mofang ocr bsod.png dialog.jpg --json',
    positionals: 'IMAGE…',
    options: {
      json: { type: 'boolean', description: 'print JSON instead of text' },
      workers: { type: 'string', description: 'worker threads', default: '1' },
    },
    run: async (args) => (await import('./ocr-command.js')).runOcr(args),
  },
]
