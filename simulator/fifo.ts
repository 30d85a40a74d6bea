/** A first-in first-out list with O(1) removal from the front and lazy skipping of gone items. */
export class Fifo<T> {
  private items: T[] = []
  private head = 0

  push(item: T): void {
    this.items.push(item)
  }

  /** The first item for which `alive` holds, dropping dead ones in front of it. */
  first(alive: (item: T) => boolean): T | undefined {
    while (this.head < this.items.length && !alive(this.items[this.head])) this.head++
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return this.items[this.head]
  }
}
