import { describe, expect, it } from 'vitest'
import { factsInText, repairOcrText } from './index.js'

describe('factsInText', () => {
  it('finds codes, models and order numbers once each', () => {
    const text = '我的 ThinkPad X1 Carbon 蓝屏 0x0000007B，INACCESSIBLE_BOOT_DEVICE，订单号 AB123456，又是0x0000007b'
    expect(factsInText(text)).toEqual([
      { kind: 'error_code', value: '0x0000007B' },
      { kind: 'error_code', value: 'INACCESSIBLE_BOOT_DEVICE' },
      { kind: 'product_model', value: 'ThinkPad X1 Carbon' },
      { kind: 'order_number', value: 'AB123456' },
    ])
  })

  it('skips masked values and order numbers that are really phone numbers', () => {
    expect(factsInText('订单号 138****5678，错误代码：E-1001')).toEqual([{ kind: 'error_code', value: 'E-1001' }])
    expect(factsInText('order number 13812345678')).toEqual([])
  })

  it('takes an order number only where the value has a digit', () => {
    expect(factsInText('Sure Mr Wang, may I have your order number please?')).toEqual([])
    expect(factsInText('order id: verified')).toEqual([])
    expect(factsInText('my order number is 3348917502')).toEqual([{ kind: 'order_number', value: '3348917502' }])
    expect(factsInText('Order ID: 3348917502')).toEqual([{ kind: 'order_number', value: '3348917502' }])
    expect(factsInText('订单号是A20240517001')).toEqual([{ kind: 'order_number', value: 'A20240517001' }])
  })
})

describe('repairOcrText', () => {
  it("fixes a hex code's zeros read as the letter O", () => {
    expect(repairOcrText('Stop code: OxO000007B')).toBe('Stop code: 0x0000007B')
    expect(repairOcrText('错误 0XC000021a')).toBe('错误 0xC000021A')
  })

  it('puts back the underscores of known stop codes', () => {
    expect(repairOcrText('INACCESSIBLEBOOTDEVICE')).toBe('INACCESSIBLE_BOOT_DEVICE')
    expect(repairOcrText('DRIVER IRQL_NOT LESS OR EQUAL')).toBe('DRIVER_IRQL_NOT_LESS_OR_EQUAL')
  })

  it('leaves ordinary words alone', () => {
    expect(repairOcrText('Oxford Oxen 0x12 OK')).toBe('Oxford Oxen 0x12 OK')
  })
})
