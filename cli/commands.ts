/** Every subcommand of every module, in the order `mofang --help` lists them. */
import type { Command } from '../kits/cli/index.js'
import { wallboardCommands } from '../web/server/cli.js'
import { systemCommands } from './system-commands.js'
import { simulatorCommands } from '../simulator/cli.js'
import { qaCommands } from '../qa/cli.js'
import { runCommands } from './run-commands.js'
import { warehouseCommands } from './warehouse-commands.js'
import { forecastCommands } from '../forecast/cli.js'
import { routingCommands } from '../routing/cli.js'
import { transcribeCommands } from '../transcribe/cli.js'

export const commands: Command[] = [
  ...wallboardCommands,
  ...runCommands,
  ...warehouseCommands,
  ...systemCommands,
  ...forecastCommands,
  ...routingCommands,
  ...qaCommands,
  ...transcribeCommands,
  ...simulatorCommands,
]
