/** MOFANG_REPORT_SCHEDULES: defaults, a file, and every refusal naming the variable and the field. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../core/index.js'
import { tempDir } from '../../testing/index.js'
import { parseSchedules } from './schedules.js'
import { reportDeliverySettings } from './settings.js'

const parse = (value: unknown) => parseSchedules(JSON.stringify(value), 'Asia/Shanghai')

describe('report schedules', () => {
  it('fills the defaults: 08:00 in MOFANG_TIMEZONE, Chinese, PDF and XLSX, id <tenant>-<period>', () => {
    expect(parse([{ tenant: 'acme', period: 'weekly', recipients: [' ceo@acme.example '] }])).toEqual([
      {
        id: 'acme-weekly',
        tenant: 'acme',
        period: 'weekly',
        recipients: ['ceo@acme.example'],
        atMinutes: 480,
        timeZone: 'Asia/Shanghai',
        lang: 'zh',
        formats: ['pdf', 'xlsx'],
      },
    ])
    const [s] = parse([
      {
        id: 'board',
        tenant: 'acme',
        period: 'monthly',
        recipients: ['a@x.example'],
        at: '07:30',
        time_zone: 'Europe/Berlin',
        lang: 'en',
        formats: ['xlsx'],
      },
    ])
    expect(s).toMatchObject({ id: 'board', atMinutes: 450, timeZone: 'Europe/Berlin', lang: 'en', formats: ['xlsx'] })
  })

  it('reads a file', () => {
    const dir = tempDir('schedules')
    try {
      const file = join(dir.path, 'schedules.json')
      writeFileSync(file, JSON.stringify([{ tenant: 'acme', period: 'daily', recipients: ['a@x.example'] }]))
      expect(parseSchedules(file, 'UTC').map((s) => s.id)).toEqual(['acme-daily'])
    } finally {
      dir.remove()
    }
  })

  it.each([
    ['{"tenant"', /^MOFANG_REPORT_SCHEDULES: not a JSON array, nor a readable file/],
    ['[{"tenant": }]', /^MOFANG_REPORT_SCHEDULES: not JSON/],
    [JSON.stringify([{ period: 'daily', recipients: ['a@x.example'] }]), /schedules\[0\]\.tenant: expected lower-case/],
    [
      JSON.stringify([{ tenant: 'acme', period: 'hourly', recipients: ['a@x.example'] }]),
      /schedules\[0\]\.period: expected one of daily, weekly, monthly, got "hourly"/,
    ],
    [
      JSON.stringify([{ tenant: 'acme', period: 'daily', recipients: [] }]),
      /schedules\[0\]\.recipients: expected a non-empty array/,
    ],
    [
      JSON.stringify([{ tenant: 'acme', period: 'daily', recipients: ['a@x.example', 'bob@'] }]),
      /schedules\[0\]\.recipients\[1\]: "bob@" is not an email address/,
    ],
    [
      JSON.stringify([{ tenant: 'acme', period: 'daily', recipients: ['a@x.example'], at: '8:00' }]),
      /schedules\[0\]\.at: expected a local time HH:MM/,
    ],
    [
      JSON.stringify([{ tenant: 'acme', period: 'daily', recipients: ['a@x.example'], time_zone: 'Mars/Olympus' }]),
      /schedules\[0\]\.time_zone: unknown time zone "Mars\/Olympus"/,
    ],
    [
      JSON.stringify([{ tenant: 'acme', period: 'daily', recipients: ['a@x.example'], formats: ['docx'] }]),
      /schedules\[0\]\.formats\[0\]: expected one of pdf, xlsx, csv/,
    ],
    [
      JSON.stringify([{ tenant: 'acme', period: 'daily', recipient: ['a@x.example'] }]),
      /schedules\[0\]\.recipient: unknown field/,
    ],
    [
      JSON.stringify([
        { tenant: 'acme', period: 'daily', recipients: ['a@x.example'] },
        { tenant: 'acme', period: 'daily', recipients: ['b@x.example'] },
      ]),
      /schedules\[1\]\.id: "acme-daily" is used twice/,
    ],
  ])('refuses %s', (text, message) => {
    expect(() => parseSchedules(text, 'UTC')).toThrow(message)
  })

  it('needs a server and a sender with schedules, and checks the SMTP settings (core/config.ts)', () => {
    const schedules = JSON.stringify([{ tenant: 'acme', period: 'daily', recipients: ['a@x.example'] }])
    expect(() => loadConfig({ MOFANG_REPORT_SCHEDULES: schedules })).toThrow(/^MOFANG_SMTP_URL: needed/)
    expect(() => loadConfig({ MOFANG_REPORT_SCHEDULES: schedules, MOFANG_SMTP_URL: 'smtp://mail:587' })).toThrow(
      /^MOFANG_SMTP_FROM: needed/,
    )
    expect(() => loadConfig({ MOFANG_SMTP_URL: 'http://mail' })).toThrow(/^MOFANG_SMTP_URL: expected smtp:\/\//)
    expect(() => loadConfig({ MOFANG_SMTP_TLS: 'maybe' })).toThrow(/^MOFANG_SMTP_TLS: expected auto, require or off/)
    expect(() => loadConfig({ MOFANG_SMTP_FROM: 'reports' })).toThrow(/^MOFANG_SMTP_FROM: expected an email address/)

    const config = loadConfig({
      MOFANG_REPORT_SCHEDULES: schedules,
      MOFANG_SMTP_URL: 'smtps://mail.example:465',
      MOFANG_SMTP_FROM: 'Mofang <reports@example.com>',
      MOFANG_SMTP_TLS_VERIFY: 'false',
    })
    expect(reportDeliverySettings(config)).toMatchObject({
      schedules: [{ id: 'acme-daily', timeZone: 'Asia/Shanghai' }],
      smtp: {
        url: 'smtps://mail.example:465',
        from: 'Mofang <reports@example.com>',
        tls: 'auto',
        verifyCertificate: false,
      },
    })
    expect(reportDeliverySettings(loadConfig({}))).toBeUndefined()
  })
})
