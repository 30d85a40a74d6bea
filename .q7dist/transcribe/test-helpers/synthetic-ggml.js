/**
 * Writes a SYNTHETIC whisper.cpp ggml model: the real file format, hyper-parameters, tensor names and shapes,
 * with random weights and a placeholder vocabulary. It loads and runs through whisper.cpp exactly like a real
 * model but recognises nothing, so tests and the benchmark exercise the binding, the worker pool and the
 * retries for real without downloadable weights. Adapted from /work/shared/tools/make-synthetic-ggml.mjs.
 */
import { closeSync, existsSync, openSync, renameSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from '../../kits/sim/index.js';
/** [state width, attention heads, layers] per size; `micro` is smaller than any real model, for fast tests. */
const DIMS = { micro: [64, 1, 1], tiny: [384, 6, 4], base: [512, 8, 6] };
const N_AUDIO_CTX = 1500, N_TEXT_CTX = 448, N_MELS = 80, N_BASE_VOCAB = 50257;
export function writeSyntheticModel(out, size = 'tiny', multilingual = true) {
    const [S, , L] = DIMS[size];
    const H = DIMS[size][1];
    const nVocab = multilingual ? 51865 : 51864;
    const tmp = `${out}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    const i32 = (...v) => writeSync(fd, Buffer.from(new Int32Array(v).buffer));
    const rng = Random.lcg32(12345);
    const rnd = () => (rng.next() - 0.5) * 0.04;
    const f32 = new DataView(new ArrayBuffer(4));
    const f2h = (f) => {
        // float32 → float16 bits, round toward zero (fine for random data)
        f32.setFloat32(0, f);
        const b = f32.getUint32(0), s = (b >>> 16) & 0x8000, e = ((b >>> 23) & 0xff) - 112, m = (b >>> 13) & 0x3ff;
        return e <= 0 ? s : e >= 31 ? s | 0x7c00 : s | (e << 10) | m;
    };
    i32(0x67676d6c, nVocab, N_AUDIO_CTX, S, H, L, N_TEXT_CTX, S, H, L, N_MELS, 1); // magic, hparams, ftype 1 = f16
    i32(N_MELS, 201);
    writeSync(fd, Buffer.alloc(N_MELS * 201 * 4)); // mel filterbank (zeros)
    i32(N_BASE_VOCAB); // whisper.cpp adds the special tokens itself
    const fixed = [' ', ' -', " '"]; // whisper.cpp looks these up by string while decoding
    for (let i = 0; i < N_BASE_VOCAB; i++) {
        const t = Buffer.from(fixed[i] ?? `<${i}>`);
        i32(t.length);
        writeSync(fd, t);
    }
    const tensor = (name, ne, f16, fill) => {
        const n = ne.reduce((a, b) => a * b, 1);
        i32(ne.length, Buffer.byteLength(name), f16 ? 1 : 0, ...ne);
        writeSync(fd, Buffer.from(name));
        const buf = f16 ? new Uint16Array(n) : new Float32Array(n);
        for (let i = 0; i < n; i++) {
            const v = fill ?? rnd();
            buf[i] = f16 ? f2h(v) : v;
        }
        writeSync(fd, Buffer.from(buf.buffer));
    };
    const block = (p, cross) => {
        tensor(p + 'mlp_ln.weight', [S], false, 1);
        tensor(p + 'mlp_ln.bias', [S], false, 0);
        tensor(p + 'mlp.0.weight', [S, 4 * S], true);
        tensor(p + 'mlp.0.bias', [4 * S], false, 0);
        tensor(p + 'mlp.2.weight', [4 * S, S], true);
        tensor(p + 'mlp.2.bias', [S], false, 0);
        for (const a of cross ? ['attn', 'cross_attn'] : ['attn']) {
            tensor(p + a + '_ln.weight', [S], false, 1);
            tensor(p + a + '_ln.bias', [S], false, 0);
            tensor(p + a + '.query.weight', [S, S], true);
            tensor(p + a + '.query.bias', [S], false, 0);
            tensor(p + a + '.key.weight', [S, S], true);
            tensor(p + a + '.value.weight', [S, S], true);
            tensor(p + a + '.value.bias', [S], false, 0);
            tensor(p + a + '.out.weight', [S, S], true);
            tensor(p + a + '.out.bias', [S], false, 0);
        }
    };
    tensor('encoder.positional_embedding', [S, N_AUDIO_CTX], false);
    tensor('encoder.conv1.weight', [3, N_MELS, S], true);
    tensor('encoder.conv1.bias', [1, S], false, 0);
    tensor('encoder.conv2.weight', [3, S, S], true);
    tensor('encoder.conv2.bias', [1, S], false, 0);
    tensor('encoder.ln_post.weight', [S], false, 1);
    tensor('encoder.ln_post.bias', [S], false, 0);
    for (let i = 0; i < L; i++)
        block(`encoder.blocks.${i}.`, false);
    tensor('decoder.positional_embedding', [S, N_TEXT_CTX], false);
    tensor('decoder.token_embedding.weight', [S, nVocab], true);
    tensor('decoder.ln.weight', [S], false, 1);
    tensor('decoder.ln.bias', [S], false, 0);
    for (let i = 0; i < L; i++)
        block(`decoder.blocks.${i}.`, true);
    closeSync(fd);
    renameSync(tmp, out);
}
/** A synthetic model cached in the temp dir (writing `tiny` takes a few seconds); the path. */
export function syntheticModel(size = 'micro') {
    const path = join(tmpdir(), `mofang-synthetic-ggml-${size}.bin`);
    if (!existsSync(path))
        writeSyntheticModel(path, size);
    return path;
}
//# sourceMappingURL=synthetic-ggml.js.map