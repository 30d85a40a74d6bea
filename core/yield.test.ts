import { describe, expect, it } from 'vitest'
import { createYielder } from './yield.js'
import { watchEventLoop } from '../testing/loop-gaps.js'

const busy = (ms: number) => {
  const until = performance.now() + ms
  while (performance.now() < until);
}

describe('createYielder', () => {
  it('resolves without giving the event loop back while the budget lasts', async () => {
    const maybeYield = createYielder(10_000)
    let immediateRan = false
    setImmediate(() => (immediateRan = true))
    for (let i = 0; i < 1_000; i++) await maybeYield()
    expect(immediateRan).toBe(false)
  })

  it('lets timers run between slices of a long loop', async () => {
    const maybeYield = createYielder(20)
    const loop = watchEventLoop(5)
    // 300 ms of work in 1 ms units: without yielding no tick would run until the end.
    for (let i = 0; i < 300; i++) {
      busy(1)
      await maybeYield()
    }
    // Timers got turns during the loop: it handed the event loop back (how long each stretch took is not asserted).
    const { ticks } = loop.stop()
    expect(ticks).toBeGreaterThanOrEqual(5)
  })
})
