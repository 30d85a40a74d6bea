import { describe, expect, it } from 'vitest'
import { loadConfig } from '../core/index.js'
import { partsNamed, runParts } from './start.js'

const config = (env: Record<string, string> = {}) => loadConfig({ MOFANG_DATA_DIR: '/nonexistent/mofang', ...env })

describe('mofang run PART…', () => {
  it('picks the named default services in their start order', () => {
    expect(partsNamed(config(), ['ocr', 'qa']).map((f) => f.serviceName)).toEqual(['qa', 'ocr'])
  })

  it('names an unknown part and lists the parts', () => {
    expect(() => partsNamed(config(), ['qa', 'sql'])).toThrow(/PART: sql is not a part here; the parts are .*qa.*ocr/)
    expect(() => partsNamed(config(), [])).toThrow(/PART: name at least one of live_metrics/)
  })

  it('needs a shared NATS and a ClickHouse server, each named when missing', async () => {
    await expect(runParts(config(), ['qa'], '')).rejects.toThrow(/^NATS_URL: required for `mofang run`/)
    await expect(runParts(config({ NATS_URL: 'nats://127.0.0.1:4222' }), ['qa'], '')).rejects.toThrow(
      /^CLICKHOUSE_URL or MOFANG_WAREHOUSE_URL: required for `mofang run`: the embedded chDB/,
    )
  })
})
