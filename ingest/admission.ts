/**
 * Bounds the bytes of event batches that ingest holds at once (read, parsed, being published).
 * Past the bound a request is refused with 429 before its body is read or anything published, so
 * a refusal always means "nothing of this batch was kept", and the batches that are admitted get
 * their JetStream acks in time instead of timing out together under a burst of large posts.
 */
export interface AdmissionOptions {
  /** Most bytes in flight, summed over requests, bytes. One request is always admitted when none is in flight. */
  maxInFlightBytes: number
}

export class Admission {
  private inFlight = 0
  constructor(private readonly opts: AdmissionOptions) {}

  /** Reserves `bytes`, or returns false when that would pass the bound. */
  tryReserve(bytes: number): boolean {
    if (this.inFlight > 0 && this.inFlight + bytes > this.opts.maxInFlightBytes) return false
    this.inFlight += bytes
    return true
  }

  release(bytes: number): void {
    this.inFlight -= bytes
  }

  get bytesInFlight(): number {
    return this.inFlight
  }
}
