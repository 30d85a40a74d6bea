/** Accuracy measures over (actual, forecast) pairs. */
/** Accumulates absolute errors so folds can be pooled before dividing. */
export class ErrorTally {
    absError = 0;
    actualSum = 0;
    apeSum = 0;
    apeCount = 0;
    inside = 0;
    withInterval = 0;
    add(actual, forecast, lo, hi) {
        const err = Math.abs(actual - forecast);
        this.absError += err;
        this.actualSum += actual;
        if (actual > 0) {
            this.apeSum += err / actual;
            this.apeCount++;
        }
        if (lo !== undefined && hi !== undefined) {
            this.withInterval++;
            if (actual >= lo && actual <= hi)
                this.inside++;
        }
    }
    /** Weighted absolute percentage error: Σ|a−f| / Σa, in %. */
    get wape() {
        return this.actualSum > 0 ? (100 * this.absError) / this.actualSum : NaN;
    }
    /** Mean absolute percentage error over intervals with a non-zero actual, in %. */
    get mape() {
        return this.apeCount > 0 ? (100 * this.apeSum) / this.apeCount : NaN;
    }
    /** Share of actuals inside their prediction interval, in % (NaN when no intervals were given). */
    get coverage() {
        return this.withInterval > 0 ? (100 * this.inside) / this.withInterval : NaN;
    }
}
//# sourceMappingURL=metrics.js.map