import { afterEach, expect, it, vi } from 'vitest'
import { dispatch } from '../kits/cli/index.js'
import { commands } from './commands.js'

afterEach(() => vi.restoreAllMocks())

async function printed(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = []
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line))
  const code = await dispatch(commands, argv)
  return { code, out: lines.join('\n') }
}

it('gives every command a distinct path', () => {
  const paths = commands.map((c) => c.path.join(' '))
  expect(new Set(paths).size).toBe(paths.length)
})

it.each(commands.map((c) => [c.path.join(' '), c] as const))(
  'mofang %s --help explains every option',
  async (path, cmd) => {
    const { code, out } = await printed([...cmd.path, '--help'])
    expect(code).toBe(0)
    expect(out).toMatch(new RegExp(`^Usage: mofang ${path}`))
    expect(out.split('\n')[2], 'the summary opens a sentence').toMatch(/^[A-Z]/)
    for (const [name, option] of Object.entries(cmd.options)) {
      expect(option.description, `--${name}`).toBeTruthy()
      expect(out).toContain(`--${name}`)
    }
  },
)

it('lists every command in mofang --help', async () => {
  const { code, out } = await printed(['--help'])
  expect(code).toBe(0)
  for (const cmd of commands) expect(out).toContain(`  ${cmd.path.join(' ')} `)
})
