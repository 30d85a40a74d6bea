/**
 * The flat XML that WeChat and WeCom push (`<xml><Field><![CDATA[…]]></Field>…</xml>`), read and written.
 * Values stay strings: MsgId is a 64-bit integer that a JavaScript number would round.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ChannelRefusal } from '../adapter.js';
const parser = new XMLParser({
    parseTagValue: false,
    // Keeps a text message's own leading and trailing spaces; the whitespace between elements lands in '#text'.
    trimValues: false,
    ignoreAttributes: true,
    ignoreDeclaration: true,
});
/** Reads the `<xml>` root of a push; anything else (not XML, a DOCTYPE, another root) is refused as malformed. */
export function parseXml(body) {
    const text = body.toString();
    // The platforms never send a DOCTYPE; refusing it rules out entity expansion (XXE, "billion laughs").
    if (/<!DOCTYPE/i.test(text))
        throw new ChannelRefusal('malformed', 'XML with a DOCTYPE is not accepted');
    const valid = XMLValidator.validate(text);
    if (valid !== true)
        throw new ChannelRefusal('malformed', `not XML: ${valid.err.msg} (line ${valid.err.line})`);
    const root = parser.parse(text).xml;
    if (typeof root !== 'object' || root === null || Array.isArray(root))
        throw new ChannelRefusal('malformed', 'expected an <xml> document');
    return root;
}
/** A field's text, or undefined when absent, empty or not a single text element. */
export function field(xml, name) {
    const value = xml[name];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
}
/** A field the mapping cannot do without: refused as malformed, naming the field, when absent. */
export function requiredField(xml, name) {
    const value = field(xml, name);
    if (value === undefined)
        throw new ChannelRefusal('malformed', `${name} is missing`, name);
    return value;
}
/** Writes a flat `<xml>` document as the platforms do: strings in CDATA, numbers bare. */
export function buildXml(fields) {
    const cdata = (s) => `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
    const body = Object.entries(fields)
        .map(([name, value]) => `<${name}>${typeof value === 'number' ? value : cdata(value)}</${name}>`)
        .join('');
    return `<xml>${body}</xml>`;
}
//# sourceMappingURL=xml.js.map