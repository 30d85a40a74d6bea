import { describe, expect, it } from 'vitest'
import { SignInGuard, type Outcome, type SignInLimits } from './sign-in-guard.js'

/** A guard on a clock the test moves, with its log lines. */
function guardOn(limits: Partial<SignInLimits>, accounts: string[] = []) {
  const clock = { now: 1_000_000 }
  const logged: string[] = []
  const guard = new SignInGuard(limits, {
    now: () => clock.now,
    log: (m) => logged.push(m),
    isAccount: (u) => accounts.includes(u),
  })
  return { guard, clock, logged }
}

/** A password check that resolves when the test says so, counting how many run at once. */
function gatedChecks() {
  const open: ((ok: boolean) => void)[] = []
  const state = { running: 0, most: 0, calls: 0 }
  const check = () =>
    new Promise<boolean>((resolve) => {
      state.calls++
      state.most = Math.max(state.most, ++state.running)
      open.push((ok) => {
        state.running--
        resolve(ok)
      })
    })
  const settleAll = async (ok = false) => {
    // Each settled check lets a waiting one start: settle until none is left.
    for (let i = 0; i < 1000 && open.length; i++) {
      open.shift()!(ok)
      await new Promise((r) => setImmediate(r))
    }
  }
  return { check, state, settleAll }
}

const codeOf = (o: Outcome) => (typeof o === 'string' ? o : o.code)
const wide = { burst: 1e9, perMinute: 1e9, maxAddressFailures: 1e9, maxChecking: 1e9, maxWaiting: 1e9 }

describe('SignInGuard', () => {
  it('counts an attempt before its check: a concurrent burst gets maxUserFailures checks, then 429', async () => {
    const { guard, logged } = guardOn({ ...wide, maxUserFailures: 10 }, ['lin'])
    const { check, state, settleAll } = gatedChecks()
    const burst = Array.from({ length: 100 }, () => guard.attempt('lin', '10.0.0.1', check))
    await new Promise((r) => setImmediate(r))
    // All 100 arrived while no check had finished: only 10 were let through to be checked.
    expect(state.calls).toBe(10)
    await settleAll(false)
    const outcomes = (await Promise.all(burst)).map(codeOf)
    expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(10)
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(90)
    expect(await guard.attempt('lin', '10.0.0.1', async () => true)).toMatchObject({
      status: 429,
      code: 'locked',
      reason: 'too many failed sign-ins for this user; try again in 15 minutes',
      retryAfterS: 900,
    })
    expect(guard.counts).toEqual({ ok: 0, wrong: 10, rate_limited: 0, locked: 91, busy: 0 })
    expect(logged).toEqual(['sign-in: user "lin" locked for 15 minutes after 10 failed sign-ins'])
  })

  it('lifts a lock after the window; a right password clears the user count', async () => {
    const { guard, clock } = guardOn({ ...wide, maxUserFailures: 3 })
    for (let i = 0; i < 3; i++) await guard.attempt('lin', 'a', async () => false)
    expect(codeOf(await guard.attempt('lin', 'a', async () => true))).toBe('locked')
    clock.now += 15 * 60_000
    expect(await guard.attempt('lin', 'a', async () => true)).toBe('ok')
    for (let i = 0; i < 2; i++) await guard.attempt('lin', 'a', async () => false)
    expect(await guard.attempt('lin', 'a', async () => true)).toBe('ok')
    // The count started again from the right password: two more failures do not lock.
    for (let i = 0; i < 2; i++) expect(await guard.attempt('lin', 'a', async () => false)).toBe('wrong')
  })

  it('locks an address that fails across many user names (spraying), not the others', async () => {
    const { guard } = guardOn({ ...wide, maxAddressFailures: 5 })
    for (let i = 0; i < 5; i++) expect(await guard.attempt(`user${i}`, 'evil', async () => false)).toBe('wrong')
    expect(await guard.attempt('lin', 'evil', async () => true)).toMatchObject({
      code: 'locked',
      reason: expect.stringContaining('from your address'),
    })
    expect(await guard.attempt('lin', 'office', async () => true)).toBe('ok')
  })

  it('rate-limits each address with a token bucket, before anything is checked', () => {
    const { guard, clock, logged } = guardOn({ burst: 3, perMinute: 6 })
    expect([1, 2, 3].map(() => guard.throttle('10.0.0.1'))).toEqual([undefined, undefined, undefined])
    expect(guard.throttle('10.0.0.1')).toEqual({
      status: 429,
      code: 'rate_limited',
      reason: 'too many sign-in attempts from your address; try again in 10 s',
      retryAfterS: 10,
    })
    expect(guard.throttle('10.0.0.1')).toMatchObject({ code: 'rate_limited' })
    expect(guard.throttle('10.0.0.2')).toBeUndefined() // another address has its own bucket
    clock.now += 10_000 // one token back (6 a minute)
    expect(guard.throttle('10.0.0.1')).toBeUndefined()
    expect(guard.throttle('10.0.0.1')).toMatchObject({ code: 'rate_limited' })
    expect(guard.counts.rate_limited).toBe(3)
    // Logged once per episode of refusals, not once per refused attempt.
    expect(logged).toEqual([
      'sign-in: rate limiting 10.0.0.1 (over 3 at once, 6/min)',
      'sign-in: rate limiting 10.0.0.1 (over 3 at once, 6/min)',
    ])
  })

  it('runs at most maxChecking checks at once and refuses past maxWaiting with 503 busy', async () => {
    const { guard } = guardOn({ ...wide, maxChecking: 2, maxWaiting: 3, maxUserFailures: 1e9 })
    const { check, state, settleAll } = gatedChecks()
    const flood = Array.from({ length: 20 }, (_, i) => guard.attempt(`u${i}`, `10.0.0.${i}`, check))
    await new Promise((r) => setImmediate(r))
    expect(state.calls).toBe(2)
    await settleAll(false)
    const outcomes = (await Promise.all(flood)).map(codeOf)
    expect(state.most).toBe(2)
    expect(state.calls).toBe(5) // 2 running + 3 waiting
    expect(outcomes.filter((o) => o === 'busy')).toHaveLength(15)
    expect(await guard.attempt('u99', 'x', async () => false)).toBe('wrong') // free again
    // A busy refusal is not counted as a failure.
    expect(guard.sizes()).toMatchObject({ checking: 0, waiting: 0, users: 6 })
  })

  it('keeps its tables within maxEntries under a flood of made-up names, never evicting an account', async () => {
    const { guard } = guardOn({ ...wide, maxEntries: 100, maxUserFailures: 3 }, ['lin'])
    for (let i = 0; i < 3; i++) await guard.attempt('lin', 'a', async () => false)
    for (let i = 0; i < 1550; i++) {
      guard.throttle(`10.1.${i >> 8}.${i & 255}`)
      await guard.attempt(`nobody-${i}`, `10.1.${i >> 8}.${i & 255}`, async () => false)
    }
    const sizes = guard.sizes()
    expect(sizes.users).toBeLessThanOrEqual(101)
    expect(sizes.addresses).toBeLessThanOrEqual(100)
    expect(sizes.buckets).toBeLessThanOrEqual(100)
    expect(codeOf(await guard.attempt('lin', 'b', async () => true))).toBe('locked')
  })

  it('drops expired counts as new ones come', async () => {
    const { guard, clock } = guardOn({ ...wide })
    for (let i = 0; i < 50; i++) await guard.attempt(`u${i}`, `a${i}`, async () => false)
    expect(guard.sizes()).toMatchObject({ users: 50, addresses: 50 })
    clock.now += 15 * 60_000
    await guard.attempt('late', 'late', async () => false)
    expect(guard.sizes()).toMatchObject({ users: 1, addresses: 1 })
  })
})
