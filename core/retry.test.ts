import { describe, expect, it } from 'vitest'
import { retryWithBackoff } from './retry.js'

describe('retryWithBackoff', () => {
  it('retries until the call succeeds, reporting each failure', async () => {
    let calls = 0
    const failures: number[] = []
    const value = await retryWithBackoff(
      async () => {
        if (++calls < 3) throw new Error('not yet')
        return 'ok'
      },
      { what: 'test', initialDelayMs: 1, onFailure: (n) => failures.push(n) },
    )
    expect(value).toBe('ok')
    expect(failures).toEqual([1, 2])
  })
  it('rethrows the last error after the deadline or once stopped', async () => {
    await expect(
      retryWithBackoff(() => Promise.reject(new Error('down')), { what: 'x', initialDelayMs: 5, deadlineMs: 20 }),
    ).rejects.toThrow('down')
    await expect(
      retryWithBackoff(() => Promise.reject(new Error('stop')), { what: 'x', stopped: () => true }),
    ).rejects.toThrow('stop')
  })
})
