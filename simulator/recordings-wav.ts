/**
 * The little WAV handling the call recordings need: read espeak-ng's 16-bit mono output, resample it, and write a
 * 16-bit PCM stereo file. Written here rather than shelling out to sox: the container is 44 bytes of header.
 */

/** Mono 16-bit speech as espeak-ng returns it. */
export interface MonoPcm {
  samples: Int16Array
  /** Hz. */
  sampleRate: number
}

/** Thrown when a buffer is not the 16-bit PCM WAV this module reads. */
export class WavFormatError extends Error {
  override readonly name = 'WavFormatError'
}

/**
 * Reads a 16-bit PCM mono WAV. espeak-ng's `--stdout` writes the RIFF and data sizes as 0x7ffff… (it streams and
 * cannot seek back), so the data chunk runs to the end of the buffer whatever its header says.
 */
export function readMonoWav(buf: Buffer): MonoPcm {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE')
    throw new WavFormatError('not a RIFF/WAVE file')
  let sampleRate = 0
  for (let at = 12; at + 8 <= buf.length;) {
    const id = buf.toString('ascii', at, at + 4)
    const size = buf.readUInt32LE(at + 4)
    const body = at + 8
    if (id === 'fmt ') {
      const format = buf.readUInt16LE(body)
      const channels = buf.readUInt16LE(body + 2)
      const bits = buf.readUInt16LE(body + 14)
      if (format !== 1 || channels !== 1 || bits !== 16)
        throw new WavFormatError(`expected 16-bit PCM mono, got format ${format}, ${channels} channels, ${bits} bits`)
      sampleRate = buf.readUInt32LE(body + 4)
    } else if (id === 'data') {
      if (!sampleRate) throw new WavFormatError('data chunk before fmt chunk')
      const end = Math.min(buf.length, body + size)
      const bytes = buf.subarray(body, body + ((end - body) & ~1))
      // Copy: the Buffer may sit at an odd offset of a shared pool, which Int16Array cannot view.
      const samples = new Int16Array(bytes.length / 2)
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(2 * i)
      return { samples, sampleRate }
    }
    at = body + size + (size & 1)
  }
  throw new WavFormatError('no data chunk')
}

/** Linear-interpolation resampling: enough for synthetic speech that ASR resamples again anyway. */
export function resample(pcm: MonoPcm, rate: number): Int16Array {
  if (pcm.sampleRate === rate) return pcm.samples
  const src = pcm.samples
  const out = new Int16Array(Math.floor((src.length * rate) / pcm.sampleRate))
  const step = pcm.sampleRate / rate
  for (let i = 0; i < out.length; i++) {
    const x = i * step
    const k = Math.floor(x)
    const next = k + 1 < src.length ? src[k + 1] : src[k]
    out[i] = Math.round(src[k] + (next - src[k]) * (x - k))
  }
  return out
}

/** A 16-bit PCM stereo WAV of two equally long channels (0 = left). */
export function stereoWav(left: Int16Array, right: Int16Array, sampleRate: number): Buffer {
  if (left.length !== right.length) throw new RangeError('channels differ in length')
  const dataBytes = left.length * 4
  const buf = Buffer.alloc(44 + dataBytes)
  buf.write('RIFF', 0, 'ascii')
  buf.writeUInt32LE(36 + dataBytes, 4)
  buf.write('WAVE', 8, 'ascii')
  buf.write('fmt ', 12, 'ascii')
  buf.writeUInt32LE(16, 16)
  buf.writeUInt16LE(1, 20) // PCM
  buf.writeUInt16LE(2, 22)
  buf.writeUInt32LE(sampleRate, 24)
  buf.writeUInt32LE(sampleRate * 4, 28) // byte rate
  buf.writeUInt16LE(4, 32) // block align
  buf.writeUInt16LE(16, 34)
  buf.write('data', 36, 'ascii')
  buf.writeUInt32LE(dataBytes, 40)
  for (let i = 0; i < left.length; i++) {
    buf.writeInt16LE(left[i], 44 + 4 * i)
    buf.writeInt16LE(right[i], 46 + 4 * i)
  }
  return buf
}
