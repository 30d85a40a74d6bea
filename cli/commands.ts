/** Every subcommand of every module, in the order `mofang --help` lists them. */
import type { Command } from '../kits/cli/index.js'
import { wallboardCommands } from '../web/server/commands.js'
import { runCommands, systemCommands } from '../system/commands.js'
import { simulatorCommands } from '../simulator/commands.js'
import { qaCommands } from '../qa/commands.js'
import { warehouseCommands } from '../warehouse/commands.js'
import { privacyCommands } from '../privacy/commands.js'
import { channelsCommands } from '../channels/commands.js'
import { forecastCommands } from '../forecast/commands.js'
import { routingCommands } from '../routing/commands.js'
import { rosterCommands } from '../roster/commands.js'
import { transcribeCommands } from '../transcribe/commands.js'
import { reportCommands } from '../reports/commands.js'
import { ocrCommands } from '../ocr/commands.js'

export const commands: Command[] = [
  ...wallboardCommands,
  ...runCommands,
  ...warehouseCommands,
  ...privacyCommands,
  ...channelsCommands,
  ...systemCommands,
  ...forecastCommands,
  ...routingCommands,
  ...rosterCommands,
  ...qaCommands,
  ...reportCommands,
  ...transcribeCommands,
  ...ocrCommands,
  ...simulatorCommands,
]
