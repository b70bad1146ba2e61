/**
 * A tiny, strict reader of the XML the Open311 endpoint writes: the UTF-8 declaration, then elements without
 * attributes holding either child elements or text (with the five predefined entities). Anything else — an attribute,
 * a stray character, an unclosed or mismatched tag, an unknown entity — throws, so a malformed document fails its test.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
  return text.replace(/&([a-z]+);|&/g, (whole, name: string | undefined) => {
    const value = name ? ENTITIES[name] : undefined;
    if (value === undefined) throw new Error(`XML: bad entity ${whole}`);
    return value;
  });
}

export function parseXml(xml: string): XmlElement {
  if (!xml.startsWith(DECLARATION)) throw new Error('XML: missing <?xml version="1.0" encoding="utf-8"?>');
  let pos = DECLARATION.length;
  const name = /^[A-Za-z_][A-Za-z0-9_.-]*/;

  function element(): XmlElement {
    if (xml[pos] !== '<') throw new Error(`XML: expected < at ${pos}`);
    const m = name.exec(xml.slice(pos + 1));
    if (!m) throw new Error(`XML: bad element name at ${pos}`);
    const tag = m[0];
    pos += 1 + tag.length;
    if (xml[pos] !== '>') throw new Error(`XML: attributes or junk in <${tag}> at ${pos}`);
    pos += 1;
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (xml.startsWith(`</${tag}>`, pos)) {
        pos += tag.length + 3;
        break;
      }
      if (xml.startsWith('</', pos)) throw new Error(`XML: mismatched close of <${tag}> at ${pos}`);
      if (xml[pos] === '<') {
        if (text.trim() !== '') throw new Error(`XML: <${tag}> mixes text and elements`);
        children.push(element());
        continue;
      }
      const next = xml.indexOf('<', pos);
      if (next === -1) throw new Error(`XML: <${tag}> is never closed`);
      text += xml.slice(pos, next);
      pos = next;
    }
    if (children.length > 0 && text.trim() !== '') throw new Error(`XML: <${tag}> mixes text and elements`);
    return { name: tag, children, text: unescape(text) };
  }

  const root = element();
  if (xml.slice(pos) !== '\n') throw new Error('XML: content after the root element');
  return root;
}

/** The names of an element's children, in order. */
export const childNames = (e: XmlElement) => e.children.map((c) => c.name);

/** The child of that name (exactly one), or throws. */
export function child(e: XmlElement, n: string): XmlElement {
  const found = e.children.filter((c) => c.name === n);
  if (found.length !== 1) throw new Error(`XML: <${e.name}> has ${found.length} <${n}>`);
  return found[0]!;
}
