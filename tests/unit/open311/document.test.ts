// The Open311 document writer (src/domain/open311/document.ts): the specification's element names and nesting, UTF-8
// declaration, escaping that any text survives, and the format suffix of a path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorsDocument, lacksFormat, renderDocument, splitFormat, toXml, xmlText } from '../../../src/domain/open311/document.js';
import { child, parseXml } from '../../api/support/open311-xml.js';

describe('toXml', () => {
  it('writes the specification’s errors document exactly', () => {
    expect(toXml('errors', errorsDocument(404, ['没有这个事项']))).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>404</code><description>没有这个事项</description></error></errors>\n',
    );
    expect(renderDocument('json', 'errors', errorsDocument(403, ['密钥无效']))).toBe('[{"code":403,"description":"密钥无效"}]');
  });

  it('names list entries by the list’s singular, writes booleans, numbers and null as the examples do', () => {
    const xml = toXml('service_definition', {
      service_code: 'MZ-003',
      attributes: [{ variable: true, code: 'A', datatype: 'singlevaluelist', required: false, datatype_description: null, order: 1, description: 'd', values: [{ key: 'k', name: 'n' }] }],
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>MZ-003</service_code><attributes><attribute><variable>true</variable><code>A</code>' +
        '<datatype>singlevaluelist</datatype><required>false</required><datatype_description></datatype_description><order>1</order><description>d</description>' +
        '<values><value><key>k</key><name>n</name></value></values></attribute></attributes></service_definition>\n',
    );
    expect(toXml('services', [])).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services></services>\n');
    expect(toXml('discovery', { endpoints: [{ formats: ['text/xml', 'application/json'] }] })).toContain(
      '<endpoints><endpoint><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints>',
    );
  });

  it('refuses a list it has no element name for, and a key that is not an element name', () => {
    expect(() => toXml('discovery', { things: [1] })).toThrow();
    expect(() => toXml('discovery', { 'a b': 1 })).toThrow();
  });

  it('any text reads back unchanged, less the characters XML 1.0 cannot carry', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const root = parseXml(toXml('errors', errorsDocument(400, [text])));
        // eslint-disable-next-line no-control-regex -- the characters XML 1.0 allows, spelled as the specification does
        const kept = text.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
        expect(child(child(root, 'error'), 'description').text).toBe(kept);
      }),
    );
  });

  it('escapes markup', () => {
    expect(xmlText(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});

describe('splitFormat', () => {
  it('reads .xml and .json (any case); nothing else', () => {
    expect(splitFormat('services.xml')).toEqual({ name: 'services', format: 'xml' });
    expect(splitFormat('MZ-003.JSON')).toEqual({ name: 'MZ-003', format: 'json' });
    expect(splitFormat('a.b.json')).toEqual({ name: 'a.b', format: 'json' });
    for (const bad of ['services', 'services.csv', '.xml', 'services.']) expect(splitFormat(bad), bad).toBeNull();
  });
});

describe('lacksFormat', () => {
  it('a resource without a format GeoReport v2 knows (400), not a path naming no resource (404)', () => {
    for (const path of ['/services', '/requests', 'discovery', '/services.txt', '/requests.html', '/services.xml.bak', '/services/MZ-003', '/requests/WS20260302-0001.csv', '/tokens/abc']) {
      expect(lacksFormat(path), path).toBe(true);
    }
    for (const path of ['/services.xml', '/requests.JSON', '/nothing', '/nothing.txt', '/requests/a/b', '/tokens', '', '/']) expect(lacksFormat(path), path).toBe(false);
  });
});
