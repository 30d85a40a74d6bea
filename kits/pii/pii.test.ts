import { describe, it, expect } from 'vitest'
import { findPii, luhnValid, redact, validCnId } from './index.js'

const kinds = (text: string) => findPii(text).map((s) => [s.kind, text.slice(s.start, s.end)])

describe('PII redaction', () => {
  it('redacts Chinese mobiles, with +86 and split forms, and landlines', () => {
    expect(kinds('手机13812345678')).toEqual([['phone', '13812345678']])
    expect(kinds('+86 138 1234 5678 或者 0086-13912345678')).toEqual([
      ['phone', '+86 138 1234 5678'],
      ['phone', '0086-13912345678'],
    ])
    expect(kinds('座机010-62345678，或(0755)12345678')).toEqual([
      ['phone', '010-62345678'],
      ['phone', '(0755)12345678'],
    ])
  })

  it('redacts international and North American numbers', () => {
    expect(kinds('call +44 20 7946 0958')).toEqual([['phone', '+44 20 7946 0958']])
    expect(kinds('my phone is (977) 625-2661')).toEqual([['phone', '(977) 625-2661']])
  })

  it('redacts resident ID numbers only when the checksum verifies', () => {
    expect(validCnId('11010519491231002X')).toBe(true)
    expect(validCnId('110105194912310021')).toBe(false)
    expect(kinds('身份证11010519491231002X')).toEqual([['cn_id', '11010519491231002X']])
    expect(kinds('身份证110105194912310021')).toEqual([])
  })

  it('redacts bank cards only when Luhn verifies', () => {
    expect(luhnValid('4111111111111111')).toBe(true)
    expect(luhnValid('4111111111111112')).toBe(false)
    expect(kinds('卡号 4111 1111 1111 1111')).toEqual([['bank_card', '4111 1111 1111 1111']])
    expect(kinds('卡号 6222021234567890128')).toEqual([['bank_card', '6222021234567890128']])
    expect(kinds('卡号4111111111111112')).toEqual([])
  })

  it('redacts emails', () => {
    expect(kinds('mail cminh730@email.com please')).toEqual([['email', 'cminh730@email.com']])
  })

  it('keeps order numbers and error codes readable', () => {
    // An order label no longer exempts a number that verifies as a card (issue 18): only failing ones stay.
    expect(kinds('订单号 4111111111111111')).toEqual([['bank_card', '4111111111111111']])
    expect(kinds('订单号 4111111111111112')).toEqual([])
    expect(kinds('Order ID: 3348917502')).toEqual([])
    expect(kinds('蓝屏 0x0000007B')).toEqual([])
  })

  it('masks with the same length so offsets hold in both texts', () => {
    const r = redact('我的手机是13812345678，谢谢', 3)
    expect(r.text).toBe('我的手机是***********，谢谢')
    expect(r.spans).toEqual([{ turn: 3, start: 5, end: 16, kind: 'phone' }])
  })
})
