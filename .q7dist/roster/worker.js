/**
 * Builds one roster off the main thread (see build-in-worker.ts): the solver runs for seconds, and on the server's
 * thread it would stop ingest and every other request meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildRoster } from './build.js';
import { RosterInfeasibleError, RosterInputError } from './errors.js';
const { input, options } = workerData;
buildRoster(input, options).then((roster) => parentPort.postMessage({ ok: true, roster }), (err) => {
    const error = err instanceof RosterInputError
        ? { kind: 'input', field: err.field, reason: err.reason }
        : err instanceof RosterInfeasibleError
            ? { kind: 'infeasible', conflicts: err.conflicts }
            : { kind: 'other', message: err.stack ?? String(err) };
    parentPort.postMessage({ ok: false, error });
});
//# sourceMappingURL=worker.js.map