/**
 * Open311 GeoReport v2 documents (http://wiki.open311.org/GeoReport_v2) written as XML or JSON from one value, so
 * both formats always carry the same content. The value is plain JSON; XML follows the specification's examples:
 *
 * - the document's root element is named by the resource (`discovery`, `services`, `service_definition`, `errors`);
 * - an object's keys become child elements in the object's key order;
 * - a list becomes its element with one child per entry, named by the list's singular (`services` → `service`,
 *   `endpoints` → `endpoint`, `formats` → `format`, `attributes` → `attribute`, `values` → `value`, `errors` →
 *   `error`); a list at the top is the root (`<services><service>…`, as JSON an array, as the examples show);
 * - true/false, numbers as text; null as an empty element (`<datatype_description></datatype_description>`).
 *
 * XML is UTF-8 with the declaration the specification asks for; text is escaped, and characters XML 1.0 cannot
 * carry (control characters, lone surrogates) are dropped rather than making the document unreadable.
 *
 * Pure: no I/O.
 */

export type Open311Value = string | number | boolean | null | Open311Value[] | { [key: string]: Open311Value };
export type Open311Format = 'xml' | 'json';

export const OPEN311_FORMATS: readonly Open311Format[] = ['xml', 'json'];
export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
/** The media types discovery names for an endpoint (the specification's own spelling). */
export const FORMAT_MEDIA_TYPES = ['text/xml', 'application/json'] as const;

const SINGULAR: Record<string, string> = {
  services: 'service',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  service_requests: 'request',
};

const singularOf = (name: string): string => {
  const one = SINGULAR[name];
  if (!one) throw new Error(`Open311: no element name for the entries of ${name}`);
  return one;
};

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML character data: escaped, with the characters XML cannot carry dropped. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: Open311Value): string {
  if (!NAME.test(name)) throw new Error(`Open311: ${name} is not an XML element name`);
  if (value === null) return `<${name}></${name}>`;
  if (Array.isArray(value)) {
    const child = singularOf(name);
    return `<${name}>${value.map((v) => element(child, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  return `<${name}>${xmlText(String(value))}</${name}>`;
}

/** The document as XML: `root` names the root element (for a list: the list's element, `services`). */
export function toXml(root: string, value: Open311Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}

/** The document in the format asked for. */
export function renderDocument(format: Open311Format, root: string, value: Open311Value): string {
  return format === 'xml' ? toXml(root, value) : JSON.stringify(value);
}

/** The specification's error document: `<errors><error><code/><description/></error></errors>` / `[{code, description}]`. */
export const errorsDocument = (status: number, descriptions: readonly string[]): Open311Value =>
  descriptions.map((description) => ({ code: status, description }));

/**
 * The format a resource path asks for (`services.xml` → `services`, `xml`; the suffix in any case, `.JSON` too); null
 * when the path names none that GeoReport v2 knows (no suffix, or `.csv`).
 */
export function splitFormat(last: string): { name: string; format: Open311Format } | null {
  const dot = last.lastIndexOf('.');
  if (dot <= 0) return null;
  const suffix = last.slice(dot + 1).toLowerCase();
  if (suffix !== 'xml' && suffix !== 'json') return null;
  return { name: last.slice(0, dot), format: suffix };
}

/** The resources at the top (`services.xml`) and those named by an id below one (`services/{service_code}.xml`). */
const TOP_RESOURCES = ['discovery', 'services', 'requests'];
const ID_RESOURCES = ['services', 'requests', 'tokens'];

/**
 * Whether a path below the endpoint (`services.txt`, `requests`, `tokens/abc`) names one of its resources but
 * without a format GeoReport v2 knows: the answer is then 400 "write .xml or .json", whatever the method, rather
 * than 404 "no such resource". A path naming no resource (`nothing.json`, `requests/a/b.xml`) is not one of these.
 */
export function lacksFormat(path: string): boolean {
  const parts = path.split('/').filter((p) => p !== '');
  const last = parts[parts.length - 1];
  if (last === undefined || splitFormat(last)) return false;
  if (parts.length === 1) return TOP_RESOURCES.includes(last.split('.')[0]!);
  return parts.length === 2 && ID_RESOURCES.includes(parts[0]!);
}
