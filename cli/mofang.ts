/** The `mofang` command: every subcommand of every module, one dispatcher. */
import { dispatch, type Command } from './command.js'
import { wallboardCommands } from '../wallboard/server/cli.js'
import { systemCommands } from './system-commands.js'
import { simulatorCommands } from '../simulator/cli.js'
import { qaCommands } from '../qa-engine/cli.js'
import { runCommands } from './run-commands.js'
import { warehouseCommands } from './warehouse-commands.js'
import { forecastCommands } from '../forecast/cli.js'
import { routingCommands } from '../routing/cli.js'
import { transcribeCommands } from '../qa-engine/transcribe/cli.js'

const commands: Command[] = [...wallboardCommands, ...runCommands, ...warehouseCommands, ...systemCommands, ...forecastCommands, ...routingCommands, ...qaCommands, ...transcribeCommands, ...simulatorCommands]

const code = await dispatch(commands, process.argv.slice(2))
process.exitCode = code
