export class Progress {
    opts;
    done = 0;
    lastDraw = 0;
    lastDecile = -1;
    started = Date.now();
    stream;
    tty;
    constructor(opts) {
        this.opts = opts;
        this.stream = opts.stream ?? process.stderr;
        this.tty = Boolean(this.stream.isTTY);
    }
    tick(n = 1, extra = '') {
        this.done += n;
        const now = Date.now();
        if (this.tty && now - this.lastDraw < 100)
            return;
        this.lastDraw = now;
        this.draw(extra);
    }
    finish(extra = '') {
        this.draw(extra, true);
    }
    draw(extra, final = false) {
        const { total, label, unit = '' } = this.opts;
        const secs = (Date.now() - this.started) / 1000;
        const rate = secs > 0 ? this.done / secs : 0;
        const pct = total ? Math.min(1, this.done / total) : 0;
        const bar = total
            ? `[${'█'.repeat(Math.round(pct * 24)).padEnd(24, '░')}] ${(pct * 100).toFixed(0).padStart(3)}% `
            : '';
        const eta = total && rate > 0 && !final ? ` eta ${Math.ceil((total - this.done) / rate)}s` : '';
        const line = `${label} ${bar}${this.done}${total ? '/' + total : ''} ${unit} ${rate.toFixed(0)}/s${eta}${extra ? ' ' + extra : ''}`;
        if (this.tty) {
            this.stream.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
            return;
        }
        const decile = total ? Math.floor(pct * 10) : Math.floor(secs / 5);
        if (final || decile !== this.lastDecile) {
            this.lastDecile = decile;
            this.stream.write(line + '\n');
        }
    }
}
//# sourceMappingURL=progress.js.map