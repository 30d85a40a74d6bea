import { describe, expect, it } from 'vitest'
import { Bm25 } from './bm25.js'

const index = () =>
  new Bm25<{ title: string; body: string }>({
    fields: [
      { weight: 3, terms: (d) => d.title.split(' ') },
      { weight: 1, terms: (d) => d.body.split(' ') },
    ],
  })
const ranked = (b: ReturnType<typeof index>, q: string) =>
  b
    .scores(q.split(' '))
    .sort((x, y) => y.score - x.score)
    .map((s) => s.id)

describe('Bm25', () => {
  it('ranks a title match above a body match, and rare terms above common ones', () => {
    const b = index()
    b.put('t', { title: 'battery', body: 'charge' })
    b.put('b', { title: 'charge', body: 'battery' })
    b.put('c', { title: 'screen', body: 'battery screen' })
    expect(ranked(b, 'battery')).toEqual(['t', 'b', 'c'])
    expect(ranked(b, 'battery screen')[0]).toBe('c')
    expect(ranked(b, 'nothing')).toEqual([])
  })

  it('replaces and removes documents, reusing their slots', () => {
    const b = index()
    b.put('a', { title: 'fan', body: 'noise' })
    b.put('a', { title: 'wifi', body: 'drops' })
    expect(ranked(b, 'fan')).toEqual([])
    expect(ranked(b, 'wifi')).toEqual(['a'])
    b.remove('a')
    b.put('z', { title: 'fan', body: '' })
    expect(b.size).toBe(1)
    expect(ranked(b, 'wifi fan')).toEqual(['z'])
    b.remove('missing')
  })
})
