import { describe, expect, it } from 'vitest'
import { assignRequestOf, MAX_ASSIGN } from './assign.js'

const fieldOf = (body: Record<string, unknown>) => {
  try {
    assignRequestOf(body)
    return null
  } catch (err) {
    return (err as { field?: string }).field
  }
}

describe('assignment requests', () => {
  it('takes a reviewer and interaction ids, or an empty reviewer to take them back', () => {
    expect(assignRequestOf({ reviewer: 'mei', ids: ['ia-1', 'ia-2'] })).toEqual({
      reviewer: 'mei',
      ids: ['ia-1', 'ia-2'],
    })
    expect(assignRequestOf({ reviewer: '', ids: ['ia-1'] })).toEqual({ reviewer: '', ids: ['ia-1'] })
  })

  it('refuses what is not a user name, and id lists that are empty, too long or hold a bad id, naming the field', () => {
    expect(fieldOf({ ids: ['ia-1'] })).toBe('reviewer')
    expect(fieldOf({ reviewer: 'a:b', ids: ['ia-1'] })).toBe('reviewer')
    expect(fieldOf({ reviewer: 'a b', ids: ['ia-1'] })).toBe('reviewer')
    expect(fieldOf({ reviewer: 'x'.repeat(129), ids: ['ia-1'] })).toBe('reviewer')
    expect(fieldOf({ reviewer: 'mei', ids: [] })).toBe('ids')
    expect(fieldOf({ reviewer: 'mei', ids: 'ia-1' })).toBe('ids')
    expect(fieldOf({ reviewer: 'mei', ids: Array.from({ length: MAX_ASSIGN + 1 }, (_, i) => `ia-${i}`) })).toBe('ids')
    expect(fieldOf({ reviewer: 'mei', ids: ['ia-1', 7] })).toBe('ids[1]')
    expect(fieldOf({ reviewer: 'mei', ids: ['ia-1', 'a\u202eb'] })).toBe('ids[1]')
  })
})
