/**
 * Call recordings on disk. Mofang does not store audio itself: a voice.recording_available event names where the
 * telephony system put the file (a path, file:// or http(s) URL), and transcription reads it there. Mofang deletes
 * only files inside MOFANG_RECORDINGS_DIR: the retention sweep (files older than MOFANG_RETENTION_RECORDINGS_DAYS)
 * and a customer's erase. A URL anywhere else, however an event names it, is listed, never deleted: an API key must
 * not be able to make Mofang delete /etc/passwd.
 */
import { lstat, readdir, realpath, unlink } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadQuery } from '../warehouse/index.js';
/** The local path a recording URL names, or undefined for http(s) and other schemes. */
function localPath(url) {
    if (url.startsWith('file://')) {
        try {
            return fileURLToPath(url);
        }
        catch {
            return undefined;
        }
    }
    return isAbsolute(url) ? url : undefined;
}
/** The real path of `url`'s file when it is an existing file inside `dir` (symbolic links resolved), else undefined. */
export async function fileInside(url, dir) {
    const path = localPath(url);
    if (!path)
        return undefined;
    try {
        const [file, root] = await Promise.all([realpath(path), realpath(dir)]);
        return file.startsWith(root + sep) && (await lstat(file)).isFile() ? file : undefined;
    }
    catch {
        return undefined; // no such file
    }
}
/** The recordings of some interactions, with the files Mofang may delete. */
export async function customerRecordings(wh, tenant, interactions, dir) {
    const rows = await wh.query(loadQuery('customer_recordings'), {
        tenant,
        interactions,
    });
    const found = [];
    for (const r of rows.filter((x) => x.url)) {
        const path = dir ? await fileInside(r.url, dir) : undefined;
        found.push({ interaction_id: r.interaction_id, url: r.url, ...(path && { path }) });
    }
    return found;
}
/** Deletes the recordings' files inside the directory; returns how many went. */
export async function deleteRecordings(recordings) {
    const paths = [...new Set(recordings.flatMap((r) => (r.path ? [r.path] : [])))];
    for (const p of paths)
        await unlink(p);
    return paths.length;
}
/**
 * Deletes the files under `dir` (recursively) last modified more than `days` days before `now`. Symbolic links are
 * neither followed nor deleted. Asynchronous throughout, so a large directory does not stall a server.
 */
export async function sweepRecordings(dir, days, now = Date.now()) {
    const before = now - days * 86_400_000;
    const out = { deleted: 0, bytes: 0 };
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile())
            continue;
        const path = join(entry.parentPath, entry.name);
        const st = await lstat(path).catch(() => undefined);
        if (!st?.isFile() || st.mtimeMs >= before)
            continue;
        await unlink(path);
        out.deleted++;
        out.bytes += st.size;
    }
    return out;
}
//# sourceMappingURL=recordings.js.map