/** What PUT /api/walls/:id accepts, and the field each refusal names. */
import { describe, expect, it } from 'vitest'
import type { WallInput } from '../../core/contracts/index.js'
import { BadRequest } from '../../kits/http/index.js'
import { checkWallInput } from './wall-schema.js'
import { defaultWalls } from './wall-defaults.js'

const input = (): WallInput => {
  const { tenant: _t, updated_at: _u, updated_by: _b, ...wall } = defaultWalls('acme', 0)[0]
  return structuredClone(wall)
}

/** The field and reason of the refusal of `change(input())`. */
function refusal(change: (w: WallInput & Record<string, unknown>) => void): { field: string; reason: string } {
  const wall = input() as WallInput & Record<string, unknown>
  change(wall)
  try {
    checkWallInput(wall)
  } catch (err) {
    if (err instanceof BadRequest) return { field: err.field!, reason: err.reason }
    throw err
  }
  throw new Error('accepted')
}

describe('wall input', () => {
  it('accepts every default wall', () => {
    for (const w of defaultWalls('acme', 0)) {
      const { tenant: _t, updated_at: _u, updated_by: _b, ...wall } = w
      expect(checkWallInput(wall).id).toBe(w.id)
    }
  })

  it('names the field of a schema refusal, with the choices of a closed list', () => {
    expect(refusal((w) => (w.tiles = ['waiting', 'bogus' as never]))).toEqual({
      field: 'tiles.1',
      reason: expect.stringMatching(/^expected one of waiting, longest_wait, sl/),
    })
    expect(refusal((w) => (w.lang = 'fr' as never))).toEqual({ field: 'lang', reason: 'expected one of zh, en' })
    expect(refusal((w) => delete (w as Partial<WallInput>).name)).toEqual({ field: 'name', reason: 'required' })
    expect(refusal((w) => (w.colour = 'red'))).toEqual({ field: 'colour', reason: 'unknown field' })
    expect(refusal((w) => (w.id = 'Voice Floor')).field).toBe('id')
    expect(refusal((w) => (w.tiles = ['sl', 'sl'])).field).toBe('tiles')
    expect(refusal((w) => (w.filter.channels = ['fax'])).field).toBe('filter.channels.0')
    expect(refusal((w) => (w.agent_board.long_in_state_s = { not_ready: 5 })).field).toBe(
      'agent_board.long_in_state_s.not_ready',
    )
    expect(refusal((w) => (w.alarms[0].metric = 'mood' as never)).field).toBe('alarms.0.metric')
    expect(refusal((w) => (w.alarms[1].for_s = -1)).field).toBe('alarms.1.for_s')
  })

  it('refuses what the schema cannot say, naming the field', () => {
    expect(refusal((w) => (w.id = 'overview')).field).toBe('id')
    expect(refusal((w) => (w.thresholds = { sl: { green: 70, amber: 80 } }))).toEqual({
      field: 'thresholds.sl.amber',
      reason: 'must be at or below green (70): more is better',
    })
    expect(refusal((w) => (w.thresholds = { waiting: { green: 10, amber: 5 } })).field).toBe('thresholds.waiting.amber')
    expect(refusal((w) => (w.rotation = { walls: ['chat', 'voice'], every_s: 30 })).field).toBe('rotation.walls.1')
    expect(refusal((w) => (w.alarms[1].id = w.alarms[0].id)).field).toBe('alarms.1.id')
    expect(refusal((w) => delete w.alarms[0].scope.name)).toEqual({
      field: 'alarms.0.scope.name',
      reason: 'required for a channel rule (a name, or * for every channel)',
    })
    expect(refusal((w) => (w.alarms[0].scope = { kind: 'tenant', name: 'x' })).field).toBe('alarms.0.scope.name')
    expect(refusal((w) => (w.alarms[0].metric = 'qa_avg')).field).toBe('alarms.0.scope.kind')
  })
})
