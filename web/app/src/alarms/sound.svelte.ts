/**
 * A short tone when an alarm comes, through WebAudio. Browsers keep audio off until the page had a user gesture
 * (autoplay policy): until then `blocked` is true and the banner offers a one-time button that unlocks it (a kiosk
 * can be started with Chromium's `--autoplay-policy=no-user-gesture-required` to skip it).
 */
export class AlarmSound {
  blocked = $state(false)
  private ctx: AudioContext | null = null

  /** Plays the tone: two beeps for a critical alarm, one for a warning; notes whether the browser held it back. */
  play(severity: 'critical' | 'warning'): void {
    const ctx = this.context()
    if (!ctx) return
    if (ctx.state !== 'running') {
      this.blocked = true
      return
    }
    const beeps = severity === 'critical' ? 2 : 1
    for (let i = 0; i < beeps; i++) {
      const at = ctx.currentTime + i * 0.35
      const osc = ctx.createOscillator()
      const gain = ctx.createGain()
      osc.frequency.value = severity === 'critical' ? 880 : 660
      gain.gain.setValueAtTime(0.0001, at)
      gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25)
      osc.connect(gain).connect(ctx.destination)
      osc.start(at)
      osc.stop(at + 0.3)
    }
  }

  /** Finds out whether the browser lets the page play sound yet (a page that had no gesture: not). */
  check(): void {
    const ctx = this.context()
    this.blocked = ctx !== null && ctx.state !== 'running'
  }

  /** Called from a click: the gesture lets the audio start. */
  async unlock(): Promise<void> {
    await this.context()?.resume()
    this.blocked = this.ctx?.state !== 'running'
  }

  close(): void {
    void this.ctx?.close()
    this.ctx = null
  }

  private context(): AudioContext | null {
    if (!this.ctx && typeof AudioContext !== 'undefined') this.ctx = new AudioContext()
    return this.ctx
  }
}
