/** Seeded randomness for synthetic data: deterministic across runs and machines. */

/** Park–Miller LCG; returns floats in (0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed % 2147483647 || 1
  return () => (s = (s * 48271) % 2147483647) / 2147483647
}

/** Poisson sample (Knuth for small means, normal approximation above 50). */
export function poisson(mean: number, rnd: () => number): number {
  if (mean > 50) {
    const z = Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd())
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z))
  }
  const l = Math.exp(-mean)
  let k = 0
  for (let p = rnd(); p > l; p *= rnd()) k++
  return k
}
