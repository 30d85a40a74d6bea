import { describe, expect, it } from 'vitest'
import { classifyInsertError } from './insert-errors.js'

const chdb = (code: number, message: string) =>
  new Error(`insert into events failed: ${message}`, { cause: { clickhouseCode: code, message } })
const http = (code: string, message: string) =>
  new Error(`insert into events failed: ${message}`, { cause: { code, message } })

describe('classifyInsertError', () => {
  it('waits out an unwell server: full disk, memory, merges behind, network', () => {
    expect(classifyInsertError(chdb(243, 'Cannot reserve 1.00 MiB, not enough space'))).toBe('transient')
    expect(classifyInsertError(chdb(1001, 'std::exception: No space left on device'))).toBe('transient')
    expect(classifyInsertError(http('241', 'Memory limit (total) exceeded'))).toBe('transient')
    expect(
      classifyInsertError(chdb(252, 'Too many parts (3001). Merges are processing significantly slower than inserts')),
    ).toBe('transient')
    expect(classifyInsertError(new Error('connect ECONNREFUSED 127.0.0.1:8123'))).toBe('transient')
  })
  it('blames the data for parse errors and for spanning too many partitions at once', () => {
    expect(classifyInsertError(chdb(41, 'Cannot read DateTime: unexpected word'))).toBe('data')
    expect(classifyInsertError(http('27', 'Cannot parse input'))).toBe('data')
    expect(classifyInsertError(chdb(252, 'Too many partitions for single INSERT block (more than 100)'))).toBe('data')
  })
  it('calls anything else unknown: retried a few times, then isolated', () => {
    expect(classifyInsertError(chdb(395, 'simulated view failure'))).toBe('unknown')
  })
})
