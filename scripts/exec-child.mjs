// Runs a command as this process's stand-in: stdio shared, its exit code ours.
import { spawn } from 'node:child_process'

export function execChild(cmd, args, cwd) {
  const child = spawn(cmd, args, { stdio: 'inherit', cwd })
  // Ctrl-C reaches the child through the terminal's process group; a SIGTERM sent
  // to this process alone (e.g. by a supervisor) is passed on so the child drains.
  for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig))
  process.on('SIGINT', () => {})
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
