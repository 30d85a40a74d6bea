/** The `mofang` command: every subcommand of every module, one dispatcher. */
import { dispatch } from '../kits/cli/index.js';
import { commands } from './commands.js';
const code = await dispatch(commands, process.argv.slice(2));
process.exitCode = code;
//# sourceMappingURL=mofang.js.map