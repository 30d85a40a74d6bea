import { describe, expect, it } from 'vitest'
import { Admission } from './admission.js'

describe('Admission', () => {
  it('admits up to the bound, always one request, and frees on release', () => {
    const a = new Admission({ maxInFlightBytes: 100 })
    expect(a.tryReserve(150)).toBe(true) // alone, even over the bound
    expect(a.tryReserve(1)).toBe(false)
    a.release(150)
    expect(a.tryReserve(60)).toBe(true)
    expect(a.tryReserve(40)).toBe(true)
    expect(a.tryReserve(1)).toBe(false)
    a.release(40)
    expect(a.bytesInFlight).toBe(60)
  })
})
