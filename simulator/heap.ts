/**
 * A binary min-heap ordered by (time, seq). The sequence number breaks ties in insertion
 * order, which keeps simulations deterministic when many things happen in the same millisecond.
 */
export interface Timed {
  time: number
  seq: number
}

export class TimeHeap<T extends Timed> {
  private readonly items: T[] = []

  get size(): number {
    return this.items.length
  }

  peek(): T | undefined {
    return this.items[0]
  }

  push(item: T): void {
    const a = this.items
    a.push(item)
    let i = a.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(item, a[parent])) break
      a[i] = a[parent]
      i = parent
    }
    a[i] = item
  }

  pop(): T | undefined {
    const a = this.items
    const top = a[0]
    const last = a.pop()
    if (a.length === 0 || last === undefined) return top
    let i = 0
    const n = a.length
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      const child = r < n && before(a[r], a[l]) ? r : l
      if (!before(a[child], last)) break
      a[i] = a[child]
      i = child
    }
    a[i] = last
    return top
  }
}

function before(x: Timed, y: Timed): boolean {
  return x.time < y.time || (x.time === y.time && x.seq < y.seq)
}
