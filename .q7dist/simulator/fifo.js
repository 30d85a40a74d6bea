/** A first-in first-out list with O(1) removal from the front and lazy skipping of gone items. */
export class Fifo {
    items = [];
    head = 0;
    push(item) {
        this.items.push(item);
    }
    /** The first item for which `alive` holds, dropping dead ones in front of it. */
    first(alive) {
        while (this.head < this.items.length && !alive(this.items[this.head]))
            this.head++;
        if (this.head > 1024 && this.head * 2 > this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
        return this.items[this.head];
    }
}
//# sourceMappingURL=fifo.js.map