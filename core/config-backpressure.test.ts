import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.js'

describe('backpressure settings', () => {
  it('defaults to an automatic stream limit and sink lag (0)', () => {
    const c = loadConfig({})
    expect([c.streamMaxBytes, c.sinkMaxLagSeconds]).toEqual([0, 0])
  })

  it('refuses a stream limit that cannot hold one packed message, naming the variable', () => {
    expect(() => loadConfig({ MOFANG_STREAM_MAX_BYTES: '65536' })).toThrow(/MOFANG_STREAM_MAX_BYTES.*at least 1048576/)
    expect(loadConfig({ MOFANG_STREAM_MAX_BYTES: '1048576' }).streamMaxBytes).toBe(1_048_576)
  })

  it("refuses a sink lag that is not below the stream's max age", () => {
    const env = { MOFANG_STREAM_MAX_AGE_HOURS: '2' }
    expect(() => loadConfig({ ...env, MOFANG_SINK_MAX_LAG_S: '7200' })).toThrow(/MOFANG_SINK_MAX_LAG_S.*max age/)
    expect(loadConfig({ ...env, MOFANG_SINK_MAX_LAG_S: '7199' }).sinkMaxLagSeconds).toBe(7199)
  })
})
