import { describe, expect, it } from 'vitest'
import { ChannelRefusal } from '../adapter.js'
import { mapEmail } from './mime.js'
import {
  OUT_OF_OFFICE,
  PDF_TINY,
  PNG_1X1,
  RFC5322_MESSAGE,
  RFC5322_REPLY,
  RFC5322_REPLY_TO_REPLY,
  WITHOUT_MESSAGE_ID,
  composeMail,
} from './test-helpers/mails.js'

const NOW = Date.parse('2026-06-02T08:00:00Z')

describe('mapEmail: the RFC 5322 thread (Appendix A.2)', () => {
  it('opens a ticket with the first message: ticket.created, then its first comment', async () => {
    const [created, comment, ...rest] = await mapEmail(RFC5322_MESSAGE, NOW)
    expect(rest).toEqual([])
    expect(created).toEqual({
      messageId: '1234@local.machine.example#created',
      conversation: { kind: 'thread', id: '1234@local.machine.example' },
      event: {
        type: 'ticket.created',
        channel: 'email',
        // 1997 is before the envelope's earliest time: the receipt time stands in.
        ts: NOW,
        customer: { email: 'jdoe@machine.example' },
        customer_name: 'John Doe',
        payload: { subject: 'Saying Hello', priority: 'normal' },
      },
    })
    expect(comment.messageId).toBe('1234@local.machine.example#comment')
    expect(comment.conversation).toEqual(created.conversation)
    expect(comment.event).toMatchObject({
      type: 'ticket.comment',
      customer: { email: 'jdoe@machine.example' },
      payload: { role: 'customer', text: 'This is a message just to say hello.\nSo, "Hello".', public: true },
    })
    expect(comment.attachments).toBeUndefined()
  })
  it('adds a reply to the thread of the first Message-ID in References, as a comment only', async () => {
    const reply = await mapEmail(RFC5322_REPLY, NOW)
    expect(reply).toHaveLength(1)
    expect(reply[0]).toMatchObject({
      messageId: '3456@example.net#comment',
      conversation: { kind: 'thread', id: '1234@local.machine.example' },
      event: { type: 'ticket.comment', customer: { email: 'mary@example.net' }, customer_name: 'Mary Smith' },
    })
    const second = await mapEmail(RFC5322_REPLY_TO_REPLY, NOW)
    expect(second.map((m) => [m.messageId, m.conversation])).toEqual([
      ['abcd.1234@local.machine.tld#comment', { kind: 'thread', id: '1234@local.machine.example' }],
    ])
  })
  it('threads on In-Reply-To when there is no References header', async () => {
    const raw = Buffer.from(RFC5322_REPLY.toString().replace(/^References:.*\r\n/m, ''))
    const [comment] = await mapEmail(raw, NOW)
    expect(comment.conversation).toEqual({ kind: 'thread', id: '1234@local.machine.example' })
  })
})

describe('mapEmail: bodies', () => {
  it('maps a plain text mail with an encoded name, lower-cases the address and keeps the Date', async () => {
    const raw = await composeMail({
      from: '王伟 <Wei.Wang@Customer.Example>',
      to: 'support@acme.example',
      subject: '订单 1234 没有送到',
      date: new Date('2026-06-01T09:30:00Z'),
      messageId: '<order-1234@customer.example>',
      text: '你好，我的订单还没有送到。\n\n王伟',
    })
    const [created, comment] = await mapEmail(raw, NOW)
    expect(created.event).toMatchObject({
      ts: Date.parse('2026-06-01T09:30:00Z'),
      customer: { email: 'wei.wang@customer.example' },
      customer_name: '王伟',
      payload: { subject: '订单 1234 没有送到', priority: 'normal' },
    })
    expect(comment.event.payload).toEqual({
      role: 'customer',
      text: '你好，我的订单还没有送到。\n\n王伟',
      public: true,
    })
  })
  it('converts an HTML-only mail to text and trims the quoted history', async () => {
    const raw = await composeMail({
      from: 'ana@customer.example',
      subject: 'Re: Invoice',
      inReplyTo: '<inv-1@acme.example>',
      references: ['<inv-1@acme.example>'],
      html: '<p>The invoice total is <b>wrong</b>.</p><p>Thanks, Ana</p><blockquote><p>Your invoice is attached.</p></blockquote>',
    })
    const [comment] = await mapEmail(raw, NOW)
    expect(comment.event.payload).toEqual({
      role: 'customer',
      text: 'The invoice total is wrong.\n\nThanks, Ana',
      public: true,
    })
  })
  it('takes the text part of a multipart/alternative mail', async () => {
    const raw = await composeMail({ from: 'a@b.example', subject: 's', text: 'plain words', html: '<p>html words</p>' })
    const [, comment] = await mapEmail(raw, NOW)
    expect(comment.event.payload).toMatchObject({ text: 'plain words' })
  })
})

describe('mapEmail: attachments', () => {
  it('keeps an image and a PDF as attachments with their bytes, type and name', async () => {
    const raw = await composeMail({
      from: 'Ana <ana@customer.example>',
      subject: 'Broken screen',
      text: 'Photo and receipt attached.',
      attachments: [
        { filename: 'screen.png', content: PNG_1X1, contentType: 'image/png' },
        { filename: 'receipt.pdf', content: PDF_TINY, contentType: 'application/pdf' },
      ],
    })
    const [, comment] = await mapEmail(raw, NOW)
    expect(comment.attachments).toEqual([
      { kind: 'image', name: 'screen.png', contentType: 'image/png', bytes: PNG_1X1 },
      { kind: 'file', name: 'receipt.pdf', contentType: 'application/pdf', bytes: PDF_TINY },
    ])
    expect(Buffer.from(comment.attachments![0].bytes!).equals(PNG_1X1)).toBe(true)
    expect(comment.event.payload).toMatchObject({ text: 'Photo and receipt attached.' })
  })
  it('says what a mail without words carries', async () => {
    const raw = await composeMail({
      from: 'ana@customer.example',
      subject: 'scan',
      attachments: [
        { filename: 'photo.png', content: PNG_1X1 },
        { filename: 'contract.pdf', content: PDF_TINY },
      ],
    })
    const [, comment] = await mapEmail(raw, NOW)
    expect(comment.event.payload).toMatchObject({ text: '[image] [file] contract.pdf' })
  })
  it('keeps at most 10 attachments and says how many more there were', async () => {
    const attachments = Array.from({ length: 12 }, (_, i) => ({ filename: `f${i}.pdf`, content: PDF_TINY }))
    const [, comment] = await mapEmail(await composeMail({ from: 'a@b.example', text: 'files', attachments }), NOW)
    expect(comment.attachments).toHaveLength(10)
    expect(comment.event.payload).toMatchObject({ text: 'files\n[2 more attachments not kept]' })
  })
})

describe('mapEmail: ids, times and what is not a customer writing', () => {
  it('derives a stable Message-ID from the bytes when the mail has none', async () => {
    const [created] = await mapEmail(WITHOUT_MESSAGE_ID, NOW)
    const [again] = await mapEmail(WITHOUT_MESSAGE_ID, NOW + 60_000)
    expect(created.messageId).toMatch(/^[0-9a-f]{64}@mofang#created$/)
    expect(again.messageId).toBe(created.messageId)
    expect(created.conversation).toEqual({ kind: 'thread', id: created.messageId.replace('#created', '') })
    expect(created.event.ts).toBe(Date.parse('2026-06-02T03:00:00Z'))
  })
  it('caps a Date in the future at the receipt time', async () => {
    const raw = await composeMail({ from: 'a@b.example', text: 'x', date: new Date(NOW + 86_400_000) })
    const [created] = await mapEmail(raw, NOW)
    expect(created.event.ts).toBe(NOW)
  })
  it('ignores automatic replies (RFC 3834 Auto-Submitted)', async () => {
    expect(await mapEmail(OUT_OF_OFFICE, NOW)).toEqual([])
  })
  it('refuses bytes that are not a mail with a sender as malformed', async () => {
    for (const raw of [
      Buffer.from('this is not an e-mail'),
      Buffer.alloc(0),
      Buffer.from('Subject: hi\r\n\r\nno sender'),
    ]) {
      const refusal = await mapEmail(raw, NOW).catch((err: unknown) => err)
      expect(refusal).toBeInstanceOf(ChannelRefusal)
      expect(refusal).toMatchObject({ code: 'malformed', field: 'from' })
    }
  })
})
