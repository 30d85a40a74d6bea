/**
 * The Asterisk Manager Interface wire protocol (https://docs.asterisk.org/Configuration/Interfaces/Asterisk-Manager-Interface-AMI/AMI-v2-Specification):
 * on connect the server sends one banner line, `Asterisk Call Manager/<version>`; after that both sides exchange
 * messages, each a block of `Key: Value` lines ended by CRLF, the block ended by an empty line. Asterisk writes
 * every event this way (main/manager.c `__manager_event_sessions_va`: `Event:`, `Privilege:`, `Timestamp:` when
 * `timestampevents = yes`, then the fields; channel snapshots add their `ChanVariable: name=value` lines, once per
 * variable named in manager.conf `channelvars`, with the snapshot's prefix, e.g. `DestChanVariable:`).
 * TCP delivers the stream in arbitrary pieces, so the parser keeps the unfinished line and block between chunks.
 */
import { StringDecoder } from 'node:string_decoder';
/** The stream is not AMI: an overlong line. The connection should be dropped. */
export class AmiProtocolError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AmiProtocolError';
    }
}
const CHAN_VARIABLE = /^(.*)ChanVariable(?:\(.*\))?$/;
export class AmiParser {
    /** The banner line once read (`Asterisk Call Manager/9.0.0`). */
    banner;
    decoder = new StringDecoder('utf8');
    expectBanner;
    maxLineLength;
    pending = '';
    block;
    constructor(opts = {}) {
        this.expectBanner = opts.banner ?? true;
        this.maxLineLength = opts.maxLineLength ?? 65_536;
    }
    /** Feeds one chunk; returns the messages it completed, in order. */
    push(chunk) {
        // The decoder holds back a UTF-8 character split between chunks (a caller's name in Chinese).
        this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
        const done = [];
        let start = 0;
        for (let nl = this.pending.indexOf('\n'); nl !== -1; nl = this.pending.indexOf('\n', start)) {
            const end = nl > start && this.pending.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
            const message = this.line(this.pending.slice(start, end));
            if (message)
                done.push(message);
            start = nl + 1;
        }
        this.pending = this.pending.slice(start);
        if (this.pending.length > this.maxLineLength)
            throw new AmiProtocolError(`a line longer than ${this.maxLineLength} characters: not an AMI stream`);
        return done;
    }
    /** Takes one line; returns the message an empty line completes. */
    line(text) {
        if (this.expectBanner && this.banner === undefined) {
            this.banner = text;
            return undefined;
        }
        if (text === '') {
            const message = this.block;
            this.block = undefined;
            return message;
        }
        const colon = text.indexOf(':');
        // A line without a colon is not a field (old `Response: Follows` command output): nothing maps it.
        if (colon <= 0)
            return undefined;
        const key = text.slice(0, colon);
        const value = text.charCodeAt(colon + 1) === 32 ? text.slice(colon + 2) : text.slice(colon + 1);
        const block = (this.block ??= { fields: {}, vars: {} });
        const variable = CHAN_VARIABLE.exec(key);
        if (variable) {
            const eq = value.indexOf('=');
            if (eq > 0)
                (block.vars[variable[1]] ??= {})[value.slice(0, eq)] = value.slice(eq + 1);
        }
        else if (!(key in block.fields))
            block.fields[key] = value;
        return undefined;
    }
}
/**
 * One action as the wire carries it. Values must not hold a line break: a secret with a CRLF in it would end the
 * block early and inject fields of its own.
 */
export function amiAction(fields) {
    let text = '';
    for (const [key, value] of Object.entries(fields)) {
        if (/[\r\n]/.test(key + value))
            throw new RangeError(`AMI field ${key} must not contain a line break`);
        text += `${key}: ${value}\r\n`;
    }
    return `${text}\r\n`;
}
/** Every message of a whole recorded stream (a fixture, a capture), with or without the banner line. */
export function parseAmiStream(text) {
    const parser = new AmiParser({ banner: text.startsWith('Asterisk Call Manager/') });
    // A final empty line completes the last block; one too many completes nothing.
    return parser.push(`${text}\r\n`);
}
//# sourceMappingURL=ami-parser.js.map