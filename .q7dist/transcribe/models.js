/**
 * `mofang models pull`: downloads official whisper.cpp ggml weights and verifies them before they are used.
 * The checksums are the SHA-1 values published in whisper.cpp's models/README.md ("Available models" table),
 * the project's own reference for these files. The download also computes SHA-256 and, when the host states
 * one (Hugging Face sends an LFS file's SHA-256 as X-Linked-Etag), checks that too.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MofangError } from '../core/index.js';
export const MODEL_HOST = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main';
/** SHA-1 of each official ggml model, from whisper.cpp models/README.md. */
export const MODEL_SHA1 = {
    tiny: 'bd577a113a864445d4c299885e0cb97d4ba92b5f',
    'tiny.en': 'c78c86eb1a8faa21b369bcd33207cc90d64ae9df',
    base: '465707469ff3a37a2b9b8d8f89f2f99de7299dac',
    'base.en': '137c40403d78fd54d454da0f9bd998f78703390c',
    small: '55356645c2b361a969dfd0ef2c5a50d530afd8d5',
    'small.en': 'db8a495a91d927739e50b3fc1cc4c6b8f6c2d022',
};
export class ChecksumError extends MofangError {
    constructor(message) {
        super('BAD_INPUT', message);
    }
}
export async function pullModel(name, opts) {
    const expected = opts.sha1 ?? MODEL_SHA1[name];
    if (!expected)
        throw new MofangError('BAD_INPUT', `unknown model "${name}": expected one of ${Object.keys(MODEL_SHA1).join(', ')}`);
    mkdirSync(opts.dir, { recursive: true });
    const file = `ggml-${name}.bin`;
    const path = join(opts.dir, file);
    const part = `${path}.part`;
    const url = `${opts.host ?? MODEL_HOST}/${file}`;
    const idle = new AbortController();
    let timer = setTimeout(() => idle.abort(), opts.idleTimeoutMs ?? 60_000);
    try {
        const res = await fetch(url, { signal: idle.signal, redirect: 'follow' });
        if (!res.ok || !res.body)
            throw new MofangError('BAD_INPUT', `downloading ${url} failed: HTTP ${res.status}`);
        const total = Number(res.headers.get('content-length') ?? 0);
        const statedSha256 = res.headers.get('x-linked-etag')?.replace(/"/g, '').toLowerCase();
        const sha1 = createHash('sha1'), sha256 = createHash('sha256');
        let bytes = 0;
        const body = Readable.fromWeb(res.body);
        body.on('data', (b) => {
            sha1.update(b);
            sha256.update(b);
            bytes += b.length;
            clearTimeout(timer);
            timer = setTimeout(() => idle.abort(), opts.idleTimeoutMs ?? 60_000);
            opts.onProgress?.(bytes, total);
        });
        await pipeline(body, createWriteStream(part));
        const got = { sha1: sha1.digest('hex'), sha256: sha256.digest('hex') };
        if (got.sha1 !== expected)
            throw new ChecksumError(`${file}: SHA-1 ${got.sha1} does not match the published ${expected}; the download was discarded`);
        if (statedSha256 && /^[0-9a-f]{64}$/.test(statedSha256) && statedSha256 !== got.sha256) {
            throw new ChecksumError(`${file}: SHA-256 ${got.sha256} does not match the host's ${statedSha256}; the download was discarded`);
        }
        renameSync(part, path);
        return { path, bytes, ...got };
    }
    catch (err) {
        rmSync(part, { force: true });
        if (err instanceof MofangError)
            throw err;
        throw new MofangError('BAD_INPUT', `downloading ${url} failed: ${err.message}`, { cause: err });
    }
    finally {
        clearTimeout(timer);
    }
}
//# sourceMappingURL=models.js.map