import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../kits/cli/index.js'
import { rosterCommands } from './commands.js'
import { RosterInputError } from './errors.js'
import { parseAgents, parseCsv, parseRequirementsCsv, parseRules } from './io.js'

function inputError(fn: () => unknown): RosterInputError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(RosterInputError)
    return err as RosterInputError
  }
  throw new Error('expected a RosterInputError')
}

describe('requirements CSV', () => {
  it('reads local timestamps: day 0 is the first date, its weekday names the days', () => {
    const r = parseRequirementsCsv(
      'timestamp,required,skill\n2025-03-05T09:00,3,voice\n"2025-03-06 09:15",2.5,chat\n',
      'req.csv',
    )
    expect(r).toMatchObject({ startDate: '2025-03-05', firstWeekday: 2, days: 7 })
    expect(r.requirements).toEqual([
      { day: 0, minute: 540, required: 3, skill: 'voice' },
      { day: 1, minute: 555, required: 2.5, skill: 'chat' },
    ])
    expect(r.lines).toEqual([2, 3])
  })

  it('reads weekday names or day numbers with a time column', () => {
    expect(parseRequirementsCsv('day,time,agents\nsat,07:30,4\n', 'r.csv').requirements).toEqual([
      { day: 5, minute: 450, required: 4 },
    ])
    expect(parseRequirementsCsv('Day,Time,Required\n9,07:30,4\n', 'r.csv')).toMatchObject({ days: 10 })
  })

  it.each([
    ['timestamp,required\n2025-03-05T09:00,-2\n', 'r.csv line 2 (required)', 'negative requirement -2'],
    ['timestamp,required\n2025-03-05T09:00,many\n', 'r.csv line 2 (required)', 'not a number: "many"'],
    [
      'timestamp,required\n2025-03-05 9am,1\n',
      'r.csv line 2 (timestamp)',
      'expected YYYY-MM-DDTHH:MM, got "2025-03-05 9am"',
    ],
    ['day,time,required\nmon,09:00,\n', 'r.csv line 2 (required)', 'is empty'],
    ['when,required\nx,1\n', 'r.csv line 1', 'expected a "timestamp" column, or "day" and "time" columns'],
  ])('names the line and column: %j', (text, field, reason) => {
    const err = inputError(() => parseRequirementsCsv(text, 'r.csv'))
    expect([err.field, err.reason]).toEqual([field, reason])
  })
})

describe('agents and rules files', () => {
  it('reads agents from CSV, lists split by ";"', () => {
    const { agents, lines } = parseAgents(
      'id,name,skills,minHours,maxHours,unavailable,consecutiveDaysOff\n' +
        'a1,Li Na,voice;chat,32,40,"sat;mon 09:00-12:00",yes\na2,,voice,,,,\n',
      'agents.csv',
    )
    expect(agents).toEqual([
      {
        id: 'a1',
        name: 'Li Na',
        skills: ['voice', 'chat'],
        minHours: 32,
        maxHours: 40,
        unavailable: ['sat', 'mon 09:00-12:00'],
        consecutiveDaysOff: true,
      },
      { id: 'a2', skills: ['voice'] },
    ])
    expect(lines).toEqual([2, 3])
    expect(inputError(() => parseAgents('id,maxHours\na,forty\n', 'agents.csv')).field).toBe(
      'agents.csv line 2 (maxHours)',
    )
  })

  it('reads agents and rules from YAML, and says when the YAML is broken', () => {
    expect(parseAgents('agents:\n  - { id: a, skills: [voice] }\n', 'a.yaml').agents).toEqual([
      { id: 'a', skills: ['voice'] },
    ])
    expect(parseRules('shifts: [{ name: d, starts: ["09:00"], length: 8h }]\n', 'r.yaml').shifts[0].length).toBe('8h')
    expect(inputError(() => parseRules('shifts: [', 'r.yaml')).reason).toMatch(/^not valid YAML\/JSON/)
    expect(inputError(() => parseAgents('7', 'a.yaml')).reason).toBe('expected a list of agents, or { agents: [...] }')
  })

  it('parses quoted CSV cells with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b, ""c""",d\r\n\r\n"x\ny",z\n')).toEqual([
      { line: 1, cells: ['a', 'b, "c"', 'd'] },
      { line: 3, cells: ['x\ny', 'z'] },
    ])
  })
})

describe('mofang roster build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roster-cli-'))
  const req = join(dir, 'req.csv')
  const agentsFile = join(dir, 'agents.csv')
  const rules = join(dir, 'rules.yaml')
  const rows = ['timestamp,required']
  for (let m = 9 * 60; m < 17 * 60; m += 15)
    rows.push(`2025-03-03T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')},2`)
  writeFileSync(req, rows.join('\n') + '\n')
  writeFileSync(agentsFile, 'id,name\na1,Ann\na2,Bo\na3,Cy\n')
  writeFileSync(
    rules,
    [
      'shifts: [{ name: day, starts: { from: "07:00", to: "11:00", every: 30m }, length: 8h }]',
      'breaks: [{ name: break, length: 15m, earliest: 2h, latest: 3h }]',
      'daysOff: { count: 0 }',
    ].join('\n') + '\n',
  )
  const out: string[] = []
  const err: string[] = []
  afterEach(() => {
    vi.restoreAllMocks()
    out.length = 0
    err.length = 0
  })
  const run = (...argv: string[]) => {
    vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')))
    vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    return dispatch(rosterCommands, ['roster', 'build', ...argv])
  }

  it('has --help', async () => {
    expect(await run('--help')).toBe(0)
    expect(out.join('\n')).toMatch(/Usage: mofang roster build \[options\][\s\S]*--requirements <value>/)
  })

  it('writes the roster as CSV (and the coverage beside it) and as XLSX', async () => {
    const csv = join(dir, 'roster.csv')
    expect(await run('--requirements', req, '--agents', agentsFile, '--rules', rules, '--output', csv)).toBe(0)
    const lines = readFileSync(csv, 'utf8').trim().split('\n')
    expect(lines[0]).toBe('agent,name,skills,day,date,weekday,template,start,end,paid_hours,breaks')
    expect(lines).toHaveLength(3) // two agents work, 09:00–17:00
    expect(lines[1]).toMatch(/^a\d,\w+,,0,2025-03-03,Mon,day,09:00,17:00,8,break (1[01]:[0-5]\d|12:00)-1[12]:[0-5]\d$/)
    const coverage = readFileSync(join(dir, 'roster-coverage.csv'), 'utf8').trim().split('\n')
    expect(coverage[0]).toBe('day,date,weekday,time,skill,required,scheduled,under,over')
    expect(coverage).toHaveLength(1 + 7 * 96)
    expect(out.join('\n')).toMatch(/total cost +\d/)

    const xlsx = join(dir, 'roster.xlsx')
    expect(await run('--requirements', req, '--agents', agentsFile, '--rules', rules, '-o', xlsx)).toBe(0)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(xlsx)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Roster', 'Shifts', 'Coverage', 'Summary'])
    const grid = wb.getWorksheet('Roster')!
    expect(grid.getRow(1).getCell(5).value).toBe('Mon 2025-03-03')
    expect(grid.rowCount).toBe(4)
  })

  it('points a bad value at its file and line', async () => {
    const bad = join(dir, 'bad.csv')
    writeFileSync(agentsFile.replace('agents', 'dup'), 'id\na1\na1\n')
    expect(await run('--requirements', req, '--agents', agentsFile.replace('agents', 'dup'), '--rules', rules)).toBe(2)
    expect(err.join('\n')).toMatch(/dup\.csv line 3 \(agents\[1\]\.id\): duplicate agent id "a1"/)
    writeFileSync(bad, 'timestamp,required\n2025-03-03T09:00,1\n2025-03-03T09:00,2\n')
    expect(await run('--requirements', bad, '--agents', agentsFile, '--rules', rules)).toBe(2)
    expect(err.join('\n')).toMatch(/bad\.csv line 3 \(requirements\[1\]\): duplicate of requirements\[0\]/)
  })

  it('says which constraint binds when no roster exists', async () => {
    const tight = join(dir, 'tight.yaml')
    writeFileSync(tight, readFileSync(rules, 'utf8') + 'hours: { min: 60 }\n') // 7 days × 8 h = 56 h at most
    expect(await run('--requirements', req, '--agents', agentsFile, '--rules', tight)).toBe(2)
    expect(err.join('\n')).toMatch(/\[hours\.min\] agent a1: minimum 60 h a week, but at most 56 h fit/)
  })
})
