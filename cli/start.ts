/** `mofang start` and `mofang sink`: run the system until a signal, then drain. */
import type { Config } from '../core/config.js'
import { MofangError } from '../core/errors.js'
import type { ParsedArgs } from './command.js'
import { numberOption } from './command.js'
import { startSystem } from './system.js'
import { defaultServices } from './services.js'
import { untilSignal } from './run-commands.js'

const log = (m: string) => console.error(`[mofang] ${m}`)

export async function startWholeSystem(config: Config, args: ParsedArgs): Promise<number> {
  const sys = await startSystem({ config, log, services: defaultServices(config) })
  const lines = [
    `Mofang is running:   ${sys.url}`,
    ...(sys.devApiKey ? [`dev API key (tenant "demo"):  ${sys.devApiKey}`] : []),
    ...sys.services.flatMap((s) => s.banner ?? []),
    `health:              ${sys.url}/healthz`,
    `try:                 mofang sql "SELECT channel, count() FROM events GROUP BY channel"`,
  ]
  console.log(['', ...lines.map((l) => '  ' + l), ''].join('\n'))
  const simulator = args.values['no-simulator']
    ? undefined
    : await startBuiltInSimulator(config, sys.url, sys.devApiKey ?? [...sys.apiKeys.keys()][0], args)
  const signal = await untilSignal((s) => log(`${s}: draining…`))
  await simulator?.stop()
  await sys.stop()
  log(`stopped (${signal})`)
  return 0
}

async function startBuiltInSimulator(config: Config, url: string, apiKey: string, args: ParsedArgs) {
  const { startSimulator } = await import('../simulator/run.js')
  // With a routing configuration the simulated floor is assigned by the routing engine, not longest-idle.
  const { routingAssignmentFromFile } = await import('../routing/assignment-strategy.js')
  const sim = startSimulator({
    url,
    apiKey,
    seed: numberOption(args, 'seed', { integer: true }) ?? 42,
    speed: numberOption(args, 'speed', { min: 0.01 }) ?? 1,
    agents: numberOption(args, 'agents', { integer: true, min: 1 }) ?? 60,
    rate: numberOption(args, 'rate', { min: 1 }) ?? 600,
    assignment: config.routingConfig ? routingAssignmentFromFile(config.routingConfig, 'demo') : undefined,
    log,
  })
  log('simulator started (disable with --no-simulator)')
  return sim
}

export async function runSinkOnly(config: Config, namespace: string): Promise<number> {
  if (!config.natsUrl) throw new MofangError('CONFIG', 'NATS_URL: required for `mofang sink` (it joins an existing NATS)')
  const sys = await startSystem({ config, namespace, http: false, log })
  log('warehouse sink running')
  await untilSignal()
  await sys.stop()
  return 0
}
