import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.js'

describe('MOFANG_WAREHOUSE_URL', () => {
  it('takes a server URL with its admin token', () => {
    const config = loadConfig({ MOFANG_WAREHOUSE_URL: 'http://127.0.0.1:8080', MOFANG_WAREHOUSE_TOKEN: 'adm_x' })
    expect([config.warehouseUrl, config.warehouseToken]).toEqual(['http://127.0.0.1:8080', 'adm_x'])
  })
  it('refuses half a pair, a non-HTTP URL and a ClickHouse server beside it, naming the variable', () => {
    expect(() => loadConfig({ MOFANG_WAREHOUSE_URL: 'http://a:8080' })).toThrow(/^MOFANG_WAREHOUSE_TOKEN: required/)
    expect(() => loadConfig({ MOFANG_WAREHOUSE_TOKEN: 'adm_x' })).toThrow(/^MOFANG_WAREHOUSE_TOKEN: set only with/)
    expect(() => loadConfig({ MOFANG_WAREHOUSE_URL: 'nats://a:4222', MOFANG_WAREHOUSE_TOKEN: 'x' })).toThrow(
      /^MOFANG_WAREHOUSE_URL: /,
    )
    expect(() =>
      loadConfig({
        MOFANG_WAREHOUSE_URL: 'http://a:8080',
        MOFANG_WAREHOUSE_TOKEN: 'x',
        CLICKHOUSE_URL: 'http://ch:8123',
      }),
    ).toThrow(/^MOFANG_WAREHOUSE_URL: set it or CLICKHOUSE_URL, not both/)
  })
})
