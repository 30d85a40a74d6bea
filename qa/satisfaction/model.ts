/**
 * Predicted satisfaction (CSAT, 1-5) of one interaction from the shipped weights (satisfaction/weights.json,
 * written by train.ts): a ridge regression of the dialogue's mean human rating on the features of features.ts
 * (the customer's sentiment trajectory, resolution, complaint, rejection, politeness and repetition cues, agent
 * failure/success cues and turn features), and the NPS class read off it with thresholds chosen by
 * cross-validation. Cheap: a few regular expressions per turn and a dot product; the per-turn sentiment comes
 * from the pipeline's sentiment step.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rootDir } from '../../core/index.js'
import type { NpsClass, Turn } from '../types.js'
import { dialogueFeatures, FEATURE_NAMES } from './features.js'

export interface SatisfactionWeights {
  format: 'mofang-satisfaction/1'
  method: string
  trained_on: string
  /**
   * Per feature (FEATURE_NAMES order; the model refuses weights for another feature set): the value it is centred
   * on and the scale it is divided by (the training mean and standard deviation, with a floor), and its weight in
   * rating points per scale unit.
   */
  features: Record<string, { center: number; scale: number; weight: number }>
  /** The predicted mean rating of an average dialogue. */
  intercept: number
  /** Predicted CSAT below `detractor_below` → detractor, at or above `promoter_from` → promoter, else passive. */
  classes: { detractor_below: number; promoter_from: number }
  /** What train.ts measured: cross-validation on the training dialogues, then once on the held-out ones. */
  evaluation: Record<string, unknown>
}

export function defaultSatisfactionWeightsPath(): string {
  return join(rootDir(), 'qa', 'satisfaction', 'weights.json')
}

export const CSAT_MIN = 1
export const CSAT_MAX = 5

export class SatisfactionModel {
  private readonly center: Float64Array
  /** weight / scale: the weight on the raw feature. */
  private readonly slope: Float64Array

  constructor(readonly weights: SatisfactionWeights) {
    const names = Object.keys(weights.features).join(',')
    if (names !== FEATURE_NAMES.join(','))
      throw new Error(`satisfaction weights: features ${names} do not match features.ts (${FEATURE_NAMES.join(',')})`)
    this.center = Float64Array.from(FEATURE_NAMES, (f) => weights.features[f].center)
    this.slope = Float64Array.from(FEATURE_NAMES, (f) => weights.features[f].weight / weights.features[f].scale)
  }

  /** One dialogue's features at a time: predict() fills and reads it before returning. */
  private readonly features = new Float64Array(FEATURE_NAMES.length)

  /** Predicted mean rating from a feature vector (FEATURE_NAMES order), not clamped. */
  raw(x: Float64Array): number {
    let z = this.weights.intercept
    for (let i = 0; i < x.length; i++) z += this.slope[i] * (x[i] - this.center[i])
    return z
  }

  /**
   * Predicted CSAT in [1,5] of a dialogue: its (redacted) turns and the per-turn sentiment the pipeline computed
   * (null for bot turns). Rounded to 0.01.
   */
  predict(turns: readonly Turn[], sentiment: readonly (number | null)[]): number {
    const csat = Math.min(CSAT_MAX, Math.max(CSAT_MIN, this.raw(dialogueFeatures(turns, sentiment, this.features))))
    return Math.round(csat * 100) / 100
  }

  /** The NPS class a predicted CSAT stands for. */
  npsClass(csat: number): NpsClass {
    const { detractor_below, promoter_from } = this.weights.classes
    return csat < detractor_below ? 'detractor' : csat >= promoter_from ? 'promoter' : 'passive'
  }
}

let shared: SatisfactionModel | undefined

/** The shipped model, loaded once per thread. */
export function satisfactionModel(): SatisfactionModel {
  shared ??= loadSatisfactionModel()
  return shared
}

export function loadSatisfactionModel(file = defaultSatisfactionWeightsPath()): SatisfactionModel {
  return new SatisfactionModel(JSON.parse(readFileSync(file, 'utf8')) as SatisfactionWeights)
}
