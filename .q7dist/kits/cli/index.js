/**
 * The CLI kit: commands with typed options and `--help` (command.ts), and progress bars for long jobs
 * (progress.ts). Every part's commands are built with it; cli/ only lists them and dispatches.
 */
export * from './command.js';
export * from './progress.js';
export * from './lock.js';
//# sourceMappingURL=index.js.map