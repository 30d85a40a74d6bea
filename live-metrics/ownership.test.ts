import { describe, expect, it } from 'vitest'
import { ownerOf, tenantsOf } from './ownership.js'

const tenants = Array.from({ length: 1_000 }, (_, i) => `tenant-${i}`)
const ownersWith = (members: string[]) => new Map(tenants.map((t) => [t, ownerOf(t, members)]))

describe('ownerOf', () => {
  it('gives every tenant to exactly one member, the same whatever the order of the member list', () => {
    const members = ['live-a', 'live-b', 'live-c']
    const owners = ownersWith(members)
    expect(ownersWith(['live-c', 'live-a', 'live-b'])).toEqual(owners)
    const split = members.map((m) => tenantsOf(m, tenants, members))
    expect(split.flat().sort()).toEqual([...tenants].sort())
  })

  it('spreads the tenants about evenly', () => {
    const members = ['live-a', 'live-b', 'live-c', 'live-d']
    for (const m of members) {
      const share = tenantsOf(m, tenants, members).length / tenants.length
      expect(share).toBeGreaterThan(0.2)
      expect(share).toBeLessThan(0.3)
    }
  })

  it('moves only the tenants a joining member wins, about 1/N of them', () => {
    const before = ownersWith(['live-a', 'live-b', 'live-c'])
    const after = ownersWith(['live-a', 'live-b', 'live-c', 'live-d'])
    const moved = tenants.filter((t) => before.get(t) !== after.get(t))
    expect(moved.every((t) => after.get(t) === 'live-d')).toBe(true)
    expect(moved.length / tenants.length).toBeGreaterThan(0.2)
    expect(moved.length / tenants.length).toBeLessThan(0.3)
  })

  it('moves only the tenants of a member that leaves', () => {
    const before = ownersWith(['live-a', 'live-b', 'live-c'])
    const after = ownersWith(['live-a', 'live-c'])
    for (const t of tenants) if (before.get(t) !== 'live-b') expect(after.get(t)).toBe(before.get(t))
  })

  it('has no owner without members', () => {
    expect(ownerOf('acme', [])).toBeUndefined()
  })
})
