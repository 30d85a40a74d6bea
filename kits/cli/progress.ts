/**
 * A progress bar for long jobs on stderr. On a terminal it redraws one line;
 * elsewhere (CI logs, pipes) it prints a line every 10% so logs stay readable.
 */
export interface ProgressOptions {
  /** Total units of work; 0 or undefined shows a counter without a bar. */
  total?: number
  label: string
  /** Unit shown after the counts, e.g. 'rows' or 'files'. */
  unit?: string
  stream?: NodeJS.WriteStream
}

export class Progress {
  private done = 0
  private lastDraw = 0
  private lastDecile = -1
  private readonly started = Date.now()
  private readonly stream: NodeJS.WriteStream
  private readonly tty: boolean

  constructor(private readonly opts: ProgressOptions) {
    this.stream = opts.stream ?? process.stderr
    this.tty = Boolean(this.stream.isTTY)
  }

  tick(n = 1, extra = ''): void {
    this.done += n
    const now = Date.now()
    if (this.tty && now - this.lastDraw < 100) return
    this.lastDraw = now
    this.draw(extra)
  }

  finish(extra = ''): void {
    this.draw(extra, true)
  }

  private draw(extra: string, final = false): void {
    const { total, label, unit = '' } = this.opts
    const secs = (Date.now() - this.started) / 1000
    const rate = secs > 0 ? this.done / secs : 0
    const pct = total ? Math.min(1, this.done / total) : 0
    const bar = total
      ? `[${'█'.repeat(Math.round(pct * 24)).padEnd(24, '░')}] ${(pct * 100).toFixed(0).padStart(3)}% `
      : ''
    const eta = total && rate > 0 && !final ? ` eta ${Math.ceil((total - this.done) / rate)}s` : ''
    const line = `${label} ${bar}${this.done}${total ? '/' + total : ''} ${unit} ${rate.toFixed(0)}/s${eta}${extra ? ' ' + extra : ''}`
    if (this.tty) {
      this.stream.write(`\r\x1b[2K${line}${final ? '\n' : ''}`)
      return
    }
    const decile = total ? Math.floor(pct * 10) : Math.floor(secs / 5)
    if (final || decile !== this.lastDecile) {
      this.lastDecile = decile
      this.stream.write(line + '\n')
    }
  }
}
