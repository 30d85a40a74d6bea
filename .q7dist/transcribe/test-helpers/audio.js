/** Test recordings synthesised with espeak-ng (English, Mandarin `-v cmn`), sox and ffmpeg. */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const sh = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
export function speech(dir, name, text, voice = 'en') {
    const path = join(dir, `${name}.wav`);
    sh('espeak-ng', ['-v', voice, '-w', path, text]);
    return path;
}
/** A stereo call: agent on the left, customer on the right, the customer starting after `gapS` seconds of silence. */
export function stereoCall(dir, agentWav, customerWav, gapS) {
    const a = join(dir, 'agent16.wav'), c = join(dir, 'customer16.wav'), out = join(dir, 'call-stereo.wav');
    sh('sox', [agentWav, '-r', '16000', a]);
    const agentS = Number(execFileSync('soxi', ['-D', a]).toString());
    sh('sox', [customerWav, '-r', '16000', c, 'pad', String(agentS + gapS)]);
    sh('sox', ['-M', a, c, out]);
    return out;
}
export function mp3Of(wav) {
    const out = wav.replace(/\.wav$/, '.mp3');
    sh('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-b:a', '48k', out]);
    return out;
}
/** A WAV cut right after its header: it claims audio it does not contain. */
export function truncatedWav(dir, from) {
    const head = Buffer.alloc(60);
    const fd = openSync(from, 'r');
    readSync(fd, head, 0, 60, 0);
    closeSync(fd);
    const out = join(dir, 'truncated.wav');
    writeFileSync(out, head);
    return out;
}
export function notAudio(dir) {
    const out = join(dir, 'notes.wav');
    writeFileSync(out, 'this is a text file, not a recording\n'.repeat(50));
    return out;
}
/** Three hours of silence, as FLAC (2 MB, a couple of seconds to make). */
export function threeHours(dir) {
    const out = join(dir, 'three-hours.flac');
    sh('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        'anullsrc=r=8000:cl=mono',
        '-t',
        '10800',
        '-c:a',
        'flac',
        out,
    ]);
    return out;
}
//# sourceMappingURL=audio.js.map