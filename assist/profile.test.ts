import { describe, expect, it } from 'vitest'
import { maskIdentity } from './profile.js'

describe('maskIdentity', () => {
  it('masks what the PII rules know in full', () => {
    expect(maskIdentity('13812345678')).toBe('***********')
    expect(maskIdentity('wei.wang@example.com')).not.toContain('wei.wang')
  })

  it('leaves only the last four characters of any other id, after at most eight stars', () => {
    expect(maskIdentity('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')).toBe('********eS6o')
    expect(maskIdentity('crm-12a')).toBe('***-12a')
    expect(maskIdentity('h:Zm9vYmFyYmF6')).toBe('********YmF6')
    expect(maskIdentity('abc')).toBe('***')
  })
})
