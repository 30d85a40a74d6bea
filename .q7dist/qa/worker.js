/** A scoring worker thread: loads jieba and the sentiment model once, then scores batches on request. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { scoreInteraction } from './pipeline.js';
import { compileScorecard } from './scorecard.js';
/** Compiled scorecards by id@version: the spec travels with each batch, the compiling happens once. */
const compiled = new Map();
const api = {
    score(batch, spec) {
        let card;
        if (spec) {
            const key = `${spec.id}@${spec.version}`;
            card = compiled.get(key);
            if (!card)
                compiled.set(key, (card = compileScorecard(spec, key)));
        }
        return batch.map((interaction) => scoreInteraction(interaction, card));
    },
};
if (!parentPort)
    throw new Error('qa/worker.js must run as a worker thread');
Comlink.expose(api, nodeEndpoint(parentPort));
//# sourceMappingURL=worker.js.map