export class Admission {
    opts;
    inFlight = 0;
    constructor(opts) {
        this.opts = opts;
    }
    /** Reserves `bytes`, or returns false when that would pass the bound. */
    tryReserve(bytes) {
        if (this.inFlight > 0 && this.inFlight + bytes > this.opts.maxInFlightBytes)
            return false;
        this.inFlight += bytes;
        return true;
    }
    release(bytes) {
        this.inFlight -= bytes;
    }
    get bytesInFlight() {
        return this.inFlight;
    }
}
//# sourceMappingURL=admission.js.map