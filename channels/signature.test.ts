import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Type } from '@sinclair/typebox'
import { ChannelRefusal, type ChannelRequest } from './adapter.js'
import { checkSignature, hmacSha256, jsonBody, shaped, signatureHeader } from './signature.js'

const request = (headers: ChannelRequest['headers'], body = ''): ChannelRequest => ({
  method: 'POST',
  url: new URL('http://localhost/'),
  headers,
  body: Buffer.from(body),
  now: 0,
})
const refusalOf = (f: () => unknown) => {
  try {
    f()
  } catch (err) {
    if (err instanceof ChannelRefusal) return { code: err.code, field: err.field, message: err.message }
    throw err
  }
  throw new Error('expected a refusal')
}

describe('channel signatures', () => {
  it('computes HMAC-SHA256 as node:crypto does, in base64 or hex', () => {
    const data = '{"hello":"world"}'
    expect(hmacSha256('k', data, 'base64')).toBe(createHmac('sha256', 'k').update(data).digest('base64'))
    expect(hmacSha256('k', Buffer.from(data), 'hex')).toBe(createHmac('sha256', 'k').update(data).digest('hex'))
  })

  it('reads a signature header; absent, empty or repeated is a missing signature', () => {
    expect(signatureHeader(request({ 'x-sig': 'abc' }), 'X-Sig')).toBe('abc')
    for (const headers of [{}, { 'x-sig': '' }, { 'x-sig': ['a', 'b'] }])
      expect(refusalOf(() => signatureHeader(request(headers), 'x-sig'))).toMatchObject({
        code: 'missing_signature',
        field: 'x-sig',
      })
  })

  it('refuses a signature that differs, in content or in length', () => {
    expect(() => checkSignature('abc', 'abc', 'x-sig')).not.toThrow()
    expect(refusalOf(() => checkSignature('abd', 'abc', 'x-sig'))).toMatchObject({ code: 'bad_signature' })
    expect(refusalOf(() => checkSignature('abcd', 'abc', 'x-sig'))).toMatchObject({ code: 'bad_signature' })
  })

  it('names the first wrong field of a body as malformed', () => {
    const Shape = Type.Object({ items: Type.Array(Type.Object({ id: Type.String() })) })
    expect(jsonBody(request({}, '{"items":[{"id":"a"}]}'), Shape)).toEqual({ items: [{ id: 'a' }] })
    expect(refusalOf(() => jsonBody(request({}, '{'), Shape))).toMatchObject({ code: 'malformed', field: 'body' })
    expect(refusalOf(() => jsonBody(request({}, '[]'), Shape))).toMatchObject({ code: 'malformed', field: 'body' })
    expect(refusalOf(() => jsonBody(request({}, '{"items":[{}]}'), Shape))).toMatchObject({
      code: 'malformed',
      field: 'items.0.id',
    })
    expect(refusalOf(() => shaped(Shape, undefined, 'content'))).toMatchObject({ field: 'content' })
  })
})
