/**
 * The simulation kit's public API: seeded randomness and the time-ordered heap behind the discrete-event simulators.
 */
export { Random } from './random.js'
export { TimeHeap } from './heap.js'
