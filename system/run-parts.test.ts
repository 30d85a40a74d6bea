import { describe, expect, it } from 'vitest'
import { loadConfig } from '../core/index.js'
import { partsNamed, runParts, servicesForStart } from './start.js'

const config = (env: Record<string, string> = {}) => loadConfig({ MOFANG_DATA_DIR: '/nonexistent/mofang', ...env })

describe('mofang run PART…', () => {
  it('picks the named default services in their start order', () => {
    expect(partsNamed(config(), ['ocr', 'qa']).map((f) => f.serviceName)).toEqual(['qa', 'ocr'])
  })

  it('names an unknown part and lists the parts', () => {
    expect(() => partsNamed(config(), ['qa', 'sql'])).toThrow(/PART: sql is not a part here; the parts are .*qa.*ocr/)
    expect(() => partsNamed(config(), [])).toThrow(/PART: name at least one of live_metrics/)
    expect(() => partsNamed(config(), ['transcription'])).toThrow(/PART: transcription .* run it with qa/)
    expect(partsNamed(config(), ['transcription', 'qa']).map((f) => f.serviceName)).toEqual(['qa', 'transcription'])
  })

  it('needs a shared NATS and a ClickHouse server, each named when missing', async () => {
    await expect(runParts(config(), ['qa'], '')).rejects.toThrow(/^NATS_URL: required for `mofang run`/)
    await expect(runParts(config({ NATS_URL: 'nats://127.0.0.1:4222' }), ['qa'], '')).rejects.toThrow(
      /^CLICKHOUSE_URL or MOFANG_WAREHOUSE_URL: required for `mofang run`: the embedded chDB/,
    )
  })
})

describe('mofang start with MOFANG_PART_PROCESSES', () => {
  const names = (env: Record<string, string>) => servicesForStart(config(env)).map((f) => f.serviceName)

  it('puts the named parts in supervised processes, in the first place, and keeps the rest in the process', () => {
    const split = names({ MOFANG_PART_PROCESSES: 'live_metrics,ocr' })
    expect(split[0]).toBe('part_processes')
    expect(split).not.toContain('live_metrics')
    expect(split).not.toContain('ocr')
    expect(split).toContain('qa')
    expect(names({ MOFANG_PART_PROCESSES: 'none' })).toEqual(expect.arrayContaining(['live_metrics', 'ocr', 'qa']))
    expect(names({ MOFANG_PART_PROCESSES: 'none' })).not.toContain('part_processes')
  })

  it('gives a part that is off no process', () => {
    expect(names({ MOFANG_PART_PROCESSES: 'ocr', MOFANG_OCR_WORKERS: '0' })).not.toContain('part_processes')
  })

  it('refuses parts that serve routes or call into another part, naming the setting', () => {
    expect(() => names({ MOFANG_PART_PROCESSES: 'live_metrics,qa' })).toThrow(
      /^MOFANG_PART_PROCESSES: qa: only live_metrics and ocr run in a process of their own/,
    )
  })
})
