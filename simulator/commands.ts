/** `mofang simulate`: a synthetic contact centre posting events to the ingest API (or NDJSON to stdout). */
import { numberOption, type Command, type ParsedArgs } from '../kits/cli/index.js'
import { BadInputError } from '../core/index.js'
import { existingDevApiKey } from '../kits/auth/index.js'
import { parseDuration } from './duration.js'

const DEFAULT_DRY_RUN_DURATION = '1h'

export const simulatorCommands: Command[] = [
  {
    path: ['simulate'],
    summary: 'run a synthetic contact centre (calls, chats, tickets, agents, surveys) against the ingest API',
    details: [
      'Examples:',
      '  mofang simulate                              live from now, real time, posting to http://127.0.0.1:8080',
      '  mofang simulate --backfill 2d --speed 60     post two past days first, then run an hour per minute',
      '  mofang simulate --dry-run --duration 1d --start 2024-05-06T00:00:00+08:00 --seed 7 > day.ndjson',
      '',
      'Timestamps are simulated time (China time, UTC+8, for opening hours and peaks). --duration is simulated time;',
      'after it, arrivals stop, contacts in progress finish and agents log out. The same --seed and --start give the',
      'same events. --dry-run writes NDJSON to stdout at once instead of posting (duration default 1h).',
    ].join('\n'),
    options: {
      url: { type: 'string', description: 'base URL of the ingest API', default: 'http://127.0.0.1:8080' },
      'api-key': {
        type: 'string',
        description: 'API key (default: $MOFANG_API_KEY, else the one in <MOFANG_DATA_DIR>/dev-api-key.json)',
      },
      seed: { type: 'string', description: 'random seed, a whole number', default: '42' },
      speed: { type: 'string', description: 'simulated seconds per wall second', default: '1' },
      agents: {
        type: 'string',
        description: 'agents on the roster (each works six days a week, in shifts)',
        default: '60',
      },
      rate: { type: 'string', description: 'contacts per hour at the weekly peak (Monday ~10:00)', default: '600' },
      'max-chats': { type: 'string', description: 'chats one agent handles at once', default: '3' },
      tenant: { type: 'string', description: 'tenant written on every event', default: 'demo' },
      duration: {
        type: 'string',
        description: 'simulated time to run, e.g. 30m, 1h, 2d (default: until Ctrl-C; 1h with --dry-run)',
      },
      backfill: {
        type: 'string',
        description: 'post this much past simulated time first, as fast as the API takes it, e.g. 2d',
        default: '0d',
      },
      start: {
        type: 'string',
        description: 'live start as an ISO time, e.g. 2024-05-06T09:00:00+08:00 (default: now)',
      },
      'dry-run': { type: 'boolean', description: 'write NDJSON events to stdout instead of posting' },
      incidents: {
        type: 'boolean',
        description: 'every few simulated hours, a burst of 8–12 chats about one error code within 10 minutes',
      },
    },
    async run(args) {
      const common = simulationArgs(args)
      const backfillMs = parseDuration(String(args.values.backfill), 'backfill')
      const duration = typeof args.values.duration === 'string' ? args.values.duration : undefined
      if (args.values['dry-run']) {
        const { writeNdjson } = await import('./ndjson.js')
        await writeNdjson(process.stdout, {
          ...common,
          start: common.start - backfillMs,
          durationMs: backfillMs + parseDuration(duration ?? DEFAULT_DRY_RUN_DURATION, 'duration'),
        })
        return 0
      }
      const { startSimulator } = await import('./run.js')
      const url = String(args.values.url)
      const sim = startSimulator({
        ...common,
        url,
        apiKey: apiKey(args),
        backfillMs,
        speed: numberOption(args, 'speed', { min: 0.001, max: 100_000 }),
        durationMs: duration === undefined ? undefined : parseDuration(duration, 'duration'),
      })
      process.stderr.write(
        `simulate: posting to ${url} as tenant ${common.tenant}${backfillMs ? `, back-filling ${args.values.backfill} first` : ''}; Ctrl-C stops and flushes\n`,
      )
      const onSignal = () => void sim.stop()
      process.once('SIGINT', onSignal)
      process.once('SIGTERM', onSignal)
      try {
        const final = await sim.done
        return final.rejected > 0 || final.pending > 0 ? 1 : 0
      } finally {
        process.off('SIGINT', onSignal)
        process.off('SIGTERM', onSignal)
      }
    },
  },
]

function simulationArgs(args: ParsedArgs) {
  const startText = args.values.start
  const start = typeof startText === 'string' ? Date.parse(startText) : Date.now()
  if (Number.isNaN(start))
    throw new BadInputError(`--start: expected an ISO time like 2024-05-06T09:00:00+08:00, got "${startText}"`)
  return {
    seed: numberOption(args, 'seed', { min: 0, max: 2 ** 32 - 1, integer: true }),
    agents: numberOption(args, 'agents', { min: 1, max: 5000, integer: true }),
    ratePerHour: numberOption(args, 'rate', { min: 0.001, max: 1_000_000 }),
    maxChats: numberOption(args, 'max-chats', { min: 1, max: 10, integer: true }),
    tenant: String(args.values.tenant),
    start,
    incidents: args.values.incidents === true,
  }
}

/** --api-key, else $MOFANG_API_KEY, else the dev key a local `mofang start` keeps in its data directory. */
function apiKey(args: ParsedArgs): string {
  const flag = args.values['api-key']
  if (typeof flag === 'string' && flag) return flag
  if (process.env.MOFANG_API_KEY) return process.env.MOFANG_API_KEY
  const dev = existingDevApiKey(process.env.MOFANG_DATA_DIR || './data')
  if (dev.key) return dev.key
  throw new BadInputError(
    `no API key: pass --api-key, set MOFANG_API_KEY, or start Mofang locally (it writes ${dev.path})`,
  )
}
