/**
 * Where Mofang finds a MixMonitor recording. MixMonitor writes to MIXMONITOR_FILENAME, an absolute path (a relative
 * file name is placed under the monitor directory, /var/spool/asterisk/monitor by default; apps/app_mixmonitor.c
 * `filename_parse`). Mofang rarely runs on the PBX itself, so the URL is the configured recordings base (where that
 * directory is shared: a mount, an HTTP server) plus the path below the monitor directory.
 */
import { isAbsolute, join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface RecordingOptions {
  /**
   * URL of the PBX's monitor directory as Mofang reaches it (`file:///mnt/pbx-monitor/`,
   * `https://pbx.example.com/monitor/`). Default: the file's own path as a file URL (Mofang on the PBX host).
   */
  recordingsBase?: string
  /** The PBX's monitor directory, stripped from file names before the base is added. Default DEFAULT_MONITOR_DIR. */
  monitorDir?: string
  /**
   * Channels of the recordings: 2 when they are stereo (MixMonitor option D, converted to WAV by a post-process):
   * left is the audio from the recorded channel, right the audio to it. Default 1 (MixMonitor's mixed file).
   */
  recordingChannels?: 1 | 2
}

export const DEFAULT_MONITOR_DIR = '/var/spool/asterisk/monitor'

export function recordingUrl(file: string, opts: RecordingOptions): string {
  const dir = (opts.monitorDir ?? DEFAULT_MONITOR_DIR).replace(/\/+$/, '')
  const path = isAbsolute(file) ? file : join(dir, file)
  if (!opts.recordingsBase) return pathToFileURL(path).href
  const below = path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path.replace(/^\/+/, '')
  const base = opts.recordingsBase.endsWith('/') ? opts.recordingsBase : `${opts.recordingsBase}/`
  return new URL(below.split('/').map(encodeURIComponent).join('/'), base).href
}

const FORMATS = ['wav', 'mp3', 'ogg', 'flac'] as const

/** The audio format by the file's extension, when Mofang names it (`.WAV`, MixMonitor's wav49, is GSM in WAV). */
export function recordingFormat(file: string): (typeof FORMATS)[number] | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase()
  return FORMATS.find((f) => f === ext)
}
