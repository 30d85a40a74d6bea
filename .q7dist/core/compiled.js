/**
 * Worker threads and child processes must load compiled JavaScript, but tests run
 * the TypeScript sources directly. This maps a module's sibling to its compiled
 * file under dist/ when the caller is a .ts source, and leaves it alone otherwise.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, relative } from 'node:path';
const here = dirname(fileURLToPath(import.meta.url));
const runningFromSource = import.meta.url.endsWith('.ts');
const projectRoot = runningFromSource ? join(here, '..') : join(here, '..', '..');
/** Project root (the folder with package.json), from sources or from dist/. */
export function rootDir() {
    return projectRoot;
}
/**
 * URL of `sibling` (a `.js` name, e.g. './worker.js') next to `moduleUrl`, always
 * pointing at the compiled file: `<root>/qa/pool.ts` + `./worker.js` →
 * `<root>/dist/qa/worker.js`.
 */
export function compiledSibling(moduleUrl, sibling) {
    const target = join(dirname(fileURLToPath(moduleUrl)), sibling);
    if (!moduleUrl.endsWith('.ts'))
        return pathToFileURL(target);
    return pathToFileURL(join(projectRoot, 'dist', relative(projectRoot, target)));
}
//# sourceMappingURL=compiled.js.map