/**
 * A tiny strict XML well-formedness checker for the Confluence export tests. No XML parser is
 * installed (only HTML parsers, htmlparser2 and parse5, which repair bad markup instead of refusing
 * it), so this checks what matters for Confluence storage format and refuses anything else:
 * balanced and properly nested tags, well-formed names and quoted attributes (no duplicates), only the
 * five predefined entities or numeric character references, no bare `&` or `<`, no characters XML 1.0
 * forbids. Comments, CDATA, processing instructions and doctypes are refused: the export never writes
 * them, and so is a literal ">" inside an attribute value (legal XML, but the export escapes it).
 * Returns the parsed tree so tests can read the decoded text back.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// XML 1.0 forbids these control characters: matching them is the point.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new XmlError(`bare "<" at ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, body: string, offset: number) => {
    if (!match.endsWith(';')) throw new XmlError(`bare "&" at ${where + offset}`);
    if (body in PREDEFINED) return PREDEFINED[body] as string;
    const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
    if (numeric) return String.fromCodePoint(parseInt(numeric[1] ?? numeric[2] ?? '', numeric[1] ? 16 : 10));
    throw new XmlError(`entity "&${body};" at ${where + offset} is not one of XML's five predefined entities`);
  });
}

/** Parses a document with exactly one root element; throws XmlError at the first fault. */
export function parseStrictXml(xml: string): XmlElement {
  const bad = FORBIDDEN_CHAR.exec(xml);
  if (bad) throw new XmlError(`character U+${bad[0].charCodeAt(0).toString(16)} is not allowed in XML (at ${bad.index})`);

  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let pos = 0;
  while (pos < xml.length) {
    const open = xml.indexOf('<', pos);
    const textEnd = open < 0 ? xml.length : open;
    if (textEnd > pos) {
      const raw = xml.slice(pos, textEnd);
      if (raw.includes(']]>')) throw new XmlError(`"]]>" in text at ${pos}`);
      const text = decode(raw, pos);
      if (stack.length === 1) {
        if (text.trim() !== '') throw new XmlError(`text outside the root element at ${pos}`);
      } else {
        stack[stack.length - 1]!.children.push(text);
      }
    }
    if (open < 0) break;

    const close = xml.indexOf('>', open);
    if (close < 0) throw new XmlError(`unterminated tag at ${open}`);
    const tag = xml.slice(open + 1, close);
    pos = close + 1;

    if (tag.startsWith('/')) {
      const name = tag.slice(1).trimEnd();
      const top = stack.pop();
      if (!top || top === root) throw new XmlError(`closing </${name}> with nothing open at ${open}`);
      if (top.name !== name) throw new XmlError(`</${name}> at ${open} closes <${top.name}>`);
      continue;
    }
    if (/^[!?]/.test(tag)) throw new XmlError(`comments, CDATA, doctypes and processing instructions are not expected (at ${open})`);

    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = NAME.exec(body)?.[0];
    if (!name) throw new XmlError(`bad element name in <${tag}> at ${open}`);
    const element: XmlElement = { name, attributes: {}, children: [] };
    let rest = body.slice(name.length);
    while (rest.trim() !== '') {
      const attribute = /^\s+([A-Za-z_][A-Za-z0-9._:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(rest);
      if (!attribute) throw new XmlError(`bad attribute syntax in <${tag}> at ${open}`);
      const attrName = attribute[1] as string;
      if (attrName in element.attributes) throw new XmlError(`duplicate attribute ${attrName} at ${open}`);
      element.attributes[attrName] = decode(attribute[2] ?? attribute[3] ?? '', open);
      rest = rest.slice(attribute[0].length);
    }
    if (stack.length === 1 && root.children.length > 0) throw new XmlError(`second root element <${name}> at ${open}`);
    stack[stack.length - 1]!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 1) throw new XmlError(`<${stack[stack.length - 1]!.name}> is never closed`);
  const only = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!only) throw new XmlError('no root element');
  return only;
}

/** Decoded text of a node and everything inside it. */
export function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

export function elementsNamed(node: XmlNode, name: string): XmlElement[] {
  if (typeof node === 'string') return [];
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((child) => elementsNamed(child, name))];
}
