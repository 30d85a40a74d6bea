/** Resolves on the first SIGINT/SIGTERM; a second one exits at once. */
export function untilSignal(onFirst?: (signal: string) => void): Promise<string> {
  return new Promise((resolve) => {
    let seen = false
    const handler = (signal: NodeJS.Signals) => {
      if (seen) process.exit(130)
      seen = true
      onFirst?.(signal)
      resolve(signal)
    }
    process.on('SIGINT', handler)
    process.on('SIGTERM', handler)
  })
}
