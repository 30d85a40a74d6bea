/**
 * Commands that run Mofang (the whole system, or the warehouse sink alone) and commands about the system as a
 * whole (settings, the event schema). The work is imported lazily so `mofang --help` loads none of it.
 */
import { writeFileSync } from 'node:fs'
import type { Command } from '../kits/cli/index.js'
import { describeSettings, eventJsonSchema, loadConfig } from '../core/index.js'

export const runCommands: Command[] = [
  {
    path: ['start'],
    summary: 'start the whole system on embedded defaults (NATS, chDB, ingest API, sink, wallboard) with the simulator',
    details: [
      'Settings come from the environment (see `mofang config`). With NATS_URL / CLICKHOUSE_URL unset,',
      'a local nats-server and chDB keep their data under MOFANG_DATA_DIR (default ./data).',
      'Ctrl-C drains and stops everything; a second Ctrl-C exits at once.',
    ].join('\n'),
    options: {
      'no-simulator': { type: 'boolean', description: 'do not run the simulated contact centre' },
      'no-services': {
        type: 'boolean',
        description:
          'run only the core (ingest API, sink): live metrics, wallboard, QA, forecasting, routing and transcription run elsewhere',
      },
      seed: { type: 'string', description: 'simulator random seed', default: '42' },
      speed: { type: 'string', description: 'simulator clock speed factor', default: '1' },
      agents: { type: 'string', description: 'simulated agents', default: '60' },
      rate: { type: 'string', description: 'simulated contacts per hour at the daily peak', default: '600' },
      backfill: {
        type: 'string',
        description:
          'simulated past to post first: "today" (since local midnight, so the wall opens on a full day), 0, or a duration like 2d',
        default: 'today',
      },
      history: {
        type: 'string',
        description:
          'simulated days before the back-fill, written straight to the warehouse on the first start of a data directory (later starts fill only the gap since the last event), e.g. 56d; 0 for none',
        default: '56d',
      },
    },
    async run(args) {
      const { startWholeSystem } = await import('./start.js')
      return startWholeSystem(loadConfig(), args)
    },
  },
  {
    path: ['run'],
    summary: 'run some of the parts alone (e.g. qa, ocr, forecast), against a shared NATS and ClickHouse server',
    details: [
      'For a part in a process or on a machine of its own: needs NATS_URL (the parts meet on its streams) and',
      'CLICKHOUSE_URL, or beside a `mofang start` on embedded chDB MOFANG_WAREHOUSE_URL + MOFANG_WAREHOUSE_TOKEN',
      '(chDB has one owner process per data directory: the parts use it through that server). Give it its own',
      'MOFANG_DATA_DIR and MOFANG_PORT.',
      'Parts: live_metrics, wallboard, qa, transcription, forecast, reports, privacy, channels, ocr, conversations,',
      'assist (and routing, report_delivery when configured). The process serves the parts’ HTTP routes, /healthz',
      'and the ingest API on MOFANG_PORT; the warehouse sink runs where `mofang start` or `mofang sink` runs.',
      'Example: NATS_URL=nats://n1:4222 CLICKHOUSE_URL=http://ch:8123 mofang run qa ocr',
      'Beside `mofang start`: NATS_URL=<its nats url> MOFANG_WAREHOUSE_URL=http://127.0.0.1:8080 \\',
      '  MOFANG_WAREHOUSE_TOKEN=<adminToken of its mofang.lock.json> MOFANG_DATA_DIR=./data-ocr MOFANG_PORT=8081 mofang run ocr',
    ].join('\n'),
    positionals: 'PART…',
    options: {
      namespace: { type: 'string', description: 'stream/consumer name prefix (tests use a unique one)', default: '' },
    },
    async run(args) {
      const { runParts } = await import('./start.js')
      return runParts(loadConfig(), args.positionals, String(args.values.namespace ?? ''))
    },
  },
  {
    path: ['sink'],
    summary: 'run only the warehouse sink (NATS → ClickHouse), e.g. as its own process at scale',
    details: 'Needs NATS_URL (the stream and consumer are declared if missing). ClickHouse as for `start`.',
    options: {
      namespace: { type: 'string', description: 'stream/consumer name prefix (tests use a unique one)', default: '' },
    },
    async run(args) {
      const { runSinkOnly } = await import('./start.js')
      return runSinkOnly(loadConfig(), String(args.values.namespace ?? ''))
    },
  },
]

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
