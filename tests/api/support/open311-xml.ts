/**
 * A tiny, strict reader of the XML the Open311 endpoint writes: the UTF-8 declaration, then elements without
 * attributes holding either child elements or text (with the five predefined entities). Anything else — an attribute,
 * a stray character, an unclosed or mismatched tag, an unknown entity — throws, so a malformed document fails its test.
 */
import { expect } from 'vitest';

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

/**
 * The specification's error answer in either format: the status, the content type, each error's code (the status)
 * and a Chinese description. Answers the descriptions, for the test to look into.
 */
export function expectErrors(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, format: 'xml' | 'json'): string[] {
  expect(res.statusCode, res.body).toBe(status);
  if (format === 'xml') {
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const root = parseXml(res.body);
    expect(root.name).toBe('errors');
    expect(root.children.length).toBeGreaterThan(0);
    for (const e of root.children) {
      expect(e.name).toBe('error');
      expect(childNames(e)).toEqual(['code', 'description']);
      expect(child(e, 'code').text).toBe(String(status));
      expect(child(e, 'description').text).toMatch(/[\u4e00-\u9fff]/);
    }
    return root.children.map((e) => child(e, 'description').text);
  }
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = JSON.parse(res.body) as { code: number; description: string }[];
  expect(Array.isArray(body)).toBe(true);
  expect(body.length).toBeGreaterThan(0);
  for (const e of body) {
    expect(Object.keys(e)).toEqual(['code', 'description']);
    expect(e.code).toBe(status);
    expect(e.description).toMatch(/[\u4e00-\u9fff]/);
  }
  return body.map((e) => e.description);
}
