/**
 * Where Mofang finds a MixMonitor recording. MixMonitor writes to MIXMONITOR_FILENAME, an absolute path (a relative
 * file name is placed under the monitor directory, /var/spool/asterisk/monitor by default; apps/app_mixmonitor.c
 * `filename_parse`). Mofang rarely runs on the PBX itself, so the URL is the configured recordings base (where that
 * directory is shared: a mount, an HTTP server) plus the path below the monitor directory.
 */
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
export const DEFAULT_MONITOR_DIR = '/var/spool/asterisk/monitor';
export function recordingUrl(file, opts) {
    const dir = (opts.monitorDir ?? DEFAULT_MONITOR_DIR).replace(/\/+$/, '');
    const path = isAbsolute(file) ? file : join(dir, file);
    if (!opts.recordingsBase)
        return pathToFileURL(path).href;
    const below = path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path.replace(/^\/+/, '');
    const base = opts.recordingsBase.endsWith('/') ? opts.recordingsBase : `${opts.recordingsBase}/`;
    return new URL(below.split('/').map(encodeURIComponent).join('/'), base).href;
}
const FORMATS = ['wav', 'mp3', 'ogg', 'flac'];
/** The audio format by the file's extension, when Mofang names it (`.WAV`, MixMonitor's wav49, is GSM in WAV). */
export function recordingFormat(file) {
    const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
    return FORMATS.find((f) => f === ext);
}
//# sourceMappingURL=recording.js.map