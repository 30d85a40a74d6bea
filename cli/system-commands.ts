/** Commands about the system as a whole: configuration and the event schema. */
import { writeFileSync } from 'node:fs'
import type { Command } from '../kits/cli/index.js'
import { describeSettings, loadConfig } from '../core/config.js'
import { eventJsonSchema } from '../core/events.js'

export const systemCommands: Command[] = [
  {
    path: ['config'],
    summary: 'print every setting (environment variable), its default and meaning, and check the current environment',
    options: {},
    async run() {
      console.log(describeSettings())
      loadConfig()
      console.log('\nThe current environment is valid.')
    },
  },
  {
    path: ['schema'],
    summary: 'print the JSON Schema of the event envelope and every payload, for integrators',
    options: { output: { type: 'string', short: 'o', description: 'write to this file instead of stdout' } },
    async run({ values }) {
      const text = JSON.stringify(eventJsonSchema(), null, 2)
      if (typeof values.output === 'string') writeFileSync(values.output, text + '\n')
      else console.log(text)
    },
  },
]
