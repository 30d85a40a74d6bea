/**
 * Static files of the built app. Vite puts content-hashed files under /assets/,
 * which may be cached for a year; everything else (index.html above all) is
 * revalidated so a new build shows up on the next load. Unknown paths without a
 * file extension get index.html, so deep links into the app work.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.ico': 'image/x-icon',
    '.webp': 'image/webp',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.ttf': 'font/ttf',
    '.txt': 'text/plain; charset=utf-8',
    '.webmanifest': 'application/manifest+json',
};
async function fileAt(root, urlPath) {
    let decoded;
    try {
        decoded = decodeURIComponent(urlPath);
    }
    catch {
        return undefined;
    }
    if (decoded.includes('\0'))
        return undefined;
    const path = normalize(join(root, decoded));
    if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep))
        return undefined;
    try {
        const st = await stat(path);
        return st.isFile() ? { path, size: st.size, mtimeMs: st.mtimeMs } : undefined;
    }
    catch {
        return undefined;
    }
}
/** Serves GET/HEAD for `pathname` from `root`; false when neither a file nor the SPA fallback applies. */
export async function serveStatic(root, pathname, req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
        return false;
    let file = pathname.endsWith('/') ? undefined : await fileAt(root, pathname);
    if (!file) {
        if (extname(pathname) !== '')
            return false;
        file = await fileAt(root, '/index.html');
        if (!file) {
            res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
            res.end('The wallboard app is not built yet: run `npm run build`.\n');
            return true;
        }
    }
    const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    const immutable = pathname.startsWith('/assets/');
    const headers = {
        'content-type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag,
    };
    if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers);
        res.end();
        return true;
    }
    res.writeHead(200, { ...headers, 'content-length': file.size });
    if (req.method === 'HEAD')
        res.end();
    else
        createReadStream(file.path).pipe(res);
    return true;
}
//# sourceMappingURL=static.js.map