/**
 * Where a recording_available URL points: a local path or file:// URL is used in place; http(s) is downloaded
 * to a temp file with a time limit and a size limit, so a stalled server ends the job instead of holding it.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { RecordingError } from './errors.js';
export async function fetchRecording(url, opts = {}) {
    if (url.startsWith('file://'))
        return { path: fileURLToPath(url), release: () => { } };
    if (!/^https?:\/\//i.test(url)) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
            throw new RecordingError('UNSUPPORTED_URL', `unsupported recording URL scheme: ${url.split(':')[0]}`);
        return { path: url, release: () => { } };
    }
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const maxBytes = opts.maxBytes ?? 1024 ** 3;
    const dir = mkdtempSync(join(tmpdir(), 'mofang-rec-'));
    const release = () => rmSync(dir, { recursive: true, force: true });
    const path = join(dir, 'recording');
    try {
        const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (!res.ok || !res.body)
            throw new RecordingError('FETCH_FAILED', `fetching the recording failed: HTTP ${res.status}`);
        if (Number(res.headers.get('content-length') ?? 0) > maxBytes)
            throw new RecordingError('TOO_LARGE', `recording is larger than ${maxBytes} bytes`);
        let bytes = 0;
        const body = Readable.fromWeb(res.body);
        body.on('data', (b) => {
            bytes += b.length;
            if (bytes > maxBytes)
                body.destroy(new RecordingError('TOO_LARGE', `recording is larger than ${maxBytes} bytes`));
        });
        await pipeline(body, createWriteStream(path));
        return { path, release };
    }
    catch (err) {
        release();
        if (err instanceof RecordingError)
            throw err;
        const e = err;
        if (e.name === 'TimeoutError' || e.name === 'AbortError')
            throw new RecordingError('FETCH_TIMEOUT', `fetching the recording timed out after ${timeoutMs} ms: ${url}`);
        throw new RecordingError('FETCH_FAILED', `fetching the recording failed: ${e.message}`, { cause: err });
    }
}
//# sourceMappingURL=fetch-recording.js.map