import { describe, expect, it } from 'vitest'
import { withoutQuotedHistory } from './quoted.js'

describe('withoutQuotedHistory', () => {
  it('cuts at the "On … wrote:" line and the quote under it', () => {
    const text =
      'Still broken, see attached.\n\nOn Mon, 1 Jun 2026 at 10:00, Acme Support <help@acme.example> wrote:\n> Please restart the router.\n'
    expect(withoutQuotedHistory(text)).toBe('Still broken, see attached.')
  })
  it('cuts at an attribution Gmail folded onto two lines', () => {
    const text = 'Thanks!\n\nOn Mon, 1 Jun 2026 at 10:00, Acme Support <help@acme.example>\nwrote:\n> Done.'
    expect(withoutQuotedHistory(text)).toBe('Thanks!')
  })
  it('cuts at the Chinese attribution and at Outlook blocks', () => {
    expect(
      withoutQuotedHistory('好的，谢谢。\n\n在 2026年6月1日 10:00，客服 <help@acme.example> 写道：\n> 请重启路由器'),
    ).toBe('好的，谢谢。')
    expect(
      withoutQuotedHistory(
        'It works now.\n\nFrom: Acme Support <help@acme.example>\nSent: Monday, June 1, 2026 10:00\nTo: me',
      ),
    ).toBe('It works now.')
    expect(withoutQuotedHistory('Ok.\n-----Original Message-----\nFrom: x')).toBe('Ok.')
  })
  it('drops a trailing block of quoted lines but keeps inline answers', () => {
    expect(withoutQuotedHistory('See below.\n\n> old line 1\n> old line 2\n\n')).toBe('See below.')
    const inline = '> Which model?\nThe X200.\n> Since when?\nYesterday.'
    expect(withoutQuotedHistory(inline)).toBe(inline)
  })
  it('keeps everything when nothing would remain', () => {
    expect(withoutQuotedHistory('> only a quote')).toBe('> only a quote')
    expect(withoutQuotedHistory('On Monday I wrote:\n')).toBe('On Monday I wrote:')
  })
})
