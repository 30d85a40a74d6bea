import { createDecipheriv, createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ChannelRefusal } from '../adapter.js'
import { decryptMessage, encryptMessage, wxSignature } from './crypto.js'
import { SAFE_MODE_SAMPLE } from './fixtures/pushes.js'

const KEY = SAFE_MODE_SAMPLE.encoding_aes_key
const APP = SAFE_MODE_SAMPLE.app_id

/** Decrypts as the technical notes describe, independently of crypto.ts: AES-256-CBC, IV = key[0..16). */
function openBlocks(encrypted: string): Buffer {
  const key = Buffer.from(`${KEY}=`, 'base64')
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()])
}

const refusalOf = (run: () => unknown) => {
  try {
    run()
  } catch (err) {
    if (err instanceof ChannelRefusal) return err.code
    throw err
  }
  return 'accepted'
}

describe('WXBizMsgCrypt', () => {
  it('signs with sha1 over the sorted parts', () => {
    const parts = ['token', '1409735669', '1320562132', 'Encrypt=']
    expect(wxSignature(parts)).toBe(
      createHash('sha1')
        .update([...parts].sort().join(''))
        .digest('hex'),
    )
  })

  it("decrypts Tencent's sample ciphertext to the sample message", () => {
    const xml = decryptMessage(KEY, SAFE_MODE_SAMPLE.encrypt, APP)
    expect(xml).toContain('<Content><![CDATA[abcdteT]]></Content>')
    expect(xml).toContain(`<MsgId>${SAFE_MODE_SAMPLE.plaintext.msgId}</MsgId>`)
  })

  it('encrypts random(16) + length + message + receive id, PKCS#7-padded to 32-byte blocks', () => {
    for (const message of ['', 'x', '微信'.repeat(7), 'y'.repeat(40)]) {
      const plain = openBlocks(encryptMessage(KEY, message, APP))
      expect(plain.length % 32).toBe(0)
      const pad = plain.at(-1)!
      expect(pad).toBeGreaterThanOrEqual(1)
      expect(pad).toBeLessThanOrEqual(32)
      expect(plain.subarray(plain.length - pad).every((b) => b === pad)).toBe(true)
      const length = plain.readUInt32BE(16)
      expect(plain.subarray(20, 20 + length).toString()).toBe(message)
      expect(plain.subarray(20 + length, plain.length - pad).toString()).toBe(APP)
      expect(decryptMessage(KEY, encryptMessage(KEY, message, APP), APP)).toBe(message)
    }
  })

  it('refuses garbage as malformed and a message for another receiver as bad_signature', () => {
    expect(refusalOf(() => decryptMessage(KEY, 'bm90IGJsb2Nrcw==', APP))).toBe('malformed')
    expect(refusalOf(() => decryptMessage(KEY, '', APP))).toBe('malformed')
    const otherKey = 'Z'.repeat(43)
    expect(refusalOf(() => decryptMessage(otherKey, SAFE_MODE_SAMPLE.encrypt, APP))).toBe('malformed')
    expect(refusalOf(() => decryptMessage(KEY, SAFE_MODE_SAMPLE.encrypt, 'wwOtherCorp'))).toBe('bad_signature')
  })
})
