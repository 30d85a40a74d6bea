import { describe, expect, it } from 'vitest'
import { Random } from '../../kits/sim/index.js'
import { AmiParser, AmiProtocolError, amiAction, parseAmiStream } from './ami-parser.js'
import { FIXTURES, fixtureWire } from './test-helpers/fixtures.js'

const BANNER = 'Asterisk Call Manager/9.0.0\r\n'

/** Feeds `bytes` in the given chunk sizes (cycled) and collects every message. */
function parseInChunks(bytes: Buffer, sizes: () => number) {
  const parser = new AmiParser()
  const out = []
  for (let at = 0; at < bytes.length;) {
    const end = Math.min(bytes.length, at + sizes())
    out.push(...parser.push(bytes.subarray(at, end)))
    at = end
  }
  return { parser, messages: out }
}

describe('AMI parser', () => {
  it('reads the banner, then blocks of fields, with channel variables per snapshot prefix', () => {
    const parser = new AmiParser()
    const messages = parser.push(
      BANNER +
        'Response: Success\r\nActionID: 1\r\nMessage: Authentication accepted\r\n\r\n' +
        'Event: AgentConnect\r\nUniqueid: 1.1\r\nChanVariable: QUEUE_PRIO=5\r\nDestUniqueid: 1.2\r\n' +
        'DestChanVariable: MIXMONITOR_FILENAME=/var/spool/asterisk/monitor/a=b.wav\r\nMemberName: Bob: Night shift\r\n' +
        'AccountCode: \r\n\r\n',
    )
    expect(parser.banner).toBe('Asterisk Call Manager/9.0.0')
    expect(messages).toEqual([
      { fields: { Response: 'Success', ActionID: '1', Message: 'Authentication accepted' }, vars: {} },
      {
        fields: {
          Event: 'AgentConnect',
          Uniqueid: '1.1',
          DestUniqueid: '1.2',
          MemberName: 'Bob: Night shift',
          AccountCode: '',
        },
        vars: { '': { QUEUE_PRIO: '5' }, Dest: { MIXMONITOR_FILENAME: '/var/spool/asterisk/monitor/a=b.wav' } },
      },
    ])
  })

  it('gives the same messages however TCP splits the stream: byte by byte, and in random pieces', () => {
    for (const name of FIXTURES) {
      const bytes = Buffer.from(BANNER + fixtureWire(name), 'utf8')
      const whole = parseInChunks(bytes, () => bytes.length).messages
      expect(whole.length).toBeGreaterThan(10)
      // One byte at a time splits every CRLF and every multi-byte character (the callers' names in Chinese).
      expect(parseInChunks(bytes, () => 1).messages).toEqual(whole)
      const rng = new Random(name.length)
      const pieces = parseInChunks(bytes, () => rng.int(1, 700))
      expect(pieces.parser.banner).toBe('Asterisk Call Manager/9.0.0')
      expect(pieces.messages).toEqual(whole)
    }
  })

  it('keeps the names as written: 王伟 stays 王伟 when its bytes arrive in separate chunks', () => {
    const bytes = Buffer.from('Event: Newchannel\r\nCallerIDName: 王伟\r\n\r\n', 'utf8')
    const cut = bytes.indexOf(Buffer.from('王')) + 1
    const parser = new AmiParser({ banner: false })
    expect(parser.push(bytes.subarray(0, cut))).toEqual([])
    expect(parser.push(bytes.subarray(cut))[0].fields.CallerIDName).toBe('王伟')
  })

  it('accepts bare LF line ends and old-style ChanVariable(<channel>) lines', () => {
    const [msg] = parseAmiStream('Event: Hangup\nChanVariable(PJSIP/1001-00000001): QUEUE_PRIO=3\nCause: 16\n')
    expect(msg).toEqual({ fields: { Event: 'Hangup', Cause: '16' }, vars: { '': { QUEUE_PRIO: '3' } } })
  })

  it('refuses a stream with an endless line (not AMI)', () => {
    const parser = new AmiParser({ maxLineLength: 100 })
    expect(() => parser.push(`${BANNER}Event: ${'x'.repeat(200)}`)).toThrow(AmiProtocolError)
  })

  it('writes actions, refusing a value that would inject fields', () => {
    expect(amiAction({ Action: 'Login', Username: 'mofang', Secret: 's3cret', Events: 'on' })).toBe(
      'Action: Login\r\nUsername: mofang\r\nSecret: s3cret\r\nEvents: on\r\n\r\n',
    )
    expect(() => amiAction({ Action: 'Login', Secret: 'x\r\nAction: Originate' })).toThrow(RangeError)
    // What the client writes, the parser reads back (the fake PBX in the tests checks Login this way).
    expect(new AmiParser({ banner: false }).push(amiAction({ Action: 'Ping', ActionID: '7' }))).toEqual([
      { fields: { Action: 'Ping', ActionID: '7' }, vars: {} },
    ])
  })
})
