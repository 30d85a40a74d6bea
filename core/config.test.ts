import { describe, expect, it } from 'vitest'
import { describeSettings, loadConfig, parseApiKeys } from './config.js'

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    const c = loadConfig({})
    expect(c.port).toBe(8080)
    expect(c.natsUrl).toBeUndefined()
    expect(c.clickhouseDatabase).toBe('mofang')
  })
  it('names the variable in every error', () => {
    expect(() => loadConfig({ MOFANG_PORT: 'eighty' })).toThrow(/^MOFANG_PORT: expected a whole number/)
    expect(() => loadConfig({ MOFANG_PORT: '70000' })).toThrow(/^MOFANG_PORT: must be ≤ 65535/)
    expect(() => loadConfig({ NATS_URL: 'not a url' })).toThrow(/^NATS_URL: not a URL/)
    expect(() => loadConfig({ MOFANG_API_KEYS: 'acme' })).toThrow(/^MOFANG_API_KEYS: expected tenant:key/)
    expect(() => loadConfig({ MOFANG_API_KEYS: 'acme:short' })).toThrow(/shorter than 16/)
    expect(() => loadConfig({ MOFANG_TIMEZONE: 'Mars/Olympus' })).toThrow(/^MOFANG_TIMEZONE: unknown time zone/)
  })
  it('defines the accepted ts window, validated like the others', () => {
    const c = loadConfig({})
    expect([c.maxFutureSeconds, c.maxPastDays]).toEqual([300, 1830])
    expect(loadConfig({ MOFANG_MAX_FUTURE_S: '0', MOFANG_MAX_PAST_DAYS: '3650' })).toMatchObject({
      maxFutureSeconds: 0,
      maxPastDays: 3650,
    })
    expect(() => loadConfig({ MOFANG_MAX_FUTURE_S: 'soon' })).toThrow(/^MOFANG_MAX_FUTURE_S: expected a whole number/)
    expect(() => loadConfig({ MOFANG_MAX_FUTURE_S: '-5' })).toThrow(/^MOFANG_MAX_FUTURE_S: must be ≥ 0/)
    expect(() => loadConfig({ MOFANG_MAX_PAST_DAYS: '0' })).toThrow(/^MOFANG_MAX_PAST_DAYS: must be ≥ 1/)
    expect(describeSettings()).toMatch(/MOFANG_MAX_PAST_DAYS\s+1830\s+oldest accepted event ts/)
  })
  it('parses API keys per tenant', () => {
    expect([...parseApiKeys('acme:0123456789abcdef, beta:fedcba9876543210')]).toEqual([
      ['0123456789abcdef', 'acme'],
      ['fedcba9876543210', 'beta'],
    ])
  })
})

describe('sign-in and monitoring settings', () => {
  it('refuses a short session secret, an unknown cookie mode, a proxy that is no address and a short metrics token', () => {
    expect(() => loadConfig({ MOFANG_SESSION_SECRET: 'too-short-secret' })).toThrow(
      /^MOFANG_SESSION_SECRET: must be at least 32 characters, got 16/,
    )
    expect(loadConfig({ MOFANG_SESSION_SECRET: 'x'.repeat(32) }).sessionSecret).toHaveLength(32)
    expect(loadConfig({}).cookieSecure).toBe('auto')
    expect(loadConfig({ MOFANG_COOKIE_SECURE: 'true' }).cookieSecure).toBe('true')
    expect(() => loadConfig({ MOFANG_COOKIE_SECURE: 'yes please' })).toThrow(
      /^MOFANG_COOKIE_SECURE: expected true, false or auto/,
    )
    expect(loadConfig({ MOFANG_TRUSTED_PROXIES: '10.0.0.1, ::1' }).trustedProxies).toBe('10.0.0.1, ::1')
    expect(() => loadConfig({ MOFANG_TRUSTED_PROXIES: '10.0.0.1,nginx' })).toThrow(
      /^MOFANG_TRUSTED_PROXIES: expected IP addresses, got "nginx"/,
    )
    expect(() => loadConfig({ MOFANG_METRICS_TOKEN: 'short' })).toThrow(/^MOFANG_METRICS_TOKEN: must be at least 16/)
    expect(describeSettings()).toMatch(/MOFANG_COOKIE_SECURE\s+auto\s+mark the sign-in cookie Secure/)
  })
})
