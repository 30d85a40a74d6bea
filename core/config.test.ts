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
