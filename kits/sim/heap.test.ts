import { describe, expect, it } from 'vitest'
import { Random } from './random.js'
import { TimeHeap } from './heap.js'

describe('TimeHeap', () => {
  it('is empty to start with', () => {
    const h = new TimeHeap<string>()
    expect(h.size).toBe(0)
    expect(h.pop()).toBeUndefined()
    expect(h.peek()).toBeUndefined()
    expect(h.peekTime()).toBeNaN()
  })

  it('pops by time, equal times in insertion order; peek leaves the earliest in place', () => {
    const h = new TimeHeap<string>()
    h.push(5, 'e')
    h.push(1, 'a1')
    h.push(3, 'c')
    h.push(1, 'a2')
    h.push(1, 'a3')
    expect(h.size).toBe(5)
    expect(h.peek()).toBe('a1')
    expect(h.peekTime()).toBe(1)
    expect(h.size).toBe(5)
    const out: string[] = []
    for (let x = h.pop(); x !== undefined; x = h.pop()) out.push(x)
    expect(out).toEqual(['a1', 'a2', 'a3', 'c', 'e'])
    expect(h.size).toBe(0)
  })

  it('matches a stable sort of (time, insertion) under interleaved pushes and pops', () => {
    const rng = new Random(1)
    const h = new TimeHeap<number>()
    const ref: { time: number; id: number }[] = []
    let id = 0
    for (let step = 0; step < 5_000; step++) {
      if (ref.length === 0 || rng.chance(0.55)) {
        const time = rng.int(0, 200) // few distinct times: many ties
        h.push(time, id)
        ref.push({ time, id: id++ })
      } else {
        let best = 0
        for (let i = 1; i < ref.length; i++)
          if (ref[i].time < ref[best].time || (ref[i].time === ref[best].time && ref[i].id < ref[best].id)) best = i
        expect(h.peekTime()).toBe(ref[best].time)
        expect(h.pop()).toBe(ref[best].id)
        ref.splice(best, 1)
      }
      expect(h.size).toBe(ref.length)
    }
  })
})
