/** The `mofang` command: every subcommand of every module, one dispatcher. */
import { dispatch, type Command } from './command.js'
import { systemCommands } from './system-commands.js'

const commands: Command[] = [...systemCommands]

const code = await dispatch(commands, process.argv.slice(2))
process.exitCode = code
