/** `mofang models pull <name>` with a progress bar. */
import { BadInputError, loadConfig } from '../core/index.js';
import { Progress } from '../kits/cli/index.js';
import { MODEL_SHA1, pullModel } from './models.js';
import { modelsDir } from './model-path.js';
export async function runModelsPull(args) {
    const name = args.positionals[0];
    if (!name || !(name in MODEL_SHA1))
        throw new BadInputError(`name a model: ${Object.keys(MODEL_SHA1).join(', ')}`);
    const dir = args.values.dir ?? modelsDir(loadConfig().dataDir);
    let progress;
    let last = 0;
    const model = await pullModel(name, {
        dir,
        host: args.values.host,
        onProgress: (done, total) => {
            progress ??= new Progress({
                total: total ? Math.ceil(total / 2 ** 20) : undefined,
                label: `ggml-${name}.bin`,
                unit: 'MiB',
            });
            const mib = Math.floor(done / 2 ** 20);
            if (mib > last)
                progress.tick(mib - last);
            last = mib;
        },
    });
    progress?.finish();
    console.log(`${model.path} (${(model.bytes / 2 ** 20).toFixed(1)} MiB) verified: sha1 ${model.sha1}, sha256 ${model.sha256}`);
    return 0;
}
//# sourceMappingURL=models-command.js.map