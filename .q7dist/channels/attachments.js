/**
 * The attachment store: screenshots, voice notes and files from the channels, kept once by their SHA-256 under
 * `<data>/attachments/<tenant>/<2 hex>/<64 hex>` (a repeat costs nothing; each tenant reads only its own) and
 * referenced from the events as `/api/attachments/<sha256>`. What the bytes are is sniffed from their first bytes,
 * not taken from the platform's word. A file that cannot be kept (unreachable, empty, too large) becomes an
 * attachment with `error`: the message is stored all the same, so nothing the customer wrote is lost for a broken
 * picture.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../core/index.js';
/** Magic numbers of the formats the channels carry: [offset, bytes, content type]. */
const SIGNATURES = [
    [0, '89504e470d0a1a0a', 'image/png'],
    [0, 'ffd8ff', 'image/jpeg'],
    [0, '474946383', 'image/gif'],
    [8, '57454250', 'image/webp'],
    [0, '424d', 'image/bmp'],
    [0, '2321414d52', 'audio/amr'],
    [0, '2321534b494c4b', 'audio/silk'],
    [8, '57415645', 'audio/wav'],
    [0, '4f676753', 'audio/ogg'],
    [0, '494433', 'audio/mpeg'],
    [4, '66747970', 'video/mp4'],
    [0, '25504446', 'application/pdf'],
];
/** What the bytes are, by their magic number; undefined when none matches. */
export function sniffContentType(bytes) {
    const hex = Buffer.from(bytes.subarray(0, 16)).toString('hex');
    for (const [offset, magic, type] of SIGNATURES)
        if (hex.startsWith(magic, offset * 2))
            return type;
    return undefined;
}
const PATH_OF = /^[0-9a-f]{64}$/;
/** A platform URL as the event may show it: media APIs put the access token in the query. */
function withoutQuery(url) {
    try {
        const u = new URL(url);
        return `${u.origin}${u.pathname}`.slice(0, 2048);
    }
    catch {
        return 'invalid URL';
    }
}
export function createAttachmentStore(opts) {
    const maxBytes = opts.maxBytes ?? MAX_ATTACHMENT_BYTES;
    const timeoutMs = opts.fetchTimeoutMs ?? 15_000;
    const fetcher = opts.fetch ?? fetch;
    const fileOf = (tenant, sha256) => join(opts.dir, tenant, sha256.slice(0, 2), sha256);
    function keep(tenant, bytes, declared) {
        const base = { kind: declared.kind, ...(declared.name ? { name: declared.name.slice(0, 256) } : {}) };
        if (bytes.length === 0)
            return { ...base, error: 'empty file (0 bytes)' };
        if (bytes.length > maxBytes)
            return { ...base, size: bytes.length, error: `larger than ${maxBytes} bytes` };
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const path = fileOf(tenant, sha256);
        if (!existsSync(path)) {
            mkdirSync(join(opts.dir, tenant, sha256.slice(0, 2)), { recursive: true });
            // Written beside and renamed: a reader never sees half a file under its final name.
            const partial = `${path}.${process.pid}.part`;
            writeFileSync(partial, bytes);
            renameSync(partial, path);
        }
        const contentType = sniffContentType(bytes) ?? declared.contentType ?? 'application/octet-stream';
        return { ...base, url: `/api/attachments/${sha256}`, sha256, content_type: contentType, size: bytes.length };
    }
    async function download(source) {
        const res = await fetcher(source.url, { headers: source.headers, signal: AbortSignal.timeout(timeoutMs) });
        if (!res.ok)
            throw new Error(`the platform answered ${res.status} for ${withoutQuery(source.url)}`);
        const declared = Number(res.headers.get('content-length'));
        if (declared > maxBytes)
            throw new Error(`larger than ${maxBytes} bytes (content-length ${declared})`);
        const chunks = [];
        let size = 0;
        for await (const chunk of res.body ?? []) {
            size += chunk.length;
            if (size > maxBytes)
                throw new Error(`larger than ${maxBytes} bytes`);
            chunks.push(chunk);
        }
        return Buffer.concat(chunks);
    }
    return {
        /** Keeps one attachment (its bytes, or downloads it); never throws: a failure is the attachment's `error`. */
        async put(tenant, a) {
            try {
                if (a.bytes)
                    return keep(tenant, a.bytes, a);
                if (a.fetch)
                    return keep(tenant, await download(a.fetch), a);
                return { kind: a.kind, ...(a.name ? { name: a.name } : {}), error: 'the platform gave no way to fetch it' };
            }
            catch (err) {
                const reason = err.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : err.message;
                return {
                    kind: a.kind,
                    ...(a.name ? { name: a.name } : {}),
                    ...(a.fetch ? { url: withoutQuery(a.fetch.url) } : {}),
                    error: `not kept: ${reason}`.slice(0, 512),
                };
            }
        },
        /** The file of a tenant's stored attachment, or undefined (an unknown or malformed hash). */
        pathOf(tenant, sha256) {
            if (!PATH_OF.test(sha256))
                return undefined;
            const path = fileOf(tenant, sha256);
            return existsSync(path) ? path : undefined;
        },
    };
}
//# sourceMappingURL=attachments.js.map