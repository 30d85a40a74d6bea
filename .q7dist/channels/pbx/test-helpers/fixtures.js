/**
 * The recorded AMI streams in ../fixtures: each file opens with a note (lines starting with `;`, citing the docs it
 * was written from), then the events exactly as Asterisk writes them on the wire.
 */
import { readFileSync } from 'node:fs';
import { parseAmiStream } from '../ami-parser.js';
export const FIXTURES = [
    'answered-hold-blind-transfer',
    'abandoned-in-queue',
    'ring-no-answer',
    'mixmonitor-recording',
    'warm-transfer',
];
/** The stream's bytes as the PBX sends them (CRLF line ends whatever a checkout did to the file). */
export function fixtureWire(name) {
    const text = readFileSync(new URL(`../fixtures/${name}.ami.txt`, import.meta.url), 'utf8');
    return text
        .split(/\r?\n/)
        .filter((line) => !line.startsWith(';'))
        .join('\r\n');
}
export const fixtureMessages = (name) => parseAmiStream(fixtureWire(name));
//# sourceMappingURL=fixtures.js.map