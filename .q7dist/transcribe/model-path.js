/** Which Whisper model to use: WHISPER_MODEL, else the largest ggml-*.bin that `mofang models pull` left. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
export const modelsDir = (dataDir) => join(resolve(dataDir), 'models');
/** The model file to load, or undefined while there is none (the caller polls). */
export function findModel(explicit, dataDir) {
    if (explicit)
        return existsSync(explicit) && statSync(explicit).size > 0 ? explicit : undefined;
    const dir = modelsDir(dataDir);
    if (!existsSync(dir))
        return undefined;
    const files = readdirSync(dir)
        .filter((f) => /^ggml-.*\.bin$/.test(f))
        .map((f) => join(dir, f));
    return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}
//# sourceMappingURL=model-path.js.map