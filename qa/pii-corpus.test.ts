/**
 * Redaction over an obfuscation corpus (zh and en): full-width and other-script digits, separators, invisible
 * characters and mixed scripts must all be masked, at the right ORIGINAL offsets; near-misses (order numbers that
 * fail their checksum, dates, amounts, error codes) must stay readable.
 */
import { describe, expect, it } from 'vitest'
import { findPii, normalise, redact } from '../kits/pii/index.js'
import { scoreInteraction } from './pipeline.js'
import type { PiiKind } from './types.js'

const ZWSP = '\u200B'
const NBSP = '\u00A0'

/** Text, then the spans it must have as [kind, the exact original substring]. */
const MASKED: [string, [PiiKind, string][]][] = [
  // zh: full-width
  ['手机１３８１２３４５６７８，谢谢', [['phone', '１３８１２３４５６７８']]],
  ['身份证号１１０１０５１９４９１２３１００２Ｘ。', [['cn_id', '１１０１０５１９４９１２３１００２Ｘ']]],
  ['卡号：６２２２　０２１２　３４５６　７８９４', [['bank_card', '６２２２　０２１２　３４５６　７８９４']]],
  ['电话＋８６ １３８－１２３４－５６７８', [['phone', '＋８６ １３８－１２３４－５６７８']]],
  ['手机号 1３8-１２34-5６78 收件', [['phone', '1３8-１２34-5６78']]],
  // zh: separators
  ['电话138.1234.5678', [['phone', '138.1234.5678']]],
  ['电话 1 3 8 1 2 3 4 5 6 7 8 谢谢', [['phone', '1 3 8 1 2 3 4 5 6 7 8']]],
  ['号码 138—1234—5678', [['phone', '138—1234—5678']]],
  ['号码138。1234。5678', [['phone', '138。1234。5678']]],
  ['号码138｡1234｡5678', [['phone', '138｡1234｡5678']]],
  ['手机 138 - 1234 - 5678', [['phone', '138 - 1234 - 5678']]],
  ['我的手机是 138 1234 5678 2点后打', [['phone', '138 1234 5678']]],
  ['身份证 110105 19491231 002X', [['cn_id', '110105 19491231 002X']]],
  ['身份证110105-1949-1231-002x好的', [['cn_id', '110105-1949-1231-002x']]],
  ['卡号6222.0212.3456.7894', [['bank_card', '6222.0212.3456.7894']]],
  ['卡号 6 2 2 2 0 2 1 2 3 4 5 6 7 8 9 4', [['bank_card', '6 2 2 2 0 2 1 2 3 4 5 6 7 8 9 4']]],
  // zh: invisible characters inside the number (masked with it)
  [`手机138${ZWSP}1234${ZWSP}5678`, [['phone', `138${ZWSP}1234${ZWSP}5678`]]],
  ['手机1381\u2060234\uFEFF5678', [['phone', '1381\u2060234\uFEFF5678']]],
  ['手机138\u00AD1234\u00AD5678', [['phone', '138\u00AD1234\u00AD5678']]],
  ['手机138\u202D1234\u202C5678', [['phone', '138\u202D1234\u202C5678']]],
  ['身份证11010519\u200C491231002X', [['cn_id', '11010519\u200C491231002X']]],
  // zh: a card after an order label is still a card (and no order-number fact)
  ['订单号 6222021234567894', [['bank_card', '6222021234567894']]],
  ['订单号：6222-0212-3456-7894', [['bank_card', '6222-0212-3456-7894']]],
  ['单号是１３８１２３４５６７８', [['phone', '１３８１２３４５６７８']]],
  ['订单 110105 19491231 002X', [['cn_id', '110105 19491231 002X']]],
  // other scripts' digits, compatibility forms, keycaps
  ['手机١٣٨١٢٣٤٥٦٧٨', [['phone', '١٣٨١٢٣٤٥٦٧٨']]],
  ['फ़ोन १३८१२३४५६७८', [['phone', '१३८१२३४५६७८']]],
  ['手机𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖。', [['phone', '𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖']]],
  ['手机①③⑧①②③④⑤⑥⑦⑧', [['phone', '①③⑧①②③④⑤⑥⑦⑧']]],
  [
    '手机1\uFE0F\u20E33\uFE0F\u20E38\uFE0F\u20E3 12345678',
    [['phone', '1\uFE0F\u20E33\uFE0F\u20E38\uFE0F\u20E3 12345678']],
  ],
  // en
  ['My cell is 138.1234.5678, thanks', [['phone', '138.1234.5678']]],
  [
    `card number 4111${NBSP}1111${NBSP}1111${NBSP}1111 exp 12/27`,
    [['bank_card', `4111${NBSP}1111${NBSP}1111${NBSP}1111`]],
  ],
  ['my ID is 110105 19491231 002X ok', [['cn_id', '110105 19491231 002X']]],
  ['order number 6222021234567894, please refund', [['bank_card', '6222021234567894']]],
  ['Order #: 4111-1111-1111-1111', [['bank_card', '4111-1111-1111-1111']]],
  ['Card: 4111_1111_1111_1111', [['bank_card', '4111_1111_1111_1111']]],
  ['ｍｙ ｎｕｍｂｅｒ ｉｓ １３８１２３４５６７８', [['phone', '１３８１２３４５６７８']]],
  [
    `call me at +86 138${ZWSP}1234 5678 or (977) 625-2661`,
    [
      ['phone', `+86 138${ZWSP}1234 5678`],
      ['phone', '(977) 625-2661'],
    ],
  ],
  ['mail ｃｍｉｎｈ７３０＠ｅｍａｉｌ．ｃｏｍ please', [['email', 'ｃｍｉｎｈ７３０＠ｅｍａｉｌ．ｃｏｍ']]],
  // mixed scripts in one text
  [
    `我的card是4111${ZWSP}1111${ZWSP}1111${ZWSP}1111，phone １３８ 1234 ５６７８`,
    [
      ['bank_card', `4111${ZWSP}1111${ZWSP}1111${ZWSP}1111`],
      ['phone', '１３８ 1234 ５６７８'],
    ],
  ],
  [
    'Tel: ١٣٨-1234-５６７８ / 身份证 11010519491231002X',
    [
      ['phone', '١٣٨-1234-５６７８'],
      ['cn_id', '11010519491231002X'],
    ],
  ],
  // an 18-digit number with a valid GB 11643 check digit: an ID in the open, an order number after a label
  ['编号910105194912310029', [['cn_id', '910105194912310029']]],
]

/** Texts that must come back unchanged. */
const KEPT: string[] = [
  // order numbers that fail their checksum, with a label
  '订单号 6222021234567895',
  '订单号：6222-0212-3456-7895',
  'order number 4111 1111 1111 1112',
  'Order ID: 3348917502',
  '订单号 14012345678',
  '订单号 910105194912310029',
  '订单 LX123456789012 还没发货',
  '主机编号 PF8K2L9Q，订单 LX480213579246',
  // unlabelled numbers that verify as nothing
  '卡号4111111111111112',
  '身份证110105194912310021',
  '工单 1234 5678 9012',
  // dates and times
  '2024-01-15 13:45 下单',
  '预约 2024.01.15 下午',
  '2024年1月15日到货',
  'delivered on 15/01/2024 at 13:45:00',
  // amounts
  '总计 ¥12,345,678.90 元',
  'refund of $1,380.00 issued',
  '价格 1380.50 元，优惠 20 元',
  // error codes, models, versions, addresses
  '蓝屏 0x0000007B',
  'STOP 0xC000021A, error code 43',
  '错误代码：E-1001',
  'ThinkPad X1 Carbon Gen 11, Windows 10 x64',
  'IP 192.168.1.100, port 4222',
  '拯救者 Y9000P 2024 款',
]

describe('PII redaction: obfuscation corpus', () => {
  it.each(MASKED)('masks %j at its original offsets', (text, expected) => {
    const spans = findPii(text, 2)
    expect(spans.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual(expected)
    const r = redact(text, 2)
    // Same length, stars exactly over the spans, everything else untouched.
    expect(r.text).toHaveLength(text.length)
    let expectedText = text
    for (const s of spans) {
      expect(s.turn).toBe(2)
      expectedText = expectedText.slice(0, s.start) + '*'.repeat(s.end - s.start) + expectedText.slice(s.end)
    }
    expect(r.text).toBe(expectedText)
    // Nothing that verifies is left in the redacted text, in any spelling.
    expect(findPii(r.text)).toEqual([])
  })

  it.each(KEPT)('keeps %j', (text) => {
    expect(findPii(text)).toEqual([])
    expect(redact(text).text).toBe(text)
  })
})

describe('PII never reaches a QA result', () => {
  it('scores the whole corpus with none of its values in the result, in any spelling', () => {
    const r = scoreInteraction({
      interaction_id: 'corpus',
      turns: MASKED.map(([text], i) => ({ role: i % 2 ? 'agent' : 'customer', text })),
    })
    const json = JSON.stringify(r)
    for (const [, spans] of MASKED) {
      for (const [, value] of spans) {
        expect(json).not.toContain(JSON.stringify(value).slice(1, -1))
        const digits = normalise(value).text.replace(/[^0-9Xx]/g, '')
        if (digits.length >= 7) expect(json).not.toContain(digits)
      }
    }
    expect(r.pii).toHaveLength(MASKED.reduce((n, [, spans]) => n + spans.length, 0))
  })
})

describe('normalise', () => {
  it('maps every unit of the normalised text to its original span', () => {
    const text = `a${ZWSP}１𝟐-③\u2014x`
    const n = normalise(text)
    expect(n.text).toBe('a12-3-x')
    expect(n.starts).toEqual([0, 2, 3, 5, 6, 7, 8])
    expect(n.ends).toEqual([1, 3, 5, 6, 7, 8, 9])
  })

  it('returns ASCII, Chinese text and ordinary punctuation as they are, with no map', () => {
    for (const text of ['call 138 1234 5678', '您好，请问有什么可以帮您？', '한국어 텍스트']) {
      expect(normalise(text)).toEqual({ text, starts: null, ends: null })
    }
  })
})

describe('facts stay consistent with redaction', () => {
  const factsOf = (text: string) =>
    scoreInteraction({ interaction_id: 'f', turns: [{ role: 'customer', text }] }).facts.map((f) => [f.kind, f.value])

  it('never stores a card, ID or mobile number as an order number', () => {
    expect(factsOf('订单号 6222021234567894')).toEqual([])
    expect(factsOf('订单号：6222-0212-3456-7894')).toEqual([])
    expect(factsOf('order number 13812345678')).toEqual([])
    expect(factsOf('订单号 110105 19491231 002X')).toEqual([])
  })

  it('keeps real order numbers, labelled ones that fail the checksums included', () => {
    expect(factsOf('订单号 6222021234567895')).toEqual([['order_number', '6222021234567895']])
    expect(factsOf('订单号 910105194912310029')).toEqual([['order_number', '910105194912310029']])
    expect(factsOf('Order ID: 3348917502')).toEqual([['order_number', '3348917502']])
  })

  it('keeps no order number that runs into a masked span', () => {
    expect(factsOf('订单号 ORDER12-4111111111111111')).toEqual([])
  })
})
