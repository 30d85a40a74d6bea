import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.js'

describe('NATS_URL', () => {
  it("takes a cluster's server list", () => {
    const list = 'nats://10.0.0.1:4222, nats://10.0.0.2:4222,tls://user:pw@nats-3.internal:4223,nats://[::1]:4224'
    expect(loadConfig({ NATS_URL: list }).natsUrl).toBe(list)
    expect(loadConfig({ NATS_URL: 'nats://nats.internal' }).natsUrl).toBe('nats://nats.internal')
  })
  it('refuses what the client cannot connect to, naming the variable', () => {
    expect(() => loadConfig({ NATS_URL: 'localhost:4222' })).toThrow(/^NATS_URL: expected nats:\/\/host\[:port\]/)
    expect(() => loadConfig({ NATS_URL: 'http://a:4222' })).toThrow(/^NATS_URL: .*got "http:\/\/a:4222"/)
    expect(() => loadConfig({ NATS_URL: 'nats://a:4222/streams' })).toThrow(/^NATS_URL: /)
    expect(() => loadConfig({ NATS_URL: 'nats://a:4222,,nats://b:4222' })).toThrow(/^NATS_URL: /)
  })
  it('refuses a server listed twice (no redundancy)', () => {
    expect(() => loadConfig({ NATS_URL: 'nats://a:4222,nats://b:4222,nats://a' })).toThrow(
      /^NATS_URL: lists a:4222 twice/,
    )
  })
})
