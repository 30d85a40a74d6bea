/**
 * `buildRoster` in a worker thread, for servers: the HiGHS solve is synchronous WebAssembly that runs for seconds,
 * which on the server's thread would hold up ingest and every other tenant's requests. The typed errors are rebuilt
 * on this side, so callers catch them as they would from `buildRoster`.
 */
import { Worker } from 'node:worker_threads';
import { compiledSibling } from '../core/index.js';
import { RosterInfeasibleError, RosterInputError } from './errors.js';
export function buildRosterInWorker(input, options = {}) {
    return new Promise((resolve, reject) => {
        const worker = new Worker(compiledSibling(import.meta.url, './worker.js'), { workerData: { input, options } });
        let answered = false;
        worker.once('message', (answer) => {
            answered = true;
            void worker.terminate();
            if (answer.ok)
                return resolve(answer.roster);
            const e = answer.error;
            if (e.kind === 'input')
                reject(new RosterInputError(e.field, e.reason));
            else if (e.kind === 'infeasible')
                reject(new RosterInfeasibleError(e.conflicts));
            else
                reject(new Error(`roster worker: ${e.message}`));
        });
        worker.once('error', (err) => reject(err));
        worker.once('exit', (code) => {
            if (!answered)
                reject(new Error(`roster worker exited with code ${code} before answering`));
        });
    });
}
//# sourceMappingURL=build-in-worker.js.map