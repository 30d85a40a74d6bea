import { expect, it } from 'vitest'
import { boundedMemo } from './memo.js'

it('computes a key once, null results included, and starts again once it holds max keys', () => {
  const calls: string[] = []
  const memo = boundedMemo(2, (k: string) => (calls.push(k), k === 'none' ? null : k.toUpperCase()))
  expect([memo('a'), memo('a'), memo('none'), memo('none')]).toEqual(['A', 'A', null, null])
  expect(calls).toEqual(['a', 'none'])
  memo('b') // a third key: the memory starts again, holding b alone
  memo('a')
  expect(calls).toEqual(['a', 'none', 'b', 'a'])
})
