import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../core/index.js'
import { parseAmiFeeds } from './settings.js'

const AGENTS_FILE = '/etc/mofang/agents.json'
const files: Record<string, string> = {
  [AGENTS_FILE]: JSON.stringify({ 'PJSIP/1001': 'a-1001', 'Carol Wu': 'a-1002' }),
  '/etc/mofang/bad-agents.json': JSON.stringify({ 'PJSIP/1003': 'agent with spaces' }),
}
const read = (path: string) => {
  if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`)
  return files[path]
}
const parse = (value: string | undefined) => parseAmiFeeds(value, read)

describe('MOFANG_PBX_AMI', () => {
  it('unset or empty: no feed', () => {
    expect(parse(undefined)).toEqual([])
    expect(parse('  ')).toEqual([])
  })

  it('reads each feed: tenant, server, percent-encoded login, options', () => {
    const feeds = parse(
      'acme=ami://mofang:s3cret%40%3A%23@10.0.0.5:5038?agents=/etc/mofang/agents.json&inbound=from-pstn&inbound=from-trunk' +
        '&recordings=https://pbx.example.com/monitor/&monitor_dir=/var/spool/asterisk/monitor&recording_channels=2,' +
        'beta=ami://ops:pw@pbx.beta.example',
    )
    expect(feeds).toEqual([
      {
        tenant: 'acme',
        host: '10.0.0.5',
        port: 5038,
        username: 'mofang',
        secret: 's3cret@:#',
        agents: { 'PJSIP/1001': 'a-1001', 'Carol Wu': 'a-1002' },
        inboundContexts: ['from-pstn', 'from-trunk'],
        recordingsBase: 'https://pbx.example.com/monitor/',
        monitorDir: '/var/spool/asterisk/monitor',
        recordingChannels: 2,
      },
      { tenant: 'beta', host: 'pbx.beta.example', port: 5038, username: 'ops', secret: 'pw' },
    ])
  })

  it.each([
    ['acme=http://u:p@pbx:5038', /^MOFANG_PBX_AMI: entry 1 \(acme\): expected <tenant>=ami:\/\//],
    ['Acme=ami://u:p@pbx', /tenant is lower-case letters/],
    ['acme=ami://pbx:5038', /the AMI user and secret are missing/],
    ['acme=ami://u:p@pbx?agent=x', /unknown option agent \(known: agents, inbound/],
    ['acme=ami://u:p@pbx?recording_channels=3', /recording_channels must be 1 or 2/],
    ['acme=ami://u:p@pbx?recordings=not%20a%20url', /recordings is not a URL/],
    ['acme=ami://u:p@pbx?agents=/etc/mofang/missing.json', /agents file \/etc\/mofang\/missing.json: ENOENT/],
    ['acme=ami://u:p@pbx?agents=/etc/mofang/bad-agents.json', /PJSIP\/1003: the agent id must be 1-128 characters/],
    ['acme=ami://u:p@pbx,acme=ami://v:q@pbx', /acme@pbx:5038 is listed twice/],
  ])('refuses %s, naming the variable and the entry', (value, message) => {
    expect(() => parse(value)).toThrow(ConfigError)
    expect(() => parse(value)).toThrow(message)
  })

  it('never shows the secret in a message', () => {
    expect(() => parse('acme=ami://mofang:TopSecret@pbx?recording_channels=9')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('TopSecret') }),
    )
  })
})
