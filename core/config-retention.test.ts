/** The data lifecycle settings (MOFANG_RETENTION_*, MOFANG_RECORDINGS_DIR) in core/config.ts. */
import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.js'

describe('retention settings', () => {
  it('keep everything when unset, as before', () => {
    const c = loadConfig({})
    expect([c.retentionEventsDays, c.retentionTranscriptsDays, c.retentionQaDays]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
    expect([c.retentionRecordingsDays, c.retentionReportsDays, c.retentionIdentitiesDays]).toEqual([
      undefined,
      undefined,
      undefined,
    ])
    expect(c.streamMaxAgeHours).toBe(168)
  })

  it('take whole days from 1, naming the variable otherwise', () => {
    expect(loadConfig({ MOFANG_RETENTION_QA_DAYS: '365' }).retentionQaDays).toBe(365)
    expect(() => loadConfig({ MOFANG_RETENTION_EVENTS_DAYS: '0' })).toThrow(
      /^MOFANG_RETENTION_EVENTS_DAYS: must be ≥ 1/,
    )
    expect(() => loadConfig({ MOFANG_RETENTION_QA_DAYS: '1.5' })).toThrow(
      /^MOFANG_RETENTION_QA_DAYS: expected a whole number/,
    )
    expect(() => loadConfig({ MOFANG_RETENTION_TRANSCRIPTS_DAYS: 'forever' })).toThrow(
      /^MOFANG_RETENTION_TRANSCRIPTS_DAYS: expected a whole number/,
    )
  })

  it('delete recordings only from a directory named for it', () => {
    expect(() => loadConfig({ MOFANG_RETENTION_RECORDINGS_DAYS: '90' })).toThrow(
      /^MOFANG_RETENTION_RECORDINGS_DAYS: needs MOFANG_RECORDINGS_DIR/,
    )
    const c = loadConfig({ MOFANG_RETENTION_RECORDINGS_DAYS: '90', MOFANG_RECORDINGS_DIR: '/srv/recordings' })
    expect([c.retentionRecordingsDays, c.recordingsDir]).toEqual([90, '/srv/recordings'])
  })

  it('keep events in the stream no longer than in the warehouse', () => {
    expect(loadConfig({ MOFANG_RETENTION_EVENTS_DAYS: '3' }).streamMaxAgeHours).toBe(72)
    expect(loadConfig({ MOFANG_RETENTION_EVENTS_DAYS: '30' }).streamMaxAgeHours).toBe(168)
    expect(loadConfig({ MOFANG_RETENTION_EVENTS_DAYS: '3', MOFANG_STREAM_MAX_AGE_HOURS: '48' }).streamMaxAgeHours).toBe(
      48,
    )
    expect(() => loadConfig({ MOFANG_RETENTION_EVENTS_DAYS: '3', MOFANG_STREAM_MAX_AGE_HOURS: '100' })).toThrow(
      /^MOFANG_STREAM_MAX_AGE_HOURS: 100 h keeps events longer than MOFANG_RETENTION_EVENTS_DAYS \(3 days = 72 h\)/,
    )
  })
})
